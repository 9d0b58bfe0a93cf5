"""The article page in a real browser (Chromium through Playwright) at desktop and phone widths."""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, FloatRect, Page, expect
from pypdf import PdfReader

from generator.build import run_pipeline
from generator.render.columns import lines_of, row_lines
from generator.render.compared import sequence
from generator.render.site import Site
from tests.conftest import ROOT

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    yield opened
    context.close()


def boxes(page: Page, row: int = 0) -> tuple[FloatRect, FloatRect]:
    draft = page.locator(".compare-row").nth(row).locator(".col-draft").bounding_box()
    final = page.locator(".compare-row").nth(row).locator(".col-final").bounding_box()
    assert draft is not None and final is not None
    return draft, final


def test_two_columns_side_by_side_at_1280(page: Page, base_url: str, tmp_path: Path) -> None:
    page.goto(f"{base_url}/articles/36/")
    draft, final = boxes(page)
    assert draft["x"] + draft["width"] <= final["x"]  # draft left of final
    assert abs(draft["y"] - final["y"]) < 2  # rows level
    expect(page.locator(".compare-head")).to_be_visible()
    page.screenshot(path=str(tmp_path / "article-36-1280.png"), full_page=True)


def test_columns_stack_at_360_final_first(page: Page, base_url: str) -> None:
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(f"{base_url}/articles/36/")
    draft, final = boxes(page)
    assert final["y"] + final["height"] <= draft["y"] + 1  # final above draft
    assert final["width"] > 300
    expect(page.locator(".compare-row").first.locator(".col-final .col-label")).to_be_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360  # nothing forces a horizontal scroll


def test_redline_toggle(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/articles/36/")
    inserted = page.locator(".col-final ins").first
    deleted = page.locator(".col-draft del").first
    assert "underline" in inserted.evaluate("e => getComputedStyle(e).textDecorationLine")
    expect(deleted).to_be_visible()
    page.get_by_label("显示修改标记").uncheck()
    assert "none" in inserted.evaluate("e => getComputedStyle(e).textDecorationLine")
    expect(deleted).to_be_visible()  # the draft column reads as the draft's own text, whole, unmarked
    assert "none" in deleted.evaluate("e => getComputedStyle(e).textDecorationLine")
    page.goto(f"{base_url}/articles/37/")  # the choice is kept on the next page
    page.wait_for_load_state("load")
    expect(page.get_by_label("显示修改标记")).not_to_be_checked()
    page.get_by_label("显示修改标记").check()
    page.goto(f"{base_url}/articles/36/")
    page.wait_for_load_state("load")
    expect(page.get_by_label("显示修改标记")).to_be_checked()


def test_redline_toggle_works_from_the_keyboard(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/articles/36/")
    page.locator("#redline-toggle").focus()
    page.keyboard.press("Space")
    expect(page.locator("#redline-toggle")).not_to_be_checked()


def test_language_switch_keeps_the_article(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/articles/12/")
    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name="English").click()
    expect(page).to_have_url(f"{base_url}/en/articles/12/")
    expect(page.locator("h1")).to_contain_text("Article 12")
    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name="中文").click()
    expect(page).to_have_url(f"{base_url}/articles/12/")


def test_paragraph_permalink_scrolls_to_its_paragraph(page: Page, base_url: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 500})
    page.goto(f"{base_url}/articles/59/#p2-5")
    item = page.locator("#p2-5")
    expect(item).to_be_in_viewport()
    expect(item).to_contain_text("主动挽回损失")


