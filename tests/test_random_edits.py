"""Random edits of the real files an editor touches never end in a traceback: loading them either succeeds or
raises InputError whose every problem names its file and a line (hypothesis draws the edits). A build stops on
the same InputError before it writes a page (tests/test_apparatus.py), so no edit gives a partial site."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.annotations.annotate import load_annotations
from generator.corpus.sources import Corpus, load_catalogue
from generator.errors import InputError
from tests.conftest import ROOT

# Files of each kind an editor edits: an article's, a chapter file, the glossary, the laws, alignment, the themes,
# the synonyms, a law provision's translation, and the catalogue.
FILES = [
    "annotations/final/49.yml", "annotations/draft/60.yml", "annotations/heilongjiang/3.yml", "annotations/final/chapters.yml",
    "annotations/glossary.yml", "annotations/laws.yml", "annotations/alignment.yml", "annotations/changes.yml",
    "annotations/synonyms.yml", "annotations/laws/data-security-law/19.yml", "sources/sources.yml",
]  # fmt: skip
# What editors mistype, and what YAML reads specially.
PIECES = st.sampled_from([":", ": ", "- ", "#", " #", '"', "'", "{", "}", "[", "]", "\n", "  ", "\t", "&a", "*a", "!!str",
                          "|", ">", "%", "@", "`", "no", "2023-13-45", "12345678", "~", "null", "\ufeff", "条", "x" * 400])  # fmt: skip


def edit(text: str, data: st.DataObject) -> str:
    """One random edit: insert a run of pieces, delete a span, or repeat a line."""
    kind = data.draw(st.sampled_from(["insert", "delete", "repeat"]))
    at = data.draw(st.integers(min_value=0, max_value=len(text)))
    if kind == "insert":
        return text[:at] + "".join(data.draw(st.lists(PIECES, min_size=1, max_size=4))) + text[at:]
    if kind == "delete":
        return text[:at] + text[at + data.draw(st.integers(min_value=1, max_value=200)) :]
    lines = text.split("\n")
    line = at % len(lines)
    return "\n".join([*lines[: line + 1], lines[line], *lines[line + 1 :]])


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("edited")
    for folder in ("sources", "annotations"):
        shutil.copytree(ROOT / folder, copy / folder)
    return copy


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_a_random_edit_is_loaded_or_named_with_file_and_line(project: Path, corpus: Corpus, data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(FILES))
    path = project / name
    original = (ROOT / name).read_text(encoding="utf-8")
    path.write_text(edit(original, data), encoding="utf-8")
    try:
        if name.startswith("sources/"):
            load_catalogue(project)
        else:
            documents = {entry.id: corpus.document(entry.id) for entry in corpus.catalogue.documents}
            load_annotations(project, documents, corpus.laws)
    except InputError as error:
        assert error.problems
        assert all(problem.file and problem.line >= 1 for problem in error.problems), error
    finally:
        path.write_text(original, encoding="utf-8")
