"""Where everything is on the site: page paths under a language folder, links between them, and anchors.

Reads: nothing. Writes: paths and links. The later compared text's article 12 is at articles/12.md
(/articles/12/), every other document's articles under its id (draft/14.md, heilongjiang/10.md); a paragraph's anchor on its
article page is p2 and an item's p2-3 — the last parts of their ids (final/59/2/3), made by `anchor()` and read
back by `parse_anchor()` and nowhere else.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from typing import Any

ARTICLES = "articles"  # the folder of the later compared text's articles; every other document's is its id
ANCHOR = re.compile(r"^p(\d+)(?:-(\d+))?$")  # p2 (paragraph 2), p2-3 (its item 3)


def anchor(paragraph: int, item: int | None = None) -> str:
    """The anchor of a paragraph (p2) or of one of its items (p2-3)."""
    return f"p{paragraph}" + (f"-{item}" if item else "")


def parse_anchor(text: str) -> tuple[int, int | None]:
    """p2-3 -> (2, 3); p2 -> (2, None)."""
    match = ANCHOR.match(text)
    if match is None:
        raise ValueError(f"not a paragraph or item anchor: {text!r}")
    return int(match.group(1)), int(match.group(2)) if match.group(2) else None


def node_anchor(node_id: str) -> str:
    """The anchor of a node on its article page: final/59/2/3 -> p2-3, final/59/2 -> p2, final/59 -> ''."""
    parts = node_id.split("/")[2:]
    return anchor(*map(int, parts)) if parts else ""


def glossary_anchor(english: str) -> str:
    """A glossary entry's anchor on the glossary page, from its English rendering (unique): g-data-handler."""
    return "g-" + re.sub(r"[^a-z0-9]+", "-", english.lower()).strip("-")


def folder(document_id: str, after: str) -> str:
    """Where a document's article pages live, given the id of the edition's later compared text."""
    return ARTICLES if document_id == after else document_id


def page_of(document_id: str, number: int, after: str) -> str:
    """The page of an article."""
    return f"{folder(document_id, after)}/{number}.md"


def index_of(document_id: str, after: str) -> str:
    """The page with a document's whole text."""
    return f"{folder(document_id, after)}/index.md"


def law_page(law_id: str) -> str:
    """The page of a national law: the provisions the texts cite, and what cites them."""
    return f"laws/{law_id}.md"


def law_anchor(article: int | None, paragraph: int | None = None) -> str:
    """A cited provision's anchor on its law's page: article-27, article-27-p2; '' for the whole law."""
    if article is None:
        return ""
    return f"article-{article}" + (f"-p{paragraph}" if paragraph else "")


def chapter_page(number: int) -> str:
    """The page of a chapter of the later compared text."""
    return f"chapters/{number}.md"


def navigation(nav: list[Any], documents: Iterable[str], after: str) -> list[Any]:
    """The site's navigation: mkdocs.yml's, with the whole text of each document (in the order of sources.yml)
    after the home page. An entry is the page's path alone: each language's page gives its title."""
    texts = [index_of(document_id, after) for document_id in documents]
    rest = [entry for entry in nav if entry not in texts]
    return [*rest[:1], *texts, *rest[1:]]


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
