"""The comparison: draft and final paragraphs side by side, in rows, with the redline laid onto each column.

Reads: articles, the alignment's paragraph rows, translations (for English pages), the glossary (for tooltips).
Writes: HTML for the rows of an article page. Text from the sources is HTML-escaped wherever it enters HTML.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from generator.annotations.terms import TermMarker
from generator.compare.align import Link, Row
from generator.compare.redline import Segment, redline
from generator.corpus.model import Article, Document
from generator.corpus.numerals import to_numeral
from generator.render.locale import LOCALES
from generator.render.urls import anchor

English = Callable[[str], str | None]


@dataclass(frozen=True)
class Line:
    """One paragraph or item as a line of a column: its anchor, its marker (（一） or (1)), its text, the
    language the text is in and, for a paragraph of an article with more than one, its number in the margin
    (② / (2), as each language's citations count paragraphs; an item's number is its marker)."""

    anchor: str
    marker: str
    text: str
    item: bool
    lang: str = "zh"
    number: str = ""
    paragraph: int = 0


def paragraph_number(number: int, language: str) -> str:
    """The margin number of paragraph `number`: ② in Chinese (第二款), (2) in English (art. 49(2))."""
    return chr(0x245F + number) if language == "zh" and number <= 20 else f"({number})"


def margin(line: Line, link: bool) -> Markup:
    """The line's margin number as HTML: a permalink to the paragraph where the line has an id, else plain.
    Out of a hand-made selection (CSS), so that a quotation copied by hand holds only the text."""
    if not line.number:
        return Markup("")
    name = LOCALES[line.lang].where(line.paragraph)
    if link:
        return Markup(f'<a class="num" href="#{line.anchor}" aria-label="{name}" data-pagefind-ignore>{line.number}</a>')
    return Markup(f'<span class="num" title="{name}" data-pagefind-ignore>{line.number}</span>')


def lines_of(article: Article, paragraphs: Iterable[int] | None = None, english: English | None = None) -> list[Line]:
    """The article's paragraphs and items as lines; in English where `english` gives every one of them,
    else all in Chinese (a column is never half translated)."""
    wanted = set(paragraphs) if paragraphs is not None else None
    numbered = len(article.paragraphs) > 1
    units: list[tuple[str, int, int | None, str, str]] = []
    for paragraph in article.paragraphs:
        if wanted is not None and paragraph.number not in wanted:
            continue
        units.append((anchor(paragraph.number), paragraph.number, None, paragraph.text, paragraph.id))
        units.extend((anchor(paragraph.number, i.number), paragraph.number, i.number, i.text, i.id) for i in paragraph.items)
    translated = [english(unit_id) for *_, unit_id in units] if english else []
    language = "en" if english and all(translated) else "zh"
    texts = [str(text) for text in translated] if language == "en" else [chinese for *_, chinese, _ in units]
    lines = []
    for (place, paragraph_no, item, _, _), text in zip(units, texts, strict=True):
        marker = "" if item is None else f"({item}) " if language == "en" else f"（{to_numeral(item)}）"
        number = paragraph_number(paragraph_no, language) if numbered and item is None else ""
        lines.append(Line(place, marker, text, item is not None, language, number, paragraph_no))
    return lines


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
        number = margin(line, link=anchors == "")
        html.append(f'<p class="{css}"{attributes} lang="{line.lang}">{number}{"".join(piece)}{permalink}</p>')
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
        "before": _column_html(draft_lines, segments, "delete", "del", anchors=None, terms=None) if draft_lines else empty_draft,
        "after": _column_html(final_lines, segments, "insert", "ins", anchors=anchors, terms=terms) if final_lines else empty_final,
        "shape": Markup(""),  # set by comparison() for a merged or split row
    }


def rows_of(article: Article, link: Link) -> Iterator[Row]:
    """The rows of a final article's comparison (those of its link, without another article's of a split)."""
    for row in link.rows or (Row((), tuple((article.number, p.number) for p in article.paragraphs), 0.0),):
        mine = tuple(key for key in row.final if key[0] == article.number)
        if row.final and not mine:
            continue  # a row of another article of the same split
        yield Row(row.draft, mine, row.similarity)


def row_shape(row: Row) -> str:
    """ "merged" where draft paragraphs ran together into one final paragraph, "split" where one became
    several; "" for a row of one paragraph (or none) on each side."""
    if len(row.draft) > 1 and len(row.final) == 1:
        return "merged"
    if len(row.final) > 1 and len(row.draft) == 1:
        return "split"
    return ""


def row_lines(
    article: Article, link: Link, draft: Document, final: Document, english: English | None
) -> Iterator[tuple[list[Line], list[Line]]]:
    """The (draft lines, final lines) of each row of a final article's comparison."""
    for row in rows_of(article, link):
        draft_lines = [line for a, p in row.draft for line in lines_of(draft.article(a), [p], english)]
        yield draft_lines, [line for a, p in row.final for line in lines_of(final.article(a), [p], english)]


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
    shapes = [row_shape(row) for row in rows_of(article, link)]
    for (draft_lines, final_lines), shape in zip(row_lines(article, link, draft, final, english), shapes, strict=True):
        shown.update(line.lang for line in draft_lines + final_lines)
        row = compare_row(draft_lines, final_lines, labels, terms, anchors)
        row["shape"] = Markup(escape(labels["row_shapes"][shape])) if shape else Markup("")
        rows.append(row)
    return rows, shown


def parallel(article: Article, english: English, terms: dict[str, TermMarker]) -> list[dict[str, Markup]]:
    """The article's Chinese and its English side by side, line by line: one {"zh": html, "en": html} per
    paragraph or item. Where the article is not translated, the English cells are empty (the template says so).
    `terms` marks the glossary's terms in the language of the page only (its term list explains them)."""
    chinese = lines_of(article)
    translated = lines_of(article, english=english)
    english_lines = translated if translated and translated[0].lang == "en" else []
    rows = []
    for index, line in enumerate(chinese):
        row = {}
        for language, shown in (("zh", line), ("en", english_lines[index] if english_lines else None)):
            if shown is None:
                row[language] = Markup("")
                continue
            marker = terms.get(language)
            text = marker.mark(shown.text) if marker else str(escape(shown.text))
            css = "item" if shown.item else "para"
            row[language] = Markup(f'<p class="{css}" lang="{language}">{margin(shown, link=False)}{escape(shown.marker)}{text}</p>')
        rows.append(row)
    return rows
