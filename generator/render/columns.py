"""The comparison: draft and final paragraphs side by side, in rows, with the redline laid onto each column.

Reads: articles, the alignment's paragraph rows, translations (for English pages), the glossary (for tooltips).
Writes: HTML for the rows of an article page. Text from the sources is HTML-escaped wherever it enters HTML.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from generator.align import Link, Row
from generator.model import Article, Document
from generator.numerals import to_numeral
from generator.redline import Segment, redline
from generator.render.urls import anchor
from generator.terms import TermMarker

English = Callable[[str], str | None]


@dataclass(frozen=True)
class Line:
    """One paragraph or item as a line of a column: its anchor, its marker (（一） or (1)), its text and the
    language the text is in."""

    anchor: str
    marker: str
    text: str
    item: bool
    lang: str = "zh"


def lines_of(article: Article, paragraphs: Iterable[int] | None = None, english: English | None = None) -> list[Line]:
    """The article's paragraphs and items as lines; in English where `english` gives every one of them,
    else all in Chinese (a column is never half translated)."""
    wanted = set(paragraphs) if paragraphs is not None else None
    units: list[tuple[str, int | None, str, str]] = []
    for paragraph in article.paragraphs:
        if wanted is not None and paragraph.number not in wanted:
            continue
        units.append((anchor(paragraph.number), None, paragraph.text, paragraph.id))
        units.extend((anchor(paragraph.number, item.number), item.number, item.text, item.id) for item in paragraph.items)
    translated = [english(unit_id) for *_, unit_id in units] if english else []
    if english and all(translated):
        return [
            Line(place, f"({number}) " if number else "", str(text), number is not None, "en")
            for (place, number, _, _), text in zip(units, translated, strict=True)
        ]
    return [Line(place, f"（{to_numeral(number)}）" if number else "", chinese, number is not None) for place, number, chinese, _ in units]


def _column_html(
    lines: list[Line],
    segments: Iterable[Segment],
    keep: str,
    mark: str,
    anchors: str | None,
    terms: TermMarker | None,
) -> Markup:
    """Lay the redline's segments back onto the column's lines: `keep` is the op shown besides "equal",
    marked with the HTML element `mark` (del or ins). `anchors`: the prefix of the lines' ids (None: no ids)."""
    pieces: list[list[str]] = [[]]
    for segment in segments:
        if segment.op not in ("equal", keep):
            continue
        for index, chunk in enumerate(segment.text.split("\n")):
            if index:
                pieces.append([])
            if chunk:
                text = terms.mark(chunk) if terms else str(escape(chunk))
                pieces[-1].append(text if segment.op == "equal" else f"<{mark}>{text}</{mark}>")
    html = []
    for line, piece in zip(lines, pieces, strict=True):
        place = f"{anchors}{line.anchor}"
        attributes = f' id="{place}"' if anchors is not None else ""
        css = "item" if line.item else "para"
        permalink = f'<a class="anchor" href="#{place}" aria-label="¶ {place}" data-pagefind-ignore>¶</a>' if anchors is not None else ""
        html.append(f'<p class="{css}"{attributes} lang="{line.lang}">{"".join(piece)}{permalink}</p>')
    return Markup("".join(html))


def compare_row(
    draft_lines: list[Line], final_lines: list[Line], labels: dict[str, Any], terms: TermMarker | None = None, anchors: str = ""
) -> dict[str, Markup]:
    """One row of the comparison: the draft with its deletions marked, the final text with its insertions.
    The markers (（一）) ride along in the compared text so that the lines stay aligned."""
    language = "en" if all(line.lang == "en" for line in draft_lines + final_lines) else "zh"
    old = "\n".join(line.marker + line.text for line in draft_lines)
    new = "\n".join(line.marker + line.text for line in final_lines)
    segments = redline(old, new, language)
    empty_draft = Markup(f'<p class="absent">{escape(labels["no_counterpart"])}</p>')
    empty_final = Markup(f'<p class="absent">{escape(labels["dropped"])}</p>')
    return {
        "draft": _column_html(draft_lines, segments, "delete", "del", anchors=None, terms=None) if draft_lines else empty_draft,
        "final": _column_html(final_lines, segments, "insert", "ins", anchors=anchors, terms=terms) if final_lines else empty_final,
    }


def row_lines(
    article: Article, link: Link, draft: Document, final: Document, english: English | None
) -> Iterator[tuple[list[Line], list[Line]]]:
    """The (draft lines, final lines) of each row of a final article's comparison."""
    for row in link.rows or (Row((), tuple((article.number, p.number) for p in article.paragraphs), 0.0),):
        mine = [key for key in row.final if key[0] == article.number]
        if row.final and not mine:
            continue  # a row of another article of the same split
        draft_lines = [line for a, p in row.draft for line in lines_of(draft.article(a), [p], english)]
        yield draft_lines, [line for a, p in mine for line in lines_of(final.article(a), [p], english)]


def comparison(
    article: Article,
    link: Link,
    draft: Document,
    final: Document,
    labels: dict[str, Any],
    english: English | None,
    terms: TermMarker | None,
    anchors: str = "",
) -> tuple[list[dict[str, Markup]], set[str]]:
    """The rows of a final article's comparison, and the languages its columns are in."""
    rows: list[dict[str, Markup]] = []
    shown: set[str] = set()
    for draft_lines, final_lines in row_lines(article, link, draft, final, english):
        shown.update(line.lang for line in draft_lines + final_lines)
        rows.append(compare_row(draft_lines, final_lines, labels, terms, anchors))
    return rows, shown
