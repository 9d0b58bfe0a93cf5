"""A second build of the same tree renders nothing: the generator keeps a record of what it wrote for which
inputs in the user's cache folder (generator/build.py), and believes it only while every file is as written."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import build
from tests.conftest import copy_project


def test_a_second_build_of_the_same_tree_renders_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    project = copy_project(tmp_path / "project")
    docs = project / "docs"
    first = build.generate(project, docs)
    assert first is not None and first.written > 0
    build._last_run.clear()  # as in a new process: `mkdocs build` again
    assert build.generate(project, docs) is None

    page = docs / "zh" / "articles" / "12.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nedited by hand\n", encoding="utf-8")
    build._last_run.clear()
    again = build.generate(project, docs)  # a generated file no longer as written: everything is made again
    assert again is not None and again.written == 1 and "edited by hand" not in page.read_text(encoding="utf-8")

    note = project / "annotations" / "final" / "12.yml"
    note.write_text(
        note.read_text(encoding="utf-8").replace(
            "\nnotes:\n", "\nnotes:\n  - {id: cache-test, kind: context, author: test, date: 2026-01-01, zh: 测试, en: test}\n", 1
        ),
        encoding="utf-8",
    )
    build._last_run.clear()
    edited = build.generate(project, docs)  # an input changed
    assert edited is not None and edited.written >= 2 and "cache-test" in (docs / "en" / "articles" / "12.md").read_text(encoding="utf-8")

    for record in (tmp_path / "cache").rglob("*.json"):
        record.unlink()  # the cache deleted: safe, the next build renders everything and writes nothing new
    build._last_run.clear()
    rebuilt = build.generate(project, docs)
    assert rebuilt is not None and rebuilt.written == 0
