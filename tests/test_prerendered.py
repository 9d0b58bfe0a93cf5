"""The generator's finished HTML goes through Markdown unread (generator/prerendered.py), and the page comes out
as it would have if Markdown had read it; MkDocs' anchor check still learns every id in it."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import markdown
import pytest
from mkdocs.structure.pages import _HTMLHandler

from generator.prerendered import END, START, anchor_ids, wrap
from hooks.generate import on_page_content
from tests.conftest import ROOT

# As in mkdocs.yml, without the extension under test.
EXTENSIONS = ["attr_list", "tables", "toc"]
GOLDEN = sorted((ROOT / "tests" / "golden" / "pages").glob("*.md"))


def body(page: Path) -> str:
    """A page's Markdown without its front matter (MkDocs takes that off before Markdown sees it)."""
    return page.read_text(encoding="utf-8").split("---\n", 2)[2]


@pytest.mark.parametrize("page", GOLDEN, ids=[path.stem for path in GOLDEN])
def test_an_article_page_comes_out_as_markdown_made_it_before_the_marks(page: Path) -> None:
    text = body(page)
    assert START in text and END in text
    unread = markdown.Markdown(extensions=["generator.prerendered", *EXTENSIONS]).convert(text)
    unmarked = "\n".join(line for line in text.split("\n") if line not in (START, END))
    read = markdown.Markdown(extensions=EXTENSIONS).convert(unmarked)
    assert unread == read
    assert '<div class="compare">' in unread and "prerendered" not in unread


def test_markdown_outside_the_marks_is_still_markdown() -> None:
    text = "# Title\n" + wrap('<p class="x">*not emphasis*</p>') + "\nA *word*.\n"
    html = markdown.Markdown(extensions=["generator.prerendered"]).convert(text)
    assert '<p class="x">*not emphasis*</p>' in html and "A <em>word</em>." in html


def test_a_mark_left_open_is_an_error() -> None:
    with pytest.raises(ValueError, match="without"):
        markdown.Markdown(extensions=["generator.prerendered"]).convert(f"{START}\n<p>a</p>\n")


@pytest.mark.parametrize("page", GOLDEN, ids=[path.stem for path in GOLDEN])
def test_the_ids_are_those_mkdocs_would_find(page: Path) -> None:
    html = markdown.Markdown(extensions=["generator.prerendered", *EXTENSIONS]).convert(body(page))
    scanner = _HTMLHandler()
    scanner.feed(html)
    scanner.close()
    assert anchor_ids(html) == scanner.present_anchor_ids
    assert {"p1", "notes"} & anchor_ids(html)


def test_the_hook_gives_mkdocs_the_ids() -> None:
    html = markdown.Markdown(extensions=["generator.prerendered", *EXTENSIONS]).convert(body(GOLDEN[0]))
    page = SimpleNamespace(markdown=body(GOLDEN[0]), present_anchor_ids={"from-markdown"})
    assert on_page_content(html, page) == html  # type: ignore[arg-type]
    assert page.present_anchor_ids == {"from-markdown"} | anchor_ids(html)
    assert "p1" in page.present_anchor_ids
