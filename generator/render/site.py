"""The site as the pages see it: one frozen object with the texts, the alignment, the annotations, the words of
the interface and the names of things in each language. Every page function takes it (generator/render/pages.py).

Reads: the corpus, the alignment and the annotations (already validated), labels.yml. Writes: nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from markupsafe import Markup, escape

from generator.annotations.annotate import Annotations
from generator.annotations.apparatus import Resolver, Target
from generator.compare.align import Alignment, Link
from generator.compare.changes import Change, changes
from generator.corpus.model import Article, Chapter, Document
from generator.corpus.sources import Corpus, Edition, StatedDate
from generator.render import urls
from generator.render.columns import margin
from generator.render.env import load_labels
from generator.render.locale import LANGUAGES, LOCALES, Locale
from generator.render.roles import labels_for, version
from generator.render.urls import relative


@dataclass(frozen=True)
class Settings:
    """Where the site and its repository live (mkdocs.yml site_url and repo_url): feeds need absolute
    addresses, edit links need the repository. Without a repository the pages have no edit links."""

    site_url: str = "http://127.0.0.1:8000/"
    repository: str | None = None


@dataclass(frozen=True)
class Site:
    corpus: Corpus
    alignment: Alignment
    annotations: Annotations = field(default_factory=Annotations)
    settings: Settings = field(default_factory=Settings)
    interface: dict[str, dict[str, Any]] = field(default_factory=load_labels, compare=False)  # labels.yml as written

    @cached_property
    def labels(self) -> dict[str, dict[str, Any]]:
        """The words of the interface, by language, with this edition's names (generator/render/roles.py)."""
        return labels_for(self.interface, self.corpus.catalogue)

    @cached_property
    def documents(self) -> dict[str, Document]:
        """The printed text of each document, in the order of sources.yml."""
        return {entry.id: self.corpus.document(entry.id) for entry in self.corpus.catalogue.documents}

    @property
    def edition(self) -> Edition:
        return self.corpus.catalogue.edition

    @property
    def before(self) -> str:
        """The id of the earlier compared document (the draft, or the older version)."""
        return self.edition.before

    @property
    def after(self) -> str:
        """The id of the later compared document (the adopted text, or the newer version)."""
        return self.edition.after

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages the edition is published in: zh first, at the site's root."""
        return tuple(self.edition.languages)

    @cached_property
    def changes(self) -> dict[Link, list[Change]]:
        """What each before→after change does (generator/compare/changes.py), with the editors' corrections."""
        return changes(self.alignment, self.corpus.before, self.corpus.after, self.annotations.corrections)

    def changes_of(self, link: Link) -> list[Change]:
        return self.changes.get(link, [])

    def page_of(self, document_id: str, number: int) -> str:
        """The page of an article: the later compared text's under articles/, others' under their id."""
        return urls.page_of(document_id, number, self.after)

    def index_of(self, document_id: str) -> str:
        """The page with a document's whole text."""
        return urls.index_of(document_id, self.after)

    @cached_property
    def events(self) -> list[tuple[str, date]]:
        """The dates the two compared texts state, in order of time, each once: the key dates of the home page."""
        found = {(s.event, s.date) for document_id in (self.after, self.before) for s in self.stated(document_id)}
        return sorted(found, key=lambda pair: (pair[1], pair[0]))

    @cached_property
    def sample_article(self) -> int:
        """The later text's article with the most items (the first of them): the example of the downloads page."""
        articles = self.corpus.after.articles
        return max(articles, key=lambda a: (sum(len(p.items) for p in a.paragraphs), -a.number)).number

    def stated(self, document_id: str) -> list[StatedDate]:
        """The dates a document's printed copy states."""
        return self.corpus.catalogue.witness(self.corpus.catalogue.document(document_id).printed).dates

    def version(self, document_id: str) -> StatedDate | None:
        """The event that made this text what it is (generator/render/roles.py)."""
        return version(self.stated(document_id))

    def version_date(self, document_id: str, language: str) -> str:
        """The date of that event in `language`, or "undated" / 未注明日期."""
        made = self.version(document_id)
        return LOCALES[language].date(made.date) if made else LOCALES[language].undated

    @cached_property
    def resolver(self) -> Resolver:
        return Resolver(self.documents, {law.id: law for law in self.annotations.apparatus.laws}, self.corpus.laws)

    @property
    def repository(self) -> str | None:
        return self.settings.repository.rstrip("/") if self.settings.repository else None

    def resolve(self, text: str) -> Target:
        target = self.resolver.resolve(text)
        assert not isinstance(target, str), target  # checked when the annotations were loaded
        return target

    def absolute(self, page: str, language: str) -> str:
        """The address of a page on the published site (site_url), e.g. https://…/en/compare/6/."""
        base = self.settings.site_url.rstrip("/") + "/" + ("" if language == LANGUAGES[0] else f"{language}/")
        link = relative("index.md", page)
        return base + ("" if link == "./" else link)

    def english(self, language: str) -> Callable[[str], str | None] | None:
        """Where English text comes from on a page in `language` (None on Chinese pages)."""
        return self.annotations.english if language == "en" else None

    # -- names, in the page's language -----------------------------------------------------------------------

    def article_name(self, document_id: str, number: int, language: str) -> str:
        """第十二条 / Article 12, and for the other documents 征求意见稿第十四条 / Draft Article 14."""
        prefix = self.corpus.catalogue.document(document_id).prefix
        return LOCALES[language].article_name(number, getattr(prefix, language))

    def caption(self, document_id: str, number: int, language: str) -> str:
        """The editors' caption of an article, bracketed as an editorial addition (［数据安全保护］ /
        [Data security protection]); empty where the article has none."""
        caption = self.annotations.caption(f"{document_id}/{number}", language)
        if not caption:
            return ""
        return f"［{caption}］" if language == "zh" else f"[{caption}]"

    def captioned(self, document_id: str, number: int, language: str) -> str:
        """第四十九条 ［数据安全保护］ / Article 49 [Data security protection]: an article's name with its caption."""
        caption = self.caption(document_id, number, language)
        return self.article_name(document_id, number, language) + (f" {caption}" if caption else "")

    def chapter_name(self, chapter: Chapter, language: str) -> str:
        title = (self.annotations.english(chapter.id) if language == "en" else None) or chapter.title
        return LOCALES[language].chapter_name(chapter.number, title)

    def chapter_html(self, chapter: Chapter, language: str) -> Markup:
        """The chapter's name for HTML; an untranslated Chinese title on an English page is marked lang="zh"."""
        if language == "zh" or self.annotations.english(chapter.id):
            return escape(self.chapter_name(chapter, language))
        return Markup(f'{LOCALES[language].short_chapter(chapter.number)} <span lang="zh">{escape(chapter.title)}</span>')

    def article_title(self, article: Article, language: str) -> str | None:
        """The 【title】 of an article, in the page's language where translated."""
        if article.title is None:
            return None
        return (self.annotations.english(f"{article.id}/title") if language == "en" else None) or article.title

    def relation_label(self, link: Link, language: str) -> str:
        relations = self.labels[language]["relations"]
        if link.relation == "moved" and link.changed:
            return str(relations["moved_changed"])
        return str(relations[link.relation])

    def locale(self, language: str) -> Locale:
        return LOCALES[language]

    def context(self, language: str, page: str) -> dict[str, Any]:
        """What every template is given: the language, its labels, and names and links from `page`."""
        return {
            "lang": language,
            "labels": self.labels[language],
            "after_id": self.after,
            "bilingual": "en" in self.languages,  # a Chinese-only edition has no English view
            "before_id": self.before,
            "locale": LOCALES[language],
            "link": lambda target, anchor="": relative(page, target, anchor),
            "article_name": lambda document_id, number: self.article_name(document_id, number, language),
            "caption": lambda document_id, number: self.caption(document_id, number, language),
            "captioned": lambda document_id, number: self.captioned(document_id, number, language),
            "chapter_name": lambda chapter: self.chapter_name(chapter, language),
            "chapter_html": lambda chapter: self.chapter_html(chapter, language),
            "relation_label": lambda link: self.relation_label(link, language),
            "date": LOCALES[language].date,
            "page_of": self.page_of,
            "index_of": self.index_of,
            "margin": margin,
            "page_url": self.absolute(page, language),
        }
