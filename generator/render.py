"""Render the site's pages as Markdown (with HTML blocks where Markdown has no construct), in both languages.

Reads: the corpus, the alignment, labels.yml and the templates beside this module. Writes: nothing itself —
`pages()` returns {path under docs/: content}; `generator.build` writes what changed.

One Jinja environment, StrictUndefined (a missing value fails the build), filters registered explicitly.
Text from the sources is HTML-escaped wherever it enters HTML, and Markdown-escaped in Markdown titles.
"""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from generator import prerendered
from generator.align import Alignment, Link, Row, article_text
from generator.annotate import Annotations, GlossaryTerm
from generator.apparatus import PlacedNote, PlacedReference, Resolver, Target, note_html
from generator.checks import term_pattern
from generator.diff import Segment, redline, search_words
from generator.model import Article, Chapter, Document
from generator.numerals import to_numeral
from generator.sources import Corpus

TEMPLATES = Path(__file__).parent / "templates"
LANGUAGES = ("zh", "en")
# Compiled templates, kept between builds (Jinja checks each against its template's source): this one's and
# the theme's (hooks/templates.py). The default folder is in the temporary directory, writable only by this user.
TEMPLATE_CACHE = FileSystemBytecodeCache(pattern="annotated-law-%s.cache")
# Where each document's article pages live: final article 12 at /articles/12/, draft 14 at /draft/14/, and
# any other document under its id (heilongjiang article 10 at /heilongjiang/10/).
FOLDERS = {"final": "articles"}
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
    return f"{FOLDERS.get(document_id, document_id)}/{number}.md"


def index_of(document_id: str) -> str:
    """The page with a document's whole text."""
    return f"{FOLDERS.get(document_id, document_id)}/index.md"


@dataclass(frozen=True)
class Settings:
    """Where the site and its repository live (mkdocs.yml site_url and repo_url): feeds need absolute
    addresses, edit links need the repository. Without a repository the pages have no edit links."""

    site_url: str = "http://127.0.0.1:8000/"
    repository: str | None = None


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
        self._marked: set[int] = set()

    def _matches(self, text: str) -> list[tuple[int, int, int]]:
        """(start, end, term) of every term's uses, leftmost first and at one place the longest (市人民政府 over
        人民政府), overlaps dropped. A cheap substring test picks the terms worth a regex."""
        found: list[tuple[int, int, int]] = []
        lowered = text.lower()
        for index, term in enumerate(self.terms):
            if self.language == "zh":
                for form in term.chinese:
                    start = text.find(form)
                    while start >= 0:
                        found.append((start, start + len(form), index))
                        start = text.find(form, start + 1)
            elif _english_key(term.en) in lowered:
                found.extend((m.start(), m.end(), index) for m in term_pattern(term.en).finditer(text))
        found.sort(key=lambda match: (match[0], match[0] - match[1]))
        kept, position = [], 0
        for start, end, index in found:
            if start >= position:
                kept.append((start, end, index))
                position = end
        return kept

    def mark(self, text: str) -> str:
        """`text` as HTML, escaped, with the first use of each term wrapped."""
        html, position = [], 0
        for start, end, index in self._matches(text):
            if index in self._marked:
                continue
            self._marked.add(index)
            term = self.terms[index]
            self.used.append(term)
            number = len(self.used)
            meaning = term.meaning(self.language)
            names = f"{term.zh} · {term.en}" if self.language == "zh" else f"{term.en} · {term.zh}"
            tip = names + (("：" if self.language == "zh" else ": ") + meaning if meaning else "")
            html.append(str(escape(text[position:start])))
            attributes = f'class="term" tabindex="0" data-tip="{escape(tip)}" aria-describedby="term-{number}"'
            html.append(f"<span {attributes}>{escape(text[start:end])}</span>")
            position = end
        html.append(str(escape(text[position:])))
        return "".join(html)


