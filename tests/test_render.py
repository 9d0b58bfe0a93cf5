"""Rendered pages. Four representative final-article pages are kept as golden Markdown (refresh with
`pytest --update-golden` and read the diff): identical, heavily modified, moved, and merged — the real texts
have no merged article, so that page is rendered with an editor's override merging draft 42 into final 36.
They are rendered without translations, so that they record the page's structure and stay put while editors
improve the English (tests/test_english.py renders with the translations). A golden file has each block element on
a line of its own (the page itself has a comparison row to a line)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from jinja2 import Environment, FileSystemBytecodeCache

from generator.annotations.annotate import Annotations
from generator.build import Pipeline, navigation, outputs, run_pipeline
from generator.compare.align import Override, align
from generator.corpus.sources import Corpus
from generator.render import pages
from generator.render.columns import compare_row, lines_of
from generator.render.env import TEMPLATES, make_environment
from generator.render.site import Site
from generator.render.urls import relative
from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "golden" / "pages"
CASES = {  # golden name: (final article, overrides, language)
    "identical-10": (10, [], "zh"),
    "modified-59": (59, [], "zh"),
    "moved-23": (23, [], "en"),
    "merged-36": (36, [Override((36,), (42, 43), "merged")], "zh"),
}


# Where a block element starts inside a line of the page: the golden file breaks the line there, so that a
# one-word change to the redline is a one-line change to the golden file.
BLOCK_START = re.compile(r"(?<=.)(?=<(?:p|div|li|ul|ol|dl|dt|dd|h[1-6]|section|nav|details|summary|blockquote|figure)[\s>])")


def one_block_per_line(page: str) -> str:
    return BLOCK_START.sub("\n", page)


@pytest.mark.parametrize("name", sorted(CASES))
def test_final_article_pages_match_golden(corpus: Corpus, update_golden: bool, name: str) -> None:
    number, overrides, language = CASES[name]
    alignment = align(corpus.document("draft"), corpus.document("final"), overrides)
    page = one_block_per_line(pages.final_article(Site(corpus, alignment), corpus.document("final").article(number), language))
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
    assert "<script>" not in row["after"] and "&lt;script&gt;" in row["after"]


def test_a_further_document_is_a_line_of_metadata(tmp_path: Path) -> None:
    """Another regulation for comparison: its file and an entry in sources.yml give it pages, a whole-text page
    and article names, without code (here the Heilongjiang text copied in as a fourth document)."""
    project = tmp_path / "project"
    shutil.copytree(ROOT / "sources", project / "sources")
    original = next((project / "sources").glob("004_*.txt"))
    shutil.copy(original, project / "sources" / "104_copy.txt")
    catalogue = yaml.safe_load((project / "sources" / "sources.yml").read_text(encoding="utf-8"))
    catalogue["documents"].append(
        {
            "id": "heilongjiang-2",
            "title": {"zh": "黑龙江省促进数字经济条例（副本）", "en": "Heilongjiang copy"},
            "printed": "104",
            "expect": {"chapters": 13, "articles": 84},
            "prefix": {"zh": "副本", "en": "Copy "},
        }
    )
    witness = next(entry for entry in catalogue["witnesses"] if entry["id"] == "004")
    catalogue["witnesses"].append(witness | {"id": "104", "file": "104_copy.txt", "document": "heilongjiang-2"})
    (project / "sources" / "sources.yml").write_text(yaml.safe_dump(catalogue, allow_unicode=True), encoding="utf-8")
    files = outputs(run_pipeline(project))
    for language in ("zh", "en"):
        assert f"{language}/heilongjiang-2/index.md" in files
        assert all(f"{language}/heilongjiang-2/{number}.md" in files for number in range(1, 85))
    assert "# 副本第一条" in files["zh/heilongjiang-2/1.md"]
    assert "# Copy Article 1" in files["en/heilongjiang-2/1.md"]
    assert "[Heilongjiang copy](heilongjiang-2/index.md)" in files["en/index.md"]  # on the home page, and in the navigation:
    assert navigation(project, ["index.md", "about.md"]) == [
        "index.md", "articles/index.md", "draft/index.md", "heilongjiang/index.md", "heilongjiang-2/index.md", "about.md"
    ]  # fmt: skip


def test_a_second_environment_compiles_no_template(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Compiled templates are kept between builds (generator/render/templatecache.py): a new environment, as each build
    and each language makes, reads them from the cache instead of compiling them again."""
    compiled: list[str] = []
    compile_template = Environment.compile

    def counted(self: Environment, source: str, name: str | None = None, *arguments: Any, **options: Any) -> Any:
        compiled.append(name or "")
        return compile_template(self, source, name, *arguments, **options)

    monkeypatch.setattr(Environment, "compile", counted)
    cache = FileSystemBytecodeCache(str(tmp_path))
    names = sorted(path.name for path in TEMPLATES.glob("*.j2"))
    for name in names:
        make_environment(cache).get_template(name)
    assert sorted(set(compiled)) == names
    compiled.clear()
    for name in names:
        make_environment(cache).get_template(name)
    assert compiled == []


def test_compiled_templates_are_kept_per_compile_settings(tmp_path: Path) -> None:
    """Jinja checks a cached template against its source, not against the environment's settings: code compiled
    without autoescaping must never serve an environment that escapes (a stale cache once hid an unescaped
    literal in a template). The generator's cache is keyed by its settings."""
    from generator.render.env import COMPILE, GENERATOR_CACHE
    from generator.render.templatecache import TEMPLATE_CACHE, cache_for

    assert cache_for(**COMPILE).pattern == GENERATOR_CACHE.pattern != TEMPLATE_CACHE.pattern
    assert cache_for(**{**COMPILE, "autoescape": False}).pattern != GENERATOR_CACHE.pattern
    page = "_parallel.md.j2"
    fresh = (
        make_environment(None)
        .get_template(page)
        .render(
            parallel=[{"zh": "", "en": ""}],
            parallel_order=["zh", "en"],
            labels={"parallel_zh": "中文", "parallel_en": "English", "translation_missing": "（未译）"},
        )
    )
    assert '<p class="absent">（未译）</p>' in fresh  # the template's own HTML is not escaped, the label is