def test_prev_next(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/articles/12/")
    page.locator("a.next").click()
    expect(page).to_have_url(f"{base_url}/articles/13/")
    page.locator("a.prev").click()
    expect(page).to_have_url(f"{base_url}/articles/12/")


def test_the_page_reads_without_javascript(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}/en/articles/36/")
    expect(page.locator(".compare:not(.compare--original) > .compare-row")).to_have_count(2)
    expect(page.locator(".col-final #p1")).to_contain_text("digital government")
    context.close()


def test_english_article_in_both_columns_with_redline_and_glossary(page: Page, base_url: str, tmp_path: Path) -> None:
    page.goto(f"{base_url}/en/articles/59/")
    columns = page.locator(".compare:not(.compare--original) > .compare-row .para")
    assert columns.count() >= 3
    assert set(columns.evaluate_all("nodes => nodes.map(n => n.lang)")) == {"en"}
    expect(page.locator(".compare .col-draft del").first).to_be_visible()
    expect(page.locator(".compare .col-final ins").first).to_be_visible()
    expect(page.locator(".notice")).to_contain_text("Unofficial translation")
    original = page.locator("details.original")
    expect(original.locator("#zh-p1")).to_be_hidden()
    original.locator("summary").click()  # the Chinese original, one click away
    expect(original.locator("#zh-p1")).to_be_visible()
    expect(original.locator("#zh-p1")).to_contain_text("包容审慎监管")
    term = page.locator(".compare:not(.compare--original) .term").first
    tip = term.get_attribute("data-tip")
    assert tip and " · " in tip and ": " in tip  # "inclusive and prudent regulation · 包容审慎: A regulatory approach …"
    hidden = term.evaluate("e => getComputedStyle(e, '::after').content")
    term.hover()
    shown = term.evaluate("e => getComputedStyle(e, '::after').content")
    assert hidden in ("none", "normal", "") and tip in shown
    page.screenshot(path=str(tmp_path / "en-article-59-hover.png"))


def test_glossary_term_explains_itself_on_tap_in_chinese(browser: Browser, base_url: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 800}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(f"{base_url}/articles/59/")
    term = page.locator(".compare:not(.compare--original) .term").first
    term.tap()
    content = term.evaluate("e => getComputedStyle(e, '::after').content")
    assert "：" in content and term.get_attribute("data-tip") in content
    box = page.evaluate("document.documentElement.scrollWidth")
    assert box <= 360
    context.close()


CLIPBOARD_HTML = """async () => {
  const [item] = await navigator.clipboard.read();
  return item.types.includes('text/html') ? await (await item.getType('text/html')).text() : null;
}"""


def test_copy_citation_puts_the_citation_on_the_clipboard(browser: Browser, base_url: str) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{base_url}/articles/5/")
    page.locator("details.cite summary").click()
    page.locator("details.cite button.copy").first.click()
    assert page.evaluate("navigator.clipboard.readText()") == "《石家庄市数字经济促进条例》第五条"
    expect(page.locator("details.cite button.copy").first).to_have_text("已复制")
    page.locator("#p2 > button.copy--paragraph").click()  # the button beside paragraph 2's ¶ mark opens a choice
    page.get_by_role("button", name="只复制引用").click()
    assert page.evaluate("navigator.clipboard.readText()") == "《石家庄市数字经济促进条例》第五条第二款"
    page.goto(f"{base_url}/en/articles/59/")
    page.locator("#p2-3 > button.copy--paragraph").click()
    page.get_by_role("button", name="Citation only").click()
    assert (
        page.evaluate("navigator.clipboard.readText()")
        == "Shijiazhuang Municipal Regulations on Promoting the Digital Economy, art. 59(2), item (3)"
    )
    context.close()


@pytest.mark.parametrize("language", ["zh", "en"])
def test_copy_for_a_memo_gives_text_citation_link_and_version(browser: Browser, base_url: str, language: str) -> None:
    """The paragraph's Copy menu, read back from the clipboard: the paragraph's own words (no margin number,
    ¶ or button), its citation, its permalink and the version, as plain text and as rich text."""
    pipeline = run_pipeline(ROOT)
    paragraph = pipeline.corpus.document("final").article(49).paragraphs[1]
    text = pipeline.annotations.english(paragraph.id) if language == "en" else paragraph.text
    assert text
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    prefix = "/en" if language == "en" else ""
    page.goto(f"{base_url}{prefix}/articles/49/")
    page.locator("#p2 > button.copy--paragraph").click()
    choice = "Text, citation, link and version" if language == "en" else "复制原文、引用、链接和版本"
    page.get_by_role("button", name=choice).click()
    expect(page.locator("#p2 > button.copy--paragraph")).to_have_text("Copied" if language == "en" else "已复制")
    plain = page.evaluate("navigator.clipboard.readText()")
    url = f"{base_url}{prefix}/articles/49/#p2"
    if language == "zh":
        assert plain.startswith(text + "\n——《石家庄市数字经济促进条例》第四十九条第二款（终稿，2023年10月26日通过，2023年11月30日批准），")
    else:
        title = "Shijiazhuang Municipal Regulations on Promoting the Digital Economy"
        assert plain.startswith(f"\u201c{text}\u201d\n{title}, art. 49(2) (final text, adopted 26 October 2023")
        assert "unofficial English translation" in plain
    assert url in plain
    assert "②" not in plain and "¶" not in plain and "复制" not in plain and "Copy" not in plain
    html = page.evaluate(CLIPBOARD_HTML)
    assert html is not None and "<blockquote>" in html and f'<a href="{url}">' in html
    context.close()


def test_a_hand_made_selection_holds_only_the_text(browser: Browser, base_url: str) -> None:
    """Select a paragraph with the mouse (three clicks) and copy it: no margin number, ¶ mark or Copy button."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{base_url}/articles/49/")
    page.locator("#p3").click(click_count=3)
    page.keyboard.press("Control+C")
    copied = page.evaluate("navigator.clipboard.readText()").strip()
    paragraph = run_pipeline(ROOT).corpus.document("final").article(49).paragraphs[2]
    assert copied == paragraph.text
    context.close()


def test_cross_reference_and_backlink_land_on_their_paragraph(page: Page, base_url: str) -> None:
    """Follow a paragraph-level reference from a final article to a Heilongjiang paragraph, then the backlink
    there back to the paragraph it came from."""
    references = run_pipeline(ROOT).annotations.apparatus.references
    reference = next(r for r in references if r.target.document == "heilongjiang" and r.target.anchor and r.source.anchor)
    source, target = reference.source, reference.target
    page.set_viewport_size({"width": 1280, "height": 600})
    page.goto(f"{base_url}/articles/{source.article}/")
    page.locator(f'.reference-list a[href="../../heilongjiang/{target.article}/#{target.anchor}"]').click()
    expect(page).to_have_url(f"{base_url}/heilongjiang/{target.article}/#{target.anchor}")
    expect(page.locator(f"#{target.anchor}")).to_be_in_viewport()
    page.locator(f'.backlink-list a[href="../../articles/{source.article}/#{source.anchor}"]').click()
    expect(page).to_have_url(f"{base_url}/articles/{source.article}/#{source.anchor}")
    expect(page.locator(f".col-final #{source.anchor}")).to_be_in_viewport()


# Each column's lines as a reader sees them: the margin numbers, ¶ permalinks and Copy buttons taken off first.
COLUMN_TEXTS = """() => {
  document.querySelectorAll('.compare:not(.compare--original) :is(a.anchor, button, .num, .copy-menu)').forEach(e => e.remove());
  return Array.from(document.querySelectorAll('.compare:not(.compare--original) .compare-row')).map(row =>
    ['.col-draft', '.col-final'].map(side => Array.from(row.querySelectorAll(side + ' p:not(.absent)')).map(p => p.innerText)));
}"""


@pytest.mark.parametrize("language", ["zh", "en"])
def test_each_column_shows_its_own_text_whole_with_marks_on_and_off(browser: Browser, base_url: str, language: str) -> None:
    """Over every row of every final article's comparison: with marks off, each column's visible text is that
    document's text exactly; with marks on too (each column holds only its own side's marks)."""
    pipeline = run_pipeline(ROOT)
    site = Site(pipeline.corpus, pipeline.alignment, pipeline.annotations)
    draft, final = site.documents["draft"], site.documents["final"]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    prefix = "/en" if language == "en" else ""
    wrong = []
    for marks in (False, True):
        page.goto(f"{base_url}{prefix}/articles/1/")
        page.wait_for_load_state("load")
        page.locator("#redline-toggle").set_checked(marks)  # kept for the pages after (choices.js)
        for article in final.articles:
            page.goto(f"{base_url}{prefix}/articles/{article.number}/")
            page.wait_for_load_state("load")
            assert page.locator("#redline-toggle").is_checked() == marks
            shown = page.evaluate(COLUMN_TEXTS)
            expected = [
                [[line.marker + line.text for line in lines] for lines in (draft_lines, final_lines)]
                for draft_lines, final_lines in row_lines(
                    article, site.alignment.for_final(article.number), draft, final, site.english(language)
                )
            ]
            if [[[" ".join(t.split()) for t in side] for side in row] for row in shown] != [
                [[" ".join(t.split()) for t in side] for side in row] for row in expected
            ]:
                wrong.append((marks, article.number))
    page.close()
    assert wrong == []


@pytest.mark.parametrize("path", ["/", "/en/"])
def test_the_home_page_has_the_navigation_of_every_section(browser: Browser, base_url: str, path: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base_url + path)
    links = page.locator(".md-sidebar--primary .md-nav__link").filter(visible=True)
    expect(links.first).to_be_visible()
    hrefs = set(links.evaluate_all("links => links.map(a => a.getAttribute('href'))"))
    sections = (
        "articles/",
        "draft/",
        "heilongjiang/",
        "chapters/",
        "concordance/",
        "laws/",
        "glossary/",
        "sources/",
        "whats-new/",
        "about/",
    )
    for section in sections:
        assert any(href and href.rstrip("/").endswith(section.rstrip("/")) for href in hrefs), (section, hrefs)
    page.close()


# A parallel row's two cells as a reader sees them: without their margin numbers and column labels.
PARALLEL_TEXTS = """() => Array.from(document.querySelectorAll('.parallel-row')).map(row =>
  Array.from(row.children).map(cell => {
    const copy = cell.cloneNode(true);
    copy.querySelectorAll('.num, .col-label').forEach(e => e.remove());
    return copy.innerText.trim();
  }))"""


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_parallel_view_shows_chinese_and_english_side_by_side(browser: Browser, base_url: str, language: str) -> None:
    """Switch an article to Chinese | English: every paragraph and item in both languages, level, the site's
    language first; stacked on a phone with the site's language on top; the choice kept on the next article."""
    pipeline = run_pipeline(ROOT)
    site = Site(pipeline.corpus, pipeline.alignment, pipeline.annotations)
    article = site.documents["final"].article(49)
    chinese = [line.marker + line.text for line in lines_of(article)]
    english = [line.marker + line.text for line in lines_of(article, english=site.annotations.english)]
    expected = [list(pair) if language == "zh" else list(reversed(pair)) for pair in zip(chinese, english, strict=True)]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    prefix = "/en" if language == "en" else ""
    page.goto(f"{base_url}{prefix}/articles/49/")
    page.get_by_text("中英对照" if language == "zh" else "Chinese | English", exact=True).click()
    expect(page.locator(".article-views .compare")).to_be_hidden()
    expect(page.locator(".parallel")).to_be_visible()
    assert [[" ".join(cell.split()) for cell in row] for row in page.evaluate(PARALLEL_TEXTS)] == [
        [" ".join(cell.split()) for cell in row] for row in expected
    ]
    first, second = (page.locator(".parallel-row").nth(1).locator("> div").nth(i).bounding_box() for i in (0, 1))
    assert first and second and first["x"] + first["width"] <= second["x"] and abs(first["y"] - second["y"]) < 2
    page.set_viewport_size({"width": 360, "height": 800})
    first, second = (page.locator(".parallel-row").nth(1).locator("> div").nth(i).bounding_box() for i in (0, 1))
    assert first and second and first["y"] + first["height"] <= second["y"] + 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.goto(f"{base_url}{prefix}/articles/50/")  # kept (choices.js)
    expect(page.locator(".parallel")).to_be_visible()
    page.goto(f"{base_url}{prefix}/articles/50/#p2")  # a link to a paragraph shows the view that holds it
    expect(page.locator("#p2")).to_be_visible()
    page.close()


