"""Render the site's pages as Markdown (with HTML blocks where Markdown has no construct), in both languages.

Reads: the corpus, the alignment, labels.yml and the templates beside this module. Writes: nothing itself —
`pages()` returns {path under docs/: content}; `generator.build` writes what changed.

One Jinja environment, StrictUndefined (a missing value fails the build), filters registered explicitly.
Text from the sources is HTML-escaped wherever it enters HTML, and Markdown-escaped in Markdown titles.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from generator.align import Alignment, Link, Row
from generator.annotate import Annotations, GlossaryTerm
from generator.checks import term_pattern
from generator.diff import Segment, redline
from generator.model import Article, Chapter, Document
from generator.numerals import to_numeral
from generator.sources import Corpus

TEMPLATES = Path(__file__).parent / "templates"
LANGUAGES = ("zh", "en")
# Where each document's article pages live: final article 12 at /articles/12/, draft 14 at /draft/14/.
FOLDERS = {"final": "articles", "draft": "draft", "heilongjiang": "heilongjiang"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
MARKDOWN_SPECIAL = str.maketrans({char: f"\\{char}" for char in "\\`*_{}[]<>()#+-.!|"})


def markdown_escape(text: str) -> str:
    return text.translate(MARKDOWN_SPECIAL)


def format_date(day: date, language: str) -> str:
    if language == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def relative(from_page: str, to_page: str, anchor: str = "") -> str:
    """The link from one generated page to another (paths under the language folder, e.g. articles/12.md),
    as the built site serves them (directory URLs)."""

    def url(page: str) -> str:
        stem = page.removesuffix(".md")
        if stem == "index":
            return ""
        return stem.removesuffix("/index") + "/"

    base = url(from_page) or "."
    target = url(to_page) or "."
    link = posixpath.relpath(target, base)
    link = "./" if link == "." else link + "/"
    return link + (f"#{anchor}" if anchor else "")


def page_of(document_id: str, number: int) -> str:
    return f"{FOLDERS[document_id]}/{number}.md"


def index_of(document_id: str) -> str:
    """The page with a document's whole text."""
    return f"{FOLDERS[document_id]}/index.md"


@dataclass(frozen=True)
class Line:
    """One paragraph or item as a line of a column: its anchor, its marker (（一） or (1)), its text and the
    language the text is in."""

    anchor: str
    marker: str
    text: str
    item: bool
    lang: str = "zh"


def lines_of(article: Article, paragraphs: Iterable[int] | None = None, english: Callable[[str], str | None] | None = None) -> list[Line]:
    """The article's paragraphs and items as lines; in English where `english` gives every one of them,
    else all in Chinese (a column is never half translated)."""
    wanted = set(paragraphs) if paragraphs is not None else None
    units: list[tuple[str, int | None, str, str]] = []
    for paragraph in article.paragraphs:
        if wanted is not None and paragraph.number not in wanted:
            continue
        units.append((f"p{paragraph.number}", None, paragraph.text, paragraph.id))
        units.extend((f"p{paragraph.number}-{item.number}", item.number, item.text, item.id) for item in paragraph.items)
    translated = [english(unit_id) for *_, unit_id in units] if english else []
    if english and all(translated):
        return [
            Line(anchor, f"({number}) " if number else "", str(text), number is not None, "en")
            for (anchor, number, _, _), text in zip(units, translated, strict=True)
        ]
    return [
        Line(anchor, f"（{to_numeral(number)}）" if number else "", chinese, number is not None) for anchor, number, chinese, _ in units
    ]


class TermMarker:
    """Marks the first use on a page of each glossary term with a tooltip (CSS only: hover, focus or tap)
    and collects the terms used, for the list under the article that the tooltips point to."""

    def __init__(self, glossary: Iterable[GlossaryTerm], language: str) -> None:
        self.language = language
        self.terms = list(glossary)
        self.used: list[GlossaryTerm] = []
        if not self.terms:
            self.pattern: re.Pattern[str] | None = None
            return
        if language == "zh":
            forms = sorted({(form, index) for index, term in enumerate(self.terms) for form in term.chinese}, key=lambda f: -len(f[0]))
            self.lookup = dict(forms)
            self.pattern = re.compile("|".join(re.escape(form) for form, _ in forms))
        else:
            order = sorted(range(len(self.terms)), key=lambda i: -len(self.terms[i].en))
            self.pattern = re.compile("|".join(f"(?P<t{i}>{term_pattern(self.terms[i].en).pattern})" for i in order), re.IGNORECASE)

    def _index(self, match: re.Match[str]) -> int:
        if self.language == "zh":
            return self.lookup[match.group(0)]
        return int(next(name for name, value in match.groupdict().items() if value is not None)[1:])

    def mark(self, text: str) -> str:
        """`text` as HTML, escaped, with the first use of each term wrapped."""
        if self.pattern is None:
            return str(escape(text))
        html, position = [], 0
        for match in self.pattern.finditer(text):
            term = self.terms[self._index(match)]
            if term in self.used:
                continue
            self.used.append(term)
            number = len(self.used)
            meaning = term.meaning(self.language)
            tip = f"{term.zh} · {term.en}" + (("：" if self.language == "zh" else ": ") + meaning if meaning else "")
            html.append(str(escape(text[position : match.start()])))
            html.append(
                f'<span class="term" tabindex="0" data-tip="{escape(tip)}" aria-describedby="term-{number}">{escape(match.group(0))}</span>'
            )
            position = match.end()
        html.append(str(escape(text[position:])))
        return "".join(html)


