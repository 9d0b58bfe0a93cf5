"""Nothing lost, nothing added: each node's text is its span of the source with exactly its recorded repairs
applied, and every line of every source is in a node, a heading, or recorded front matter."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from generator.corpus.layout import read_source
from generator.corpus.model import Document, Repair, Span
from generator.corpus.normalise import REPAIR_KINDS, apply_repairs
from generator.corpus.sources import Corpus
from tests.conftest import ROOT

WITNESSES = ["000", "001", "002", "003", "004", "005", "006", "007"]  # the seeds, then the national laws


def text_nodes(document: Document) -> Iterator[tuple[str, str, Span, tuple[Repair, ...]]]:
    """(id, text, span, repairs) for every node that carries text: chapter, section and article titles,
    paragraphs and items."""
    for chapter in document.chapters:
        yield chapter.id, chapter.title, chapter.span, chapter.repairs
        for section in chapter.sections:
            yield section.id, section.title, section.span, section.repairs
    for article in document.articles:
        for paragraph in article.paragraphs:
            yield paragraph.id, paragraph.text, paragraph.span, paragraph.repairs
            for item in paragraph.items:
                yield item.id, item.text, item.span, item.repairs


def source_slice(lines: list[str], span: Span) -> str:
    """Read the span straight from the file's lines (independently of the parser's own slicing)."""
    chunk = "\n".join(lines[span.line - 1 : span.end_line])
    start = span.column
    end = len(chunk) - (len(lines[span.end_line - 1]) - span.end_column)
    return chunk[start:end]


@pytest.mark.parametrize("witness", WITNESSES)
def test_text_is_source_plus_recorded_repairs(corpus: Corpus, witness: str) -> None:
    document = corpus.witnesses[witness]
    lines = read_source(ROOT / document.file)
    checked = 0
    for node, text, span, repairs in text_nodes(document):
        assert all(repair.kind in REPAIR_KINDS and repair.node == node for repair in repairs)
        raw = source_slice(lines, span)
        assert apply_repairs(raw, repairs) == text, node
        checked += 1
    assert checked > len(document.articles)


@pytest.mark.parametrize("witness", WITNESSES)
def test_article_titles_are_their_bracketed_source(corpus: Corpus, witness: str) -> None:
    document = corpus.witnesses[witness]
    lines = read_source(ROOT / document.file)
    for article in document.articles:
        heading = source_slice(lines, article.span)
        assert heading.lstrip("# ").startswith("第")
        if article.title is not None:
            inside = heading[heading.index("【") + 1 : heading.rindex("】")]
            assert apply_repairs(inside, article.repairs) == article.title


@pytest.mark.parametrize("witness", WITNESSES)
def test_every_source_line_is_accounted_for(corpus: Corpus, witness: str) -> None:
    document = corpus.witnesses[witness]
    lines = read_source(ROOT / document.file)
    covered = {line.line for line in document.front_matter} | set(document.layout_lines)
    for article in document.articles:
        covered.add(article.span.line)
    for _, _, span, _ in text_nodes(document):
        covered.update(range(span.line, span.end_line + 1))
    missing = [number for number, line in enumerate(lines, start=1) if line.strip() and number not in covered]
    assert missing == []


@pytest.mark.parametrize("witness", WITNESSES)
def test_repairs_never_change_wording(corpus: Corpus, witness: str) -> None:
    """A repair only removes white space, line breaks or emphasis marks, or widens punctuation."""
    widened = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
    for repair in corpus.witnesses[witness].repairs():
        if repair.kind in ("rejoin", "spacing"):
            assert repair.before.strip() == "" and repair.after in ("", " ")
        elif repair.kind == "emphasis":
            assert repair.before == f"**{repair.after}**"
        else:
            assert widened[repair.before] == repair.after


def test_repair_lines_point_at_the_source(corpus: Corpus) -> None:
    pdf = corpus.witnesses["002"]
    lines = read_source(ROOT / pdf.file)
    rejoins = [repair for repair in pdf.repairs() if repair.kind == "rejoin"]
    assert len(rejoins) == 12
    for repair in rejoins:  # each rejoin sits on a line that the PDF left unfinished
        assert lines[repair.line - 1].rstrip()[-1] not in "。；："
