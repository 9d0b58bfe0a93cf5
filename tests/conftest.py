"""Shared fixtures and helpers: the project root, the corpus parsed once per session, the golden-file switch, a
copy of the project, the command line and MkDocs as a user runs them, and for the browser tests the built site
served once and one Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from generator.build import Pipeline, run_pipeline
from generator.corpus.sources import Corpus, load_corpus

if TYPE_CHECKING:
    from playwright.sync_api import Browser

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "sources"
MKDOCS = (sys.executable, "-m", "mkdocs")  # as ./dev runs it, with the project's own Python
# What a build reads: the generated pages are not copied (docs/ keeps only what is written by hand).
PROJECT = ("sources", "annotations", "generator", "hooks", "overrides", "docs/assets", "mkdocs.yml")


def copy_project(destination: Path) -> Path:
    """A copy of the project without generated pages, to build or break without touching the real one."""
    for name in PROJECT:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, destination / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(ROOT / name, destination / name)
    return destination


def run_cli(*arguments: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m generator ARGUMENTS` as an editor runs it."""
    return subprocess.run([sys.executable, "-m", "generator", *arguments], cwd=cwd, env=env, capture_output=True, text=True, check=False)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files from the current output")


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden")) or os.environ.get("UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    return load_corpus(ROOT)


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """The real edition, read once: texts, annotations and alignment (frozen; tests only read it)."""
    return run_pipeline(ROOT)


def seed(prefix: str) -> Path:
    """The source file whose name starts with this 3-digit prefix."""
    return next(SEEDS.glob(f"{prefix}_*.txt"))


@pytest.fixture(scope="session")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site, built once for all browser tests and served on a free local port."""
    from tests.browser import serve
    from tests.site import build_site

    site = tmp_path_factory.mktemp("browser-site")
    result = build_site(site)
    assert result.returncode == 0, result.stderr
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Chromium: Debian's where installed, else Playwright's (tests/browser.py)."""
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM_ARGS, chromium_executable

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_executable(), args=CHROMIUM_ARGS)
        yield launched
        launched.close()
