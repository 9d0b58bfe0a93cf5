"""Shared fixtures: the project root, the corpus parsed once per session, and the golden-file switch."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.sources import Corpus, load_corpus

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "sources"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files from the current output")


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden")) or os.environ.get("UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    return load_corpus(ROOT)


def seed(prefix: str) -> Path:
    """The source file whose name starts with this 3-digit prefix."""
    return next(SEEDS.glob(f"{prefix}_*.txt"))