def test_paragraph_numbers_stand_in_the_margin_and_link_to_their_paragraph(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/articles/49/")
    number = page.locator("#p2 > a.num")
    expect(number).to_have_text("②")
    expect(number).to_have_accessible_name("第二款")
    box = number.bounding_box()
    text = page.locator("#p2").evaluate("p => p.getBoundingClientRect().left + parseFloat(getComputedStyle(p).paddingLeft)")
    assert box and box["x"] + box["width"] <= text + 1  # in the margin, before the text
    number.click()
    expect(page).to_have_url(f"{base_url}/articles/49/#p2")
    page.goto(f"{base_url}/en/articles/49/")
    expect(page.locator("#p2 > a.num")).to_have_text("(2)")
    expect(page.locator(".col-draft p").nth(2).locator(".num")).to_have_text("(3)")  # the draft's own numbering
    page.goto(f"{base_url}/articles/1/")
    expect(page.locator(".num")).to_have_count(0)  # a one-paragraph article is cited as the article


# Text read back from a PDF: the CJK fonts map some glyphs to radicals (⽤ U+2F64 for 用, ⻅ U+2EC5 for 见).
# NFKC turns the Kangxi radicals into their characters; these from the Radicals Supplement it leaves alone.
RADICALS = str.maketrans("⺠⻅⻋⻓⻔⻛⻝⻰", "民见车长门风食龙")


def paper_text(pdf: bytes) -> str:
    """A PDF's text as a reader reads it, without the line breaks and spaces paper puts anywhere."""
    text = "".join(unicodedata.normalize("NFKC", sheet.extract_text()) for sheet in PdfReader(io.BytesIO(pdf)).pages)
    return "".join(text.translate(RADICALS).split())


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_printed_chapter_comparison_holds_every_article_and_the_print_header(browser: Browser, base_url: str, language: str) -> None:
    pipeline = run_pipeline(ROOT)
    site = Site(pipeline.corpus, pipeline.alignment, pipeline.annotations)
    entries = [entry for entry in sequence(site) if entry.chapter == 6]
    assert any(entry.final is None for entry in entries)  # chapter 6 has deleted draft articles in their place
    names = [
        site.article_name("final", entry.final, language) if entry.final else site.article_name("draft", entry.draft or 0, language)
        for entry in entries
    ]
    page = browser.new_page()
    prefix = "/en" if language == "en" else ""
    page.goto(f"{base_url}{prefix}/compare/6/")
    printed = paper_text(page.pdf(format="A4"))
    labels = site.labels[language]
    for expected in [*names, labels["regulation_title"], site.absolute("compare/6.md", language)]:
        assert "".join(expected.split()) in printed, expected
    assert "".join(unicodedata.normalize("NFKC", labels["compare_version"]).split("{")[0].split()) in printed
    assert "".join(labels["redline"].split()) not in printed  # no screen controls on paper
    page.close()


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_whole_comparison_shows_each_text_whole_with_marks_on_and_off(browser: Browser, base_url: str, language: str) -> None:
    """The whole-document comparison (every chapter, deleted draft articles in their place): each column's
    visible text is its own document's text exactly, with marks off and on."""
    pipeline = run_pipeline(ROOT)
    site = Site(pipeline.corpus, pipeline.alignment, pipeline.annotations)
    draft, final = site.documents["draft"], site.documents["final"]
    english = site.english(language)
    expected = []
    for entry in sequence(site):
        if entry.final is None:
            expected += [[[line.marker + line.text], []] for line in lines_of(draft.article(entry.draft or 0), english=english)]
            continue
        rows = row_lines(final.article(entry.final), entry.link, draft, final, english)
        expected += [[[line.marker + line.text for line in lines] for lines in row] for row in rows]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{base_url}{'/en' if language == 'en' else ''}/compare/")
    for marks in (False, True):
        page.locator("#redline-toggle").set_checked(marks)
        shown = page.evaluate(COLUMN_TEXTS)
        assert [[[" ".join(t.split()) for t in side] for side in row] for row in shown] == [
            [[" ".join(t.split()) for t in side] for side in row] for row in expected
        ]
    page.close()


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_term_explains_its_rendering_and_leads_to_its_glossary_entry(browser: Browser, base_url: str, language: str) -> None:
    """Hover a glossary term: the tooltip gives the meaning and why it is rendered so; the article's term list
    links the entry on the glossary page, which opens at it."""
    pipeline = run_pipeline(ROOT)
    term = next(t for t in pipeline.annotations.glossary if t.zh == "一网通办")
    assert term.note
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    prefix = "/en" if language == "en" else ""
    page.goto(f"{base_url}{prefix}/articles/37/")
    marked = page.locator(".col-final .term", has_text=term.zh if language == "zh" else term.en).first
    marked.hover()
    tip = marked.evaluate("e => getComputedStyle(e, '::after').content")
    assert getattr(term.note, language)[:20] in tip
    entry = page.locator(".terms dt a", has_text=term.en)
    entry.click()
    expect(page).to_have_url(re.compile(rf"{re.escape(base_url + prefix)}/glossary/#g-one-network-government-services$"))
    expect(page.locator("#g-one-network-government-services")).to_be_in_viewport()
    expect(page.locator("#g-one-network-government-services .term-note")).to_contain_text(getattr(term.note, language)[:20])
    page.close()


@pytest.mark.parametrize("width", [1280, 360])
def test_the_home_bar_links_each_relation_to_its_list(browser: Browser, base_url: str, width: int) -> None:
    pipeline = run_pipeline(ROOT)
    deleted = [link for link in pipeline.alignment.links if link.relation == "deleted"]
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(f"{base_url}/")
    segment = page.locator(".relation-bar a.badge--deleted")
    expect(segment).to_have_text(re.compile(rf"{len(deleted)}$"))
    assert float(segment.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 12  # legible on a phone
    segment.click()
    expect(page).to_have_url(f"{base_url}/concordance/#relation-deleted")
    items = page.locator("#relation-deleted + ul > li")
    expect(items).to_have_count(len(deleted))
    expect(items.first).to_contain_text(pipeline.annotations.captions[f"draft/{deleted[0].draft[0]}"].zh)
    page.close()


@pytest.mark.parametrize("language", ["zh", "en"])
def test_from_an_article_to_the_national_law_and_to_another_provision_implementing_it(
    browser: Browser, base_url: str, language: str
) -> None:
    """Final 46 implements Data Security Law art. 19: open the reference, read the provision, go to the law's
    page, and from there to final 45, which implements it too."""
    pipeline = run_pipeline(ROOT)
    paragraph = pipeline.corpus.laws["data-security-law"].article(19).paragraphs[0]
    shown = (pipeline.annotations.english(paragraph.id) if language == "en" else None) or paragraph.text
    prefix = "/en" if language == "en" else ""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{base_url}{prefix}/articles/46/")
    reference = page.locator(".reference--implements", has=page.locator('a[href$="laws/data-security-law/#article-19"]'))
    text = reference.locator(".law-text blockquote")
    expect(text).to_be_hidden()
    reference.locator(".law-text summary").click()
    expect(text).to_be_visible()
    expect(text).to_have_text(" ".join(shown.split()))
    expect(reference.locator(".law-version")).to_contain_text("2021")
    reference.locator('a[href$="laws/data-security-law/#article-19"]').click()
    expect(page).to_have_url(f"{base_url}{prefix}/laws/data-security-law/#article-19")
    provision = page.locator("#article-19")
    expect(provision).to_be_in_viewport()
    provision.locator('a[href$="articles/45/"]').click()
    expect(page).to_have_url(f"{base_url}{prefix}/articles/45/")
    expect(page.locator('.reference-list a[href$="laws/data-security-law/#article-19"]')).to_be_visible()  # and back
    page.close()


@pytest.mark.parametrize("width", [1280, 360])
def test_the_concordance_filters_by_relation_and_by_kind_of_change(browser: Browser, base_url: str, width: int) -> None:
    """Click a filter: only the rows of that relation, or with that kind of change, stay visible (CSS, no script:
    the same with JavaScript off)."""
    pipeline = run_pipeline(ROOT)
    site = Site(pipeline.corpus, pipeline.alignment, pipeline.annotations)
    with_bearer = {link.final for link, found in site.changes.items() if any(c.kind == "bearer" for c in found)}
    deleted = [link for link in pipeline.alignment.links if link.relation == "deleted"]
    for script in (True, False):
        context = browser.new_context(viewport={"width": width, "height": 900}, java_script_enabled=script)
        page = context.new_page()
        page.goto(f"{base_url}/concordance/")
        rows = page.locator(".filtered tbody tr")
        expect(rows.filter(visible=True)).to_have_count(len(pipeline.alignment.links))
        page.locator('label[for="kind-only-bearer"]').click()
        expect(rows.filter(visible=True)).to_have_count(len(with_bearer))
        page.locator('label[for="kind-any"]').click()
        page.locator('label[for="relation-only-deleted"]').click()
        expect(rows.filter(visible=True)).to_have_count(len(deleted))
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        context.close()


@pytest.mark.parametrize(("path", "width"), [("/changes/", 1280), ("/en/changes/", 360)])
def test_the_key_changes_page_leads_to_the_articles(browser: Browser, base_url: str, path: str, width: int) -> None:
    pipeline = run_pipeline(ROOT)
    theme = pipeline.annotations.themes[0]
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(base_url + path)
    expect(page.locator(f"#{theme.id}")).to_be_visible()
    assert page.locator(".theme").count() == len(pipeline.annotations.themes)
    page.locator(".kind-counts a").first.click()
    expect(page.locator(".kind-list").first).to_be_in_viewport()
    page.locator(".kind-list a").first.click()
    expect(page).to_have_url(re.compile(r"/articles/\d+/$"))
    expect(page.locator("details.change-kinds")).to_be_visible()
    page.close()


def test_the_concordance_sorts_by_a_column(page: Page, base_url: str) -> None:
    """Press a column's heading: the rows are in that column's order (press again: the reverse); filters still apply."""
    page.goto(f"{base_url}/concordance/")
    similarity = page.locator(".filtered thead th").nth(4)
    similarity.get_by_role("button").click()
    expect(similarity).to_have_attribute("aria-sort", "ascending")
    keys = page.locator(".filtered tbody tr td:nth-child(5)").evaluate_all("cells => cells.map(c => parseFloat(c.dataset.sort))")
    assert keys == sorted(keys) and keys[0] < keys[-1]
    similarity.get_by_role("button").click()
    keys = page.locator(".filtered tbody tr td:nth-child(5)").evaluate_all("cells => cells.map(c => parseFloat(c.dataset.sort))")
    assert keys == sorted(keys, reverse=True)
    page.locator('label[for="relation-only-deleted"]').click()
    expect(page.locator(".filtered tbody tr").filter(visible=True).first).to_contain_text("—")


@pytest.mark.parametrize(
    "path", ["/downloads/", "/en/downloads/", "/laws/", "/en/laws/cybersecurity-law/", "/changes/", "/concordance/", "/en/compare/"]
)
def test_the_data_and_analysis_pages_fit_a_phone(browser: Browser, base_url: str, path: str) -> None:
    """At 360 px the page never scrolls sideways (wide tables scroll inside their own box)."""
    page = browser.new_page(viewport={"width": 360, "height": 800})
    page.goto(base_url + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.close()
