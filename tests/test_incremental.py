"""Under `mkdocs serve` an edit re-renders only the pages that read what it changed
(generator/render/incremental.py). After each kind of single edit an editor makes, the pages made so are
byte for byte those a full render makes, and far fewer are made."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import run_pipeline
from generator.render.incremental import Rendered, render_pages
from generator.render.pages import pages
from generator.render.site import Site
from tests.conftest import copy_project


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


NOTE = "  - {id: incremental, kind: context, author: test, date: 2026-01-01, zh: 测试, en: test}\n"
CAPTION = 'en: "Investment in and construction of digital infrastructure"'
DEFINITION = "the subject of Chapter 3 of these Regulations"
THEME = "The market regulation departments are duty-bearers"
EDITS: dict[str, tuple[str, str, str]] = {  # kind of edit: (the file, the words, what they become)
    "a note added": ("annotations/final/12.yml", "\nnotes:\n", "\nnotes:\n" + NOTE),
    "a translation changed": ("annotations/final/12.yml", "on an\n        equal footing", "on an\n        equal basis"),
    "a caption changed": ("annotations/final/12.yml", CAPTION, 'en: "Investing in and building digital infrastructure"'),
    "a review date changed": ("annotations/final/12.yml", "reviewed: 2026-12-07", "reviewed: 2026-12-08"),
    "a glossary definition changed": ("annotations/glossary.yml", DEFINITION, "the subject of Chapter 3 of the Regulations"),
    "a chapter title translated anew": ("annotations/final/chapters.yml", "      General Provisions\n", "      General provisions\n"),
    "a key-changes theme reworded": ("annotations/changes.yml", THEME, "The market regulation departments bear duties"),
}


@pytest.fixture(scope="module")
def before(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Rendered]:
    project = copy_project(tmp_path_factory.mktemp("incremental"))
    pipeline = run_pipeline(project)
    site = Site(pipeline.corpus, pipeline.alignment, pipeline.annotations)
    rendered = render_pages(site)
    assert rendered.contents == dict(pages(site)), "recording what pages read changes no page"
    return project, rendered


@pytest.mark.parametrize("edit", list(EDITS))
def test_after_one_edit_the_pages_made_again_are_those_of_a_full_render(before: tuple[Path, Rendered], edit: str) -> None:
    project, rendered = before
    name, old, new = EDITS[edit]
    path = project / name
    original = path.read_text(encoding="utf-8")
    _replace(path, old, new)
    try:
        pipeline = run_pipeline(project)
        site = Site(pipeline.corpus, pipeline.alignment, pipeline.annotations)
        again = render_pages(site, rendered)
        full = dict(pages(site))
        assert again.contents == full
        assert again.contents != rendered.contents, "the edit shows somewhere"
        if edit != "a glossary definition changed":  # the glossary is read by every page that marks its terms
            assert again.made < len(full) / 4, f"{again.made} of {len(full)} pages made again"
    finally:
        path.write_text(original, encoding="utf-8")
