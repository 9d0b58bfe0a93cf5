"""Rendered pages. Four representative final-article pages are kept as golden Markdown (refresh with
`pytest --update-golden` and read the diff): identical, heavily modified, moved, and merged — the real texts
have no merged article, so that page is rendered with an editor's override merging draft 42 into final 36.
They are rendered without translations, so that they record the page's structure and stay put while editors
improve the English (tests/test_english.py renders with the translations)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.align import Override, align
from generator.annotate import Annotations
from generator.build import Pipeline, outputs, run_pipeline
from generator.render import pages
from generator.render.columns import compare_row, lines_of
from generator.render.site import Site
from generator.render.urls import relative
from generator.sources import Corpus
from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "golden" / "pages"
CASES = {  # golden name: (final article, overrides, language)
    "identical-10": (10, [], "zh"),
    "modified-59": (59, [], "zh"),
    "moved-23": (23, [], "en"),
    "merged-36": (36, [Override((36,), (42, 43), "merged")], "zh"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_final_article_pages_match_golden(corpus: Corpus, update_golden: bool, name: str) -> None:
    number, overrides, language = CASES[name]
    alignment = align(corpus.document("draft"), corpus.document("final"), overrides)
    page = pages.final_article(Site(corpus, alignment), corpus.document("final").article(number), language)
    golden = GOLDEN / f"{name}.md"
    if update_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(page, encoding="utf-8")
    assert page == golden.read_text(encoding="utf-8")


def test_relative_links() -> None:
    assert relative("articles/12.md", "draft/15.md") == "../../draft/15/"
    assert relative("articles/12.md", "articles/13.md") == "../13/"
    assert relative("articles/12.md", "articles/index.md") == "../"
    assert relative("index.md", "articles/12.md", "p2") == "articles/12/#p2"
    assert relative("concordance.md", "index.md") == "../"
    assert relative("index.md", "index.md") == "./"


def test_every_article_of_every_document_has_a_page_in_both_languages(corpus: Corpus) -> None:
    alignment = align(corpus.document("draft"), corpus.document("final"))
    files = outputs(Pipeline(corpus, Annotations(), alignment))
    for language in ("zh", "en"):
        for folder, document_id in (("articles", "final"), ("draft", "draft"), ("heilongjiang", "heilongjiang")):
            for article in corpus.document(document_id).articles:
                assert f"{language}/{folder}/{article.number}.md" in files
    assert {"downloads/corpus.json", "downloads/concordance.csv", "zh/index.md", "en/concordance.md"} <= set(files)


def test_english_pages_label_everything_in_english(corpus: Corpus) -> None:
    alignment = align(corpus.document("draft"), corpus.document("final"))
    page = pages.final_article(Site(corpus, alignment), corpus.document("final").article(12), "en")
    assert "# Article 12" in page and "Show changes" in page and "from <a" in page and "Draft Article 15" in page
    ui = page.partition('<details class="cite"')[0]  # the citation box gives the Chinese citation too, on purpose
    assert "第十二条" not in ui and "征求意见稿" not in ui  # no Chinese UI text; the Chinese is the regulation's
    assert 'lang="zh"' in page


def test_source_text_is_escaped(corpus: Corpus) -> None:
    lines = lines_of(corpus.document("final").article(1))
    hostile = [type(lines[0])("p1", "", "<script>alert(1)</script>", False)]
    row = compare_row(hostile, hostile, Site(corpus, align(corpus.document("draft"), corpus.document("final"))).labels["zh"])
    assert "<script>" not in row["final"] and "&lt;script&gt;" in row["final"]


def test_a_further_document_is_a_line_of_metadata(tmp_path: Path) -> None:
    """Another regulation for comparison: its file and an entry in sources.yml give it pages, a whole-text page
    and article names, without code (here the Heilongjiang text copied in as a fourth document)."""
    from bench.run import scaled_project

    scaled_project(tmp_path / "project", 4)
    files = outputs(run_pipeline(tmp_path / "project"))
    for language in ("zh", "en"):
        assert f"{language}/heilongjiang-2/index.md" in files
        assert all(f"{language}/heilongjiang-2/{number}.md" in files for number in range(1, 85))
    assert "# 副本2第一条" in files["zh/heilongjiang-2/1.md"]
    assert "# Copy 2 Article 1" in files["en/heilongjiang-2/1.md"]
