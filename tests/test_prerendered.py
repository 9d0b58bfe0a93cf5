"""The generator's finished HTML goes through Markdown unread (generator/render/prerendered.py), and the page comes out
as it would have if Markdown had read it; MkDocs' anchor check still learns every id in it."""

from __future__ import annotations

from types import SimpleNamespace

import markdown
import pytest
from mkdocs.structure.pages import _HTMLHandler, _RawHTMLPreprocessor

from generator.compare.align import align
from generator.corpus.sources import Corpus
from generator.render.pages import final_article, plain_article
from generator.render.prerendered import END, START, anchor_ids, wrap
from generator.render.site import Site
from hooks.generate import on_page_content

# As in mkdocs.yml, without the extension under test.
EXTENSIONS = ["attr_list", "tables", "toc"]
PAGES = {"final-10-zh": ("final", 10, "zh"), "final-59-en": ("final", 59, "en"), "draft-6-zh": ("draft", 6, "zh")}


@pytest.fixture(scope="module")
def site(corpus: Corpus) -> Site:
    return Site(corpus, align(corpus.document("draft"), corpus.document("final")))


def body(site: Site, name: str) -> str:
    """A page's Markdown without its front matter (MkDocs takes that off before Markdown sees it)."""
    document, number, language = PAGES[name]
    article = site.documents[document].article(number)
    page = final_article(site, article, language) if document == "final" else plain_article(site, document, article, language)
    return page.split("---\n", 2)[2]


@pytest.mark.parametrize("name", sorted(PAGES))
def test_an_article_page_comes_out_as_markdown_made_it_before_the_marks(site: Site, name: str) -> None:
    text = body(site, name)
    assert START in text and END in text
    unread = markdown.Markdown(extensions=["generator.render.prerendered", *EXTENSIONS]).convert(text)
    unmarked = "\n".join(line for line in text.split("\n") if line not in (START, END))
    read = markdown.Markdown(extensions=EXTENSIONS).convert(unmarked)
    assert unread == read
    assert ('<div class="compare">' in unread or name.startswith("draft")) and "prerendered" not in unread


def test_markdown_outside_the_marks_is_still_markdown() -> None:
    text = "# Title\n" + wrap('<p class="x">*not emphasis*</p>') + "\nA *word*.\n"
    html = markdown.Markdown(extensions=["generator.render.prerendered"]).convert(text)
    assert '<p class="x">*not emphasis*</p>' in html and "A <em>word</em>." in html


def test_a_mark_left_open_is_an_error() -> None:
    with pytest.raises(ValueError, match="without"):
        markdown.Markdown(extensions=["generator.render.prerendered"]).convert(f"{START}\n<p>a</p>\n")


@pytest.mark.parametrize("name", sorted(PAGES))
def test_the_ids_are_those_mkdocs_would_find(site: Site, name: str) -> None:
    html = markdown.Markdown(extensions=["generator.render.prerendered", *EXTENSIONS]).convert(body(site, name))
    scanner = _HTMLHandler()
    scanner.feed(html)
    scanner.close()
    assert anchor_ids(html) == scanner.present_anchor_ids
    assert {"p1", "notes"} & anchor_ids(html)


def test_the_hook_gives_mkdocs_the_ids(site: Site) -> None:
    text = body(site, "final-10-zh")
    html = markdown.Markdown(extensions=["generator.render.prerendered", *EXTENSIONS]).convert(text)
    page = SimpleNamespace(markdown=text, present_anchor_ids={"from-markdown"})
    assert on_page_content(html, page) == html  # type: ignore[arg-type]
    assert page.present_anchor_ids == {"from-markdown"} | anchor_ids(html)
    assert "p1" in page.present_anchor_ids


def test_the_marks_are_read_before_mkdocs_and_markdown_read_raw_html(site: Site) -> None:
    """The extension pays only while it runs before MkDocs' own scan of raw HTML (mkdocs_raw_html, which MkDocs
    registers for each page) and Python-Markdown's HTML blocks: a MkDocs or Markdown that moved them before it
    would read every byte again — the cost this extension removes — and this test would fail."""
    md = markdown.Markdown(extensions=["generator.render.prerendered", *EXTENSIONS])
    scan = _RawHTMLPreprocessor()
    scan._register(md)
    position = md.preprocessors.get_index_for_name  # the order the preprocessors run in
    assert position("normalize_whitespace") < position("prerendered") < position("mkdocs_raw_html") < position("html_block")
    html = md.convert(body(site, "final-10-zh"))
    assert 'id="p1"' in html and "p1" not in scan.present_anchor_ids  # MkDocs' scan did not read the finished HTML