def _column_html(
    lines: list[Line], segments: Iterable[Segment], keep: str, mark: str, anchors: str | None, terms: TermMarker | None
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
        anchor = f"{anchors}{line.anchor}"
        attributes = f' id="{anchor}"' if anchors is not None else ""
        css = "item" if line.item else "para"
        permalink = f'<a class="anchor" href="#{anchor}" aria-label="¶ {anchor}">¶</a>' if anchors is not None else ""
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


class Renderer:
    def __init__(self, corpus: Corpus, alignment: Alignment, annotations: Annotations | None = None) -> None:
        self.corpus = corpus
        self.alignment = alignment
        self.annotations = annotations or Annotations()
        self.documents = {document.id: corpus.document(document.id) for document in corpus.catalogue.documents}
        self.labels: dict[str, dict[str, Any]] = yaml.safe_load((TEMPLATES / "labels.yml").read_text(encoding="utf-8"))
        self.env = Environment(
            loader=FileSystemLoader(TEMPLATES),
            undefined=StrictUndefined,
            autoescape=False,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters["md"] = markdown_escape
        self.env.filters["numeral"] = to_numeral

    # -- names and links ----------------------------------------------------------------------------------

    def article_name(self, document_id: str, number: int, language: str) -> str:
        """第十二条 / Article 12, and for the other documents 征求意见稿第十四条 / Draft Article 14."""
        if language == "zh":
            return {"final": "", "draft": "征求意见稿", "heilongjiang": "黑龙江省征求意见稿"}[document_id] + f"第{to_numeral(number)}条"
        return {"final": "", "draft": "Draft ", "heilongjiang": "Heilongjiang Draft "}[document_id] + f"Article {number}"

    def english(self, language: str) -> Callable[[str], str | None] | None:
        """Where English text comes from on a page in `language` (None on Chinese pages)."""
        return self.annotations.english if language == "en" else None

    def chapter_name(self, chapter: Chapter, language: str) -> str:
        if language == "zh":
            return f"第{to_numeral(chapter.number)}章 {chapter.title}"
        return f"Chapter {chapter.number} {self.annotations.english(chapter.id) or chapter.title}"

    def chapter_html(self, chapter: Chapter, language: str) -> Markup:
        """The chapter's name for HTML; an untranslated Chinese title on an English page is marked lang="zh"."""
        translated = self.annotations.english(chapter.id)
        if language == "zh" or translated:
            return escape(self.chapter_name(chapter, language))
        return Markup(f'Chapter {chapter.number} <span lang="zh">{escape(chapter.title)}</span>')

    def article_title(self, article: Article, language: str) -> str | None:
        """The 【title】 of an article, in the page's language where translated."""
        if article.title is None:
            return None
        return (self.annotations.english(f"{article.id}/title") if language == "en" else None) or article.title

    def terms_list(self, terms: TermMarker) -> list[dict[str, str]]:
        return [
            {"id": f"term-{number}", "zh": term.zh, "en": term.en, "definition": term.meaning(terms.language)}
            for number, term in enumerate(terms.used, start=1)
        ]

    def chapter_of(self, document: Document, number: int) -> Chapter:
        return next(chapter for chapter in document.chapters if any(a.number == number for a in chapter.all_articles()))

    def relation_label(self, link: Link, language: str) -> str:
        relations = self.labels[language]["relations"]
        if link.relation == "moved" and link.changed:
            return str(relations["moved_changed"])
        return str(relations[link.relation])

    @cached_property
    def dates(self) -> dict[str, date]:
        """adopted, approved, in-force (from the printed final text), published (from the draft)."""
        found: dict[str, date] = {}
        for document_id in ("final", "draft"):
            witness = self.corpus.catalogue.witness(self.corpus.catalogue.document(document_id).printed)
            for stated in witness.dates:
                found.setdefault(stated.event, stated.date)
        return found

    # -- pages ----------------------------------------------------------------------------------------------

    def render(self, template: str, **context: Any) -> str:
        return self.env.get_template(template).render(**context)

    def common(self, language: str, page: str) -> dict[str, Any]:
        return {
            "lang": language,
            "labels": self.labels[language],
            "link": lambda target, anchor="": relative(page, target, anchor),
            "article_name": lambda document_id, number: self.article_name(document_id, number, language),
            "chapter_name": lambda chapter: self.chapter_name(chapter, language),
            "chapter_html": lambda chapter: self.chapter_html(chapter, language),
            "relation_label": lambda link: self.relation_label(link, language),
            "date": lambda day: format_date(day, language),
            "page_of": page_of,
            "index_of": index_of,
        }

    def final_article(self, article: Article, language: str) -> str:
        page = page_of("final", article.number)
        final = self.documents["final"]
        draft = self.documents["draft"]
        link = self.alignment.for_final(article.number)
        labels = self.labels[language]
        terms = TermMarker(self.annotations.glossary, language)

        shown: set[str] = set()  # the languages the columns are in

        def rows_in(english: Callable[[str], str | None] | None, marker: TermMarker | None, anchors: str = "") -> list[dict[str, Markup]]:
            rows = []
            for row in link.rows or (Row((), tuple((article.number, p.number) for p in article.paragraphs), 0.0),):
                mine = [key for key in row.final if key[0] == article.number]
                if row.final and not mine:
                    continue  # a row of another article of the same split
                draft_lines = [line for a, p in row.draft for line in lines_of(draft.article(a), [p], english)]
                final_lines = [line for a, p in mine for line in lines_of(final.article(a), [p], english)]
                shown.update(line.lang for line in draft_lines + final_lines)
                rows.append(compare_row(draft_lines, final_lines, labels, marker, anchors))
            return rows

        rows = rows_in(self.english(language), terms)
        translated = language == "en" and all(self.annotations.english(unit) for unit in _unit_ids(article))
        original = rows_in(None, None, "zh-") if language == "en" and "en" in shown else []
        numbers = [a.number for a in final.articles]
        position = numbers.index(article.number)
        return self.render(
            "final_article.md.j2",
            **self.common(language, page),
            article=article,
            chapter=self.chapter_of(final, article.number),
            alignment=link,
            rows=rows,
            original=original,
            translated=translated,
            terms=self.terms_list(terms),
            previous=numbers[position - 1] if position else None,
            next=numbers[position + 1] if position + 1 < len(numbers) else None,
            final_date=format_date(self.dates["adopted"], language),
            draft_date=format_date(self.dates["published"], language),
        )

    def plain_article(self, document_id: str, article: Article, language: str) -> str:
        document = self.documents[document_id]
        page = page_of(document_id, article.number)
        numbers = [a.number for a in document.articles]
        position = numbers.index(article.number)
        link = self.alignment.for_draft(article.number) if document_id == "draft" else None
        terms = TermMarker(self.annotations.glossary, language)
        lines = lines_of(article, english=self.english(language))
        translated = bool(lines) and lines[0].lang == language
        return self.render(
            "document_article.md.j2",
            **self.common(language, page),
            document_id=document_id,
            document_title=self.corpus.catalogue.document(document_id).title,
            article=article,
            title=self.article_title(article, language),
            lines=[(line, Markup(terms.mark(line.marker + line.text))) for line in lines],
            original=[(line, escape(line.marker + line.text)) for line in lines_of(article)] if language == "en" and translated else [],
            translated=translated,
            terms=self.terms_list(terms),
            chapter=self.chapter_of(document, article.number),
            alignment=link,
            previous=numbers[position - 1] if position else None,
            next=numbers[position + 1] if position + 1 < len(numbers) else None,
        )

    def whole_text(self, document_id: str, language: str) -> str:
        document = self.documents[document_id]
        entry = self.corpus.catalogue.document(document_id)
        badges = None
        if document_id == "final":
            badges = {a.number: self.alignment.for_final(a.number) for a in document.articles}
        elif document_id == "draft":
            badges = {a.number: self.alignment.for_draft(a.number) for a in document.articles}
        english = self.english(language)
        articles = {article.number: lines_of(article, english=english) for article in document.articles}
        return self.render(
            "whole_text.md.j2",
            **self.common(language, index_of(document_id)),
            title=getattr(entry.title, language),
            notes=document.notes,
            document=document,
            articles=articles,
            article_title=lambda article: self.article_title(article, language),
            badges=badges,
        )

    def chapter(self, chapter: Chapter, language: str) -> str:
        final = self.documents["final"]
        chapters = list(final.chapters)
        position = chapters.index(chapter)
        english = self.english(language)
        rows = []
        for article in chapter.all_articles():
            first = lines_of(article, [1], english)[0]
            rows.append(
                (article, self.alignment.for_final(article.number), _opening(first.text, 28 if first.lang == "zh" else 90), first.lang)
            )
        return self.render(
            "chapter.md.j2",
            **self.common(language, f"chapters/{chapter.number}.md"),
            chapter=chapter,
            rows=rows,
            previous=chapters[position - 1] if position else None,
            next=chapters[position + 1] if position + 1 < len(chapters) else None,
        )

    def home(self, language: str) -> str:
        order = ["published", "adopted", "approved", "in-force"]
        events = [(event, self.dates[event]) for event in order if event in self.dates]
        counts = [
            (relation, count) for relation, count in sorted(self.alignment.counts().items(), key=lambda rc: RELATION_ORDER.index(rc[0]))
        ]
        return self.render(
            "home.md.j2",
            **self.common(language, "index.md"),
            events=events,
            draft=self.documents["draft"],
            final=self.documents["final"],
            counts=counts,
            bar=relation_bar(counts, self.labels[language]),
        )

    def glossary(self, language: str) -> str:
        terms = [
            {
                "anchor": f"term-{index}",
                "zh": term.zh,
                "en": term.en,
                "also": term.also,
                "definition": term.meaning(language),
                "note": getattr(term.note, language) if term.note else None,
            }
            for index, term in enumerate(sorted(self.annotations.glossary, key=lambda t: t.en.lower()), start=1)
        ]
        return self.render("glossary.md.j2", **self.common(language, "glossary.md"), terms=terms)

    def about(self, language: str) -> str:
        coverage = [(getattr(entry.title, language), *self.annotations.coverage(entry.id)) for entry in self.corpus.catalogue.documents]
        return self.render(f"about.{language}.md.j2", **self.common(language, "about.md"), coverage=coverage)

    def pages(self) -> Iterator[tuple[str, str]]:
        """(path under docs/, content) for every generated page, in both languages."""
        for language in LANGUAGES:
            yield f"{language}/index.md", self.home(language)
            yield f"{language}/about.md", self.about(language)
            yield f"{language}/glossary.md", self.glossary(language)
            for document_id in ("final", "draft", "heilongjiang"):
                yield f"{language}/{index_of(document_id)}", self.whole_text(document_id, language)
            yield (
                f"{language}/chapters/index.md",
                self.render("chapters.md.j2", **self.common(language, "chapters/index.md"), document=self.documents["final"]),
            )
            for chapter in self.documents["final"].chapters:
                yield f"{language}/chapters/{chapter.number}.md", self.chapter(chapter, language)
            yield (
                f"{language}/concordance.md",
                self.render(
                    "concordance.md.j2",
                    **self.common(language, "concordance.md"),
                    alignment=self.alignment,
                    svg=flow_svg(self, language, "concordance.md"),
                ),
            )
            for article in self.documents["final"].articles:
                yield f"{language}/{page_of('final', article.number)}", self.final_article(article, language)
            for document_id in ("draft", "heilongjiang"):
                for article in self.documents[document_id].articles:
                    yield f"{language}/{page_of(document_id, article.number)}", self.plain_article(document_id, article, language)


def _unit_ids(article: Article) -> Iterator[str]:
    for paragraph in article.paragraphs:
        yield paragraph.id
        for item in paragraph.items:
            yield item.id


RELATION_ORDER = ["identical", "modified", "moved", "merged", "split", "new", "deleted"]


def _opening(text: str, length: int) -> str:
    """The first words of an article, for lists."""
    return text if len(text) <= length else text[:length].rstrip() + "…"


def relation_bar(counts: list[tuple[str, int]], labels: dict[str, Any]) -> Markup:
    """A stacked bar of how many articles stand in each relation, with the numbers written on it."""
    total = sum(count for _, count in counts) or 1
    width, x = 600, 0.0
    parts = [
        f'<svg class="relation-bar" viewBox="0 0 {width} 52" role="img" aria-label="{escape(labels["changes"])}" '
        'xmlns="http://www.w3.org/2000/svg" font-size="15">'
    ]
    for relation, count in counts:
        share = width * count / total
        parts.append(f'<rect x="{x:.1f}" y="0" width="{share:.1f}" height="28" fill="{RELATION_COLOURS[relation]}"/>')
        if share > 24:
            parts.append(f'<text x="{x + share / 2:.1f}" y="19" fill="#fff" text-anchor="middle">{count}</text>')
        if share > 60:
            parts.append(f'<text x="{x + 2:.1f}" y="46" fill="{RELATION_COLOURS[relation]}">{escape(labels["relations"][relation])}</text>')
        x += share
    parts.append("</svg>")
    return Markup("".join(parts))


RELATION_COLOURS = {
    "identical": "#757575",
    "modified": "#1565c0",
    "moved": "#7b1fa2",
    "merged": "#e65100",
    "split": "#e65100",
    "new": "#2e7d32",
    "deleted": "#c62828",
}
ROW = 14
TOP = 24


def _flow_positions(document: Document) -> tuple[dict[int, float], list[tuple[int, float]], float]:
    """The y of each article's row and of each chapter's label, chapters separated by a label row."""
    y = float(TOP)
    rows: dict[int, float] = {}
    chapters: list[tuple[int, float]] = []
    for chapter in document.chapters:
        y += ROW
        chapters.append((chapter.number, y))
        for article in chapter.all_articles():
            y += ROW
            rows[article.number] = y
    return rows, chapters, y + ROW


def flow_svg(renderer: Renderer, language: str, page: str) -> Markup:
    """Draft articles on the left, final articles on the right, a line for each link: made at build time,
    readable without JavaScript, each number a link. Relation is shown by colour and by line style (moved:
    dashed) and deletions by a × as well, so colour is never the only cue."""
    draft, final = renderer.documents["draft"], renderer.documents["final"]
    left, left_chapters, left_end = _flow_positions(draft)
    right, right_chapters, right_end = _flow_positions(final)
    width, label = 340, 74
    parts = [
        f'<svg class="flow-diagram" viewBox="0 0 {width} {max(left_end, right_end):.0f}" role="img" '
        f'aria-labelledby="flow-title" xmlns="http://www.w3.org/2000/svg" font-size="11">',
        f'<title id="flow-title">{escape(renderer.labels[language]["flow_title"])}</title>',
        f'<text x="0" y="12" font-weight="bold">{escape(renderer.labels[language]["draft_articles_total"])}</text>',
        f'<text x="{width}" y="12" font-weight="bold" text-anchor="end">{escape(renderer.labels[language]["final_articles_total"])}</text>',
    ]
    for number, y in left_chapters:
        parts.append(f'<text class="flow-chapter" x="0" y="{y:.0f}">{escape(_chapter_short(number, language))}</text>')
    for number, y in right_chapters:
        parts.append(
            f'<text class="flow-chapter" x="{width}" y="{y:.0f}" text-anchor="end">{escape(_chapter_short(number, language))}</text>'
        )
    for link in renderer.alignment.links:
        colour = RELATION_COLOURS[link.relation]
        dash = ' stroke-dasharray="4 3"' if link.relation == "moved" else ""
        for d in link.draft:
            for f in link.final:
                y1, y2 = left[d] - 4, right[f] - 4
                middle = width / 2
                parts.append(
                    f'<path d="M{label} {y1:.0f} C{middle} {y1:.0f} {middle} {y2:.0f} {width - label} {y2:.0f}" '
                    f'fill="none" stroke="{colour}" stroke-width="1.2"{dash}/>'
                )
    for number, y in left.items():
        link = renderer.alignment.for_draft(number)
        mark = " ×" if link.relation == "deleted" else ""
        name = escape(_article_short(number, language))
        parts.append(
            f'<a href="{relative(page, page_of("draft", number))}"><text x="0" y="{y:.0f}" fill="{RELATION_COLOURS[link.relation]}">'
            f"{name}{mark}</text></a>"
        )
    for number, y in right.items():
        link = renderer.alignment.for_final(number)
        name = escape(_article_short(number, language))
        parts.append(
            f'<a href="{relative(page, page_of("final", number))}"><text x="{width}" y="{y:.0f}" text-anchor="end" '
            f'fill="{RELATION_COLOURS[link.relation]}">{name}</text></a>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def _article_short(number: int, language: str) -> str:
    # Arabic numerals keep the labels narrow enough for a phone-width diagram.
    return f"第{number}条" if language == "zh" else f"Art. {number}"


def _chapter_short(number: int, language: str) -> str:
    return f"第{to_numeral(number)}章" if language == "zh" else f"Chapter {number}"