def _english_key(english: str) -> str:
    """A substring every English form of a term contains (its first word without a plural ending)."""
    first = english.split()[0].lower()
    return first[:-1] if first.endswith("y") else first


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
        permalink = f'<a class="anchor" href="#{anchor}" aria-label="¶ {anchor}" data-pagefind-ignore>¶</a>' if anchors is not None else ""
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
    def __init__(
        self, corpus: Corpus, alignment: Alignment, annotations: Annotations | None = None, settings: Settings | None = None
    ) -> None:
        self.settings = settings or Settings()
        self.repository = self.settings.repository.rstrip("/") if self.settings.repository else None
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
            bytecode_cache=TEMPLATE_CACHE,
        )
        self.env.filters["md"] = markdown_escape
        self.env.filters["numeral"] = to_numeral
        self.env.filters["prerendered"] = prerendered.wrap

    # -- names and links ----------------------------------------------------------------------------------

    def article_name(self, document_id: str, number: int, language: str) -> str:
        """第十二条 / Article 12, and for the other documents 征求意见稿第十四条 / Draft Article 14."""
        prefix = self.corpus.catalogue.document(document_id).prefix
        if language == "zh":
            return prefix.zh + f"第{to_numeral(number)}条"
        return prefix.en + f"Article {number}"

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

    def search_words(self, article: Article) -> str:
        """Hidden words for the Chinese search index: the text's words, and the glossary terms it uses whole."""
        text = article_text(article)
        terms = [form for term in self.annotations.glossary for form in term.chinese if form in text]
        return "，".join(filter(None, [search_words(text), *terms]))

    # -- notes, references, citations ---------------------------------------------------------------------

    def target_name(self, target: Target, language: str) -> str:
        """第十二条第二款 / Article 12(2); 《数据安全法》第二十一条 / Data Security Law, Article 21."""
        if target.law is not None:
            if language == "zh":
                return f"《{target.law.zh}》" + (f"第{to_numeral(target.law_article)}条" if target.law_article else "")
            return target.law.en + (f", Article {target.law_article}" if target.law_article else "")
        assert target.document is not None
        title = self.corpus.catalogue.document(target.document).title
        if target.chapter is not None:
            return f"{getattr(title, language)} · " + self.chapter_name(
                self.documents[target.document].chapters[target.chapter - 1], language
            )
        if target.article is None:
            return str(getattr(title, language))
        name = self.article_name(target.document, target.article, language)
        return name + self._subdivision(target.anchor, language)

    @staticmethod
    def _subdivision(anchor: str, language: str) -> str:
        """p2-3 -> 第二款第三项 / (2)(3)"""
        if not anchor:
            return ""
        numbers = [int(part) for part in anchor[1:].split("-")]
        if language == "zh":
            return f"第{to_numeral(numbers[0])}款" + (f"第{to_numeral(numbers[1])}项" if len(numbers) > 1 else "")
        return "".join(f"({number})" for number in numbers)

    def _where(self, anchor: str, language: str) -> str:
        """p2-3 -> 第二款第三项 / paragraph 2, item 3"""
        if language == "zh":
            return self._subdivision(anchor, language)
        numbers = [int(part) for part in anchor[1:].split("-")]
        return f"paragraph {numbers[0]}" + (f", item {numbers[1]}" if len(numbers) > 1 else "")

    def target_page(self, target: Target) -> tuple[str, str]:
        """The page (under the language folder) and anchor a target of one of the texts is shown at."""
        assert target.document is not None
        if target.article is not None:
            return page_of(target.document, target.article), target.anchor
        if target.chapter is not None and target.document == "final":
            return f"chapters/{target.chapter}.md", ""
        return index_of(target.document), ""

    def target_link(self, target: Target, page: str) -> str | None:
        """A link from `page` to the target: a law's own address (if known), else the page it is shown at."""
        if target.law is not None:
            return target.law.url
        return relative(page, *self.target_page(target))

    @cached_property
    def resolver(self) -> Resolver:
        return Resolver(self.documents, {law.id: law for law in self.annotations.apparatus.laws})

    def resolve(self, text: str) -> Target:
        target = self.resolver.resolve(text)
        assert not isinstance(target, str), target  # checked when the annotations were loaded
        return target

    def citation(self, document_id: str, article: Article, anchor: str, language: str) -> str:
        """《石家庄市数字经济促进条例》第十二条第二款 / Shijiazhuang Municipal Regulations on Promoting the Digital
        Economy, art. 12(2). A one-paragraph article is cited as the article."""
        title = self.corpus.catalogue.document(document_id).title
        if len(article.paragraphs) == 1 and "-" not in anchor:
            anchor = ""
        if language == "zh":
            return f"《{title.zh}》第{to_numeral(article.number)}条" + self._subdivision(anchor, "zh")
        numbers = [int(part) for part in anchor[1:].split("-")] if anchor else []
        english = f"{title.en}, art. {article.number}" + (f"({numbers[0]})" if numbers else "")
        if len(numbers) > 1:
            english += f", item ({numbers[1]})"
        return english

    def apparatus(self, document_id: str, article: Article, language: str, page: str) -> dict[str, Any]:
        """What the article page shows under the text: notes, cross-references, backlinks, citations, edit link."""
        apparatus = self.annotations.apparatus
        notes = [self._note(placed, language, page) for placed in apparatus.notes_on(document_id, article.number)]
        if document_id == "final":
            notes += self._variant_notes(article, language)
        references = [self._reference(r, r.target, language, page) for r in apparatus.references_from(document_id, article.number)]
        backlinks = [self._reference(r, r.source, language, page) for r in apparatus.references_to(document_id, article.number)]
        anchors = [f"p{p.number}" for p in article.paragraphs]
        return {
            "notes": notes,
            "references": references,
            "backlinks": backlinks,
            "citations": {
                "zh": self.citation(document_id, article, "", "zh"),
                "en": self.citation(document_id, article, "", "en"),
            },
            "paragraph_citations": {anchor: self.citation(document_id, article, anchor, language) for anchor in anchors}
            | {
                f"p{p.number}-{item.number}": self.citation(document_id, article, f"p{p.number}-{item.number}", language)
                for p in article.paragraphs
                for item in p.items
            },
            "edit": f"{self.repository}/edit/main/annotations/{document_id}/{article.number}.yml" if self.repository else None,
        }

    def _note(self, placed: PlacedNote, language: str, page: str) -> dict[str, Any]:
        note = placed.note
        target = placed.target
        return {
            "id": note.id,
            "kind": note.kind,
            "on": self._where(target.anchor, language) if target.anchor else "",
            "anchor": target.anchor,
            "html": Markup(note_html(getattr(note, language), lambda id_: self._id_link(id_, page))),
            "author": note.author,
            "date": format_date(note.date, language),
            "iso_date": note.date.isoformat(),
            "sources": [{"title": source.title, "url": source.url} for source in note.sources],
        }

    def _links_from(self, page: str) -> Callable[[str], str]:
        """Turns an id in a note into a link from `page`."""
        return lambda text: self._id_link(text, page)

    def _id_link(self, text: str, page: str) -> str:
        return self.target_link(self.resolve(text), page) or "#"

    def _variant_notes(self, article: Article, language: str) -> list[dict[str, Any]]:
        """The other witnesses' readings of this article, from the collation."""
        notes = []
        for index, variant in enumerate(v for v in self.corpus.variants if v.article == article.number):
            witness = self.corpus.catalogue.witness(variant.witness)
            anchor = f"p{variant.paragraph}" + (f"-{variant.item}" if variant.item else "")
            printed = self.corpus.catalogue.document("final").printed
            if language == "zh":
                text = (
                    f"<p>副本 {variant.witness}（{escape(witness.kind.zh)}）此处作“{escape(variant.reading)}”，"
                    f"本站所印副本 {printed} 作“{escape(variant.printed)}”。</p>"
                )
            else:
                text = (
                    f'<p>Witness {variant.witness} ({escape(witness.kind.en)}) reads <span lang="zh">“{escape(variant.reading)}”</span> '
                    f'where the printed witness {printed} reads <span lang="zh">“{escape(variant.printed)}”</span>.</p>'
                )
            notes.append(
                {
                    "id": f"variant-{variant.witness}-{index + 1}",
                    "kind": "variant",
                    "on": self._where(anchor, language),
                    "anchor": anchor,
                    "html": Markup(text),
                    "author": self.labels[language]["collation"],
                    "date": "",
                    "iso_date": "",
                    "sources": [{"title": f"sources/{witness.file}", "url": None}],
                }
            )
        return notes

    def _reference(self, reference: PlacedReference, other: Target, language: str, page: str) -> dict[str, Any]:
        """One cross-reference as a row: its kind, where it starts, the other end (with its text, for a
        provision of one of the texts, in the reader's language)."""
        text: list[Line] = []
        if other.document is not None and other.article is not None:
            article = self.documents[other.document].article(other.article)
            wanted = [int(other.anchor[1:].split("-")[0])] if other.anchor else None
            text = lines_of(article, wanted, self.english(language))
        return {
            "kind": reference.kind,
            "from": self._where(reference.source.anchor, language) if reference.source.anchor else "",
            "from_anchor": reference.source.anchor,
            "name": self.target_name(other, language),
            "title": self.article_title(self.documents[other.document].article(other.article), language)
            if other.document is not None and other.article is not None
            else None,
            "url": self.target_link(other, page),
            "lines": text,
        }

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
            **self.apparatus("final", article, language, page),
            search_words=self.search_words(article) if language == "zh" else "",
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
            **self.apparatus(document_id, article, language, page),
            search_words=self.search_words(article) if language == "zh" else "",
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
            notes=[
                self._note(p, language, f"chapters/{chapter.number}.md")
                for p in self.annotations.apparatus.notes_on_chapter("final", chapter.number)
            ],
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

    def sources_page(self, language: str) -> str:
        """Every witness: what it is, its dates and defects, every repair the normaliser made, every variant."""
        printed = {entry.printed for entry in self.corpus.catalogue.documents}
        witnesses = []
        for entry in self.corpus.catalogue.witnesses:
            document = self.corpus.witnesses[entry.id]
            repairs = document.repairs()
            counts: dict[str, int] = {}
            for repair in repairs:
                counts[repair.kind] = counts.get(repair.kind, 0) + 1
            printed_here = entry.id in printed

            def node_url(node: str, printed_here: bool = printed_here, document_id: str = entry.document) -> str | None:
                parts = node.split("/")
                if not printed_here or len(parts) < 2 or not parts[1].isdigit():
                    return None
                anchor = f"p{parts[2]}" + (f"-{parts[3]}" if len(parts) > 3 else "") if len(parts) > 2 else ""
                return relative("sources.md", page_of(document_id, int(parts[1])), anchor)

            witnesses.append(
                {
                    "id": entry.id,
                    "file": entry.file,
                    "sha256": entry.sha256,
                    "document_title": getattr(self.corpus.catalogue.document(entry.document).title, language),
                    "kind": getattr(entry.kind, language),
                    "script": entry.script,
                    "lang": "zh-Hant" if entry.script == "Hant" else "zh",
                    "printed": printed_here,
                    "counts": {
                        "chapters": len(document.chapters),
                        "articles": len(document.articles),
                        "paragraphs": sum(len(a.paragraphs) for a in document.articles),
                        "items": sum(len(p.items) for a in document.articles for p in a.paragraphs),
                    },
                    "dates": [
                        {
                            "event": self.labels[language]["events"].get(d.event, d.event),
                            "date": format_date(d.date, language),
                            "line": d.line,
                            "quote": d.quote,
                        }
                        for d in entry.dates
                    ],
                    "defects": [getattr(defect, language) for defect in entry.defects],
                    "notes": getattr(entry.notes, language) if entry.notes else None,
                    "repairs": [
                        {
                            "node": r.node,
                            "url": node_url(r.node),
                            "line": r.line,
                            "kind": r.kind,
                            "before": _visible(r.before),
                            "after": _visible(r.after),
                        }
                        for r in repairs
                    ],
                    "repair_counts": self.labels[language]["list_separator"].join(
                        f"{kind} {count}" for kind, count in sorted(counts.items())
                    ),
                    "variants": [
                        {
                            "node": v.node,
                            "url": relative(
                                "sources.md", page_of("final", v.article), f"p{v.paragraph}" + (f"-{v.item}" if v.item else "")
                            ),
                            "kind": v.kind,
                            "printed": v.printed,
                            "reading": v.reading,
                        }
                        for v in self.corpus.variants
                        if v.witness == entry.id
                    ],
                }
            )
        from generator.normalise import REPAIR_KINDS

        return self.render("sources.md.j2", **self.common(language, "sources.md"), witnesses=witnesses, repair_kinds=REPAIR_KINDS)

    def notes_by_date(self) -> list[PlacedNote]:
        """Editors' notes, newest first (then by where they are, so the order is stable)."""
        notes = list(self.annotations.apparatus.notes)
        return sorted(notes, key=lambda n: (-n.note.date.toordinal(), n.target.document or "", n.target.article or 0, n.note.id))

    def note_page(self, placed: PlacedNote) -> tuple[str, str]:
        """The page a note is shown on and its anchor there."""
        target = placed.target
        assert target.document is not None
        if target.article is not None:
            return page_of(target.document, target.article), f"note-{placed.note.id}"
        if target.chapter is not None and target.document == "final":
            return f"chapters/{target.chapter}.md", f"note-{placed.note.id}"
        return "concordance.md", f"note-{placed.note.id}"

    def whats_new(self, language: str) -> str:
        entries = []
        for placed in self.notes_by_date():
            page, anchor = self.note_page(placed)
            entries.append(
                {
                    "date": format_date(placed.note.date, language),
                    "iso_date": placed.note.date.isoformat(),
                    "kind": placed.note.kind,
                    "where": self.target_name(placed.target, language),
                    "url": relative("whats-new.md", page, anchor),
                    "html": Markup(note_html(getattr(placed.note, language), self._links_from("whats-new.md"))),
                }
            )
        return self.render("whats_new.md.j2", **self.common(language, "whats-new.md"), entries=entries[:200], total=len(entries))

    def feed(self, language: str) -> str:
        """An Atom feed of the notes, newest first, with absolute addresses (site_url)."""
        base = self.settings.site_url.rstrip("/") + "/" + ("en/" if language == "en" else "")
        notes = self.notes_by_date()[:50]
        updated = notes[0].note.date.isoformat() if notes else self.dates["adopted"].isoformat()
        entries = []
        for placed in notes:
            page, anchor = self.note_page(placed)
            url = base + relative("index.md", page, anchor).removeprefix("./")
            html = note_html(getattr(placed.note, language), functools.partial(self._absolute_link, base=base))
            entries.append(
                {
                    "id": url,
                    "url": url,
                    "title": f"{self.labels[language]['note_kinds'][placed.note.kind]} · {self.target_name(placed.target, language)}",
                    "updated": placed.note.date.isoformat(),
                    "author": placed.note.author,
                    "html": html,
                }
            )
        return self.render(
            "feed.xml.j2",
            lang=language,
            labels=self.labels[language],
            self_url=base + "feed.xml",
            site=base,
            updated=updated,
            entries=entries,
        )

    def _absolute_link(self, text: str, base: str) -> str:
        """An id in a note as an absolute address (for the feed, read away from the site)."""
        target = self.resolve(text)
        if target.law is not None:
            return target.law.url or base
        return base + relative("index.md", *self.target_page(target)).removeprefix("./")

    def about(self, language: str) -> str:
        coverage = [(getattr(entry.title, language), *self.annotations.coverage(entry.id)) for entry in self.corpus.catalogue.documents]
        return self.render(f"about.{language}.md.j2", **self.common(language, "about.md"), coverage=coverage)

    def pages(self, languages: Sequence[str] = LANGUAGES) -> Iterator[tuple[str, str]]:
        """(path under docs/, content) for every generated page, in both languages (or those given)."""
        for language in languages:
            yield f"{language}/index.md", self.home(language)
            yield f"{language}/about.md", self.about(language)
            yield f"{language}/glossary.md", self.glossary(language)
            yield f"{language}/sources.md", self.sources_page(language)
            yield f"{language}/whats-new.md", self.whats_new(language)
            yield f"{language}/feed.xml", self.feed(language)
            for document_id in self.documents:
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
                    notes=[
                        self._note(placed, language, "concordance.md")
                        for document_id in ("final", "draft")
                        for placed in self.annotations.apparatus.notes_on_document(document_id)
                    ],
                ),
            )
            for article in self.documents["final"].articles:
                yield f"{language}/{page_of('final', article.number)}", self.final_article(article, language)
            for document_id in [d for d in self.documents if d != "final"]:
                for article in self.documents[document_id].articles:
                    yield f"{language}/{page_of(document_id, article.number)}", self.plain_article(document_id, article, language)


def _unit_ids(article: Article) -> Iterator[str]:
    for paragraph in article.paragraphs:
        yield paragraph.id
        for item in paragraph.items:
            yield item.id


RELATION_ORDER = ["identical", "modified", "moved", "merged", "split", "new", "deleted"]


def _visible(text: str) -> str:
    """White space a repair added or removed, made visible: a line break as ↵, a space as ·."""
    return text.replace("\n", "↵").replace(" ", "·").replace("\u3000", "□") or "∅"


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
        f'<svg class="flow-diagram" viewBox="0 0 {width} {max(left_end, right_end):.0f}" role="group" '
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
