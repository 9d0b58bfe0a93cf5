"""Editors' and sources' words are text wherever they land: markup written into every text field of every kind
of file (and into a source's article title) builds, and every kind of page shows it as typed, runs none of it
and gains no element from it; the downloads carry it as text.

The fields are found from the schemas (generator/strict.py marks every text field), not listed by hand, so a new
field is covered the day it is added. Left out, each with its reason: fields the loader matches against the
texts (a quotation must be on its source line; a synonym, a clause or an exempted term must occur in the text),
which would refuse any payload before the site is built, and the glossary's terms and renderings, which
translations must use. Notes are Markdown: raw HTML is refused there (tests/test_annotations.py), so they get
Markdown that must not turn into a script link.
"""

from __future__ import annotations

import hashlib
import json
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel

from generator.annotations.alignmentfile import AlignmentFile
from generator.annotations.apparatus import LawsFile
from generator.annotations.glossary import GlossaryFile
from generator.annotations.synonyms import SynonymsFile
from generator.annotations.themes import ThemesFile
from generator.annotations.translations import ArticleFile, ChaptersFile, fingerprint
from generator.corpus.parse import parse_file
from generator.corpus.sources import Catalogue
from generator.strict import MARKDOWN, text_fields
from generator.yamlfile import read
from tests.conftest import copy_project

pytestmark = pytest.mark.browser

# Each would run or add an element if it were read as HTML or Markdown; none has a digit (the numbers check).
PAYLOAD = "<img src=x onerror=alert(document.domain)> {: onclick=alert(document.domain) } *q* & \"'"
SHORT = "<i id=xq>*甲*</i>"  # a Chinese caption: at most 16 characters
SHORT_EN = "<b onclick=alert(document.domain)>q</b>"  # an English caption: at most 10 words
NOTE = "*q* &amp; `{: onclick=alert(document.domain) }`"  # Markdown: links are checked ids, raw HTML is refused
TITLE = "<script>alert（document.domain）</script>"  # into the Heilongjiang draft's article 3 【title】 (full-width (), as normalised)

# Matched against the texts by the loader, or used by translations (see the module's docstring).
NOT_FREE = re.compile(r"(^|\.)(quote|words|evidence|term|authority\.zh)$|^terms\.\d+\.(zh|en|also|forms)|^synonyms\.")


def schema_of(relative: str) -> type[BaseModel]:
    named: dict[str, type[BaseModel]] = {
        "sources/sources.yml": Catalogue,
        "annotations/glossary.yml": GlossaryFile,
        "annotations/alignment.yml": AlignmentFile,
        "annotations/laws.yml": LawsFile,
        "annotations/changes.yml": ThemesFile,
        "annotations/synonyms.yml": SynonymsFile,
    }
    return named.get(relative) or (ChaptersFile if relative.endswith("chapters.yml") else ArticleFile)


def mark_up(project: Path) -> dict[str, int]:
    """Write the payloads into every free text field of every YAML file; how many fields of each file."""
    counts: dict[str, int] = {}
    for path in [project / "sources" / "sources.yml", *sorted((project / "annotations").rglob("*.yml"))]:
        relative = path.relative_to(project).as_posix()
        loaded = read(path)
        parsed = schema_of(relative).model_validate(loaded.data)
        count = 0
        for location, kind in text_fields(parsed):
            dotted = ".".join(str(part) for part in location)
            if NOT_FREE.search(dotted):
                continue
            parent = loaded.data
            for key in location[:-1]:
                parent = parent[key]
            old = parent[location[-1]]
            if dotted.startswith("caption."):
                parent[location[-1]] = SHORT if dotted.endswith("zh") else SHORT_EN
            elif kind is MARKDOWN:
                parent[location[-1]] = old + " " + NOTE
            elif old:
                parent[location[-1]] = old + " " + PAYLOAD
            count += 1
        path.write_text(yaml.safe_dump(loaded.data, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")
        counts[relative] = count
    return counts


def mark_up_source_title(project: Path) -> None:
    """The Heilongjiang draft's article 3 gets markup in its 【title】; its hash and its translation follow."""
    catalogue = project / "sources" / "sources.yml"
    data = yaml.safe_load(catalogue.read_text(encoding="utf-8"))
    witness = next(entry for entry in data["witnesses"] if entry["document"] == "heilongjiang")
    source = project / "sources" / witness["file"]
    text = source.read_text(encoding="utf-8").replace("第三条【基本原则】", f"第三条【基本原则{TITLE}】", 1)
    source.write_text(text, encoding="utf-8")
    witness["sha256"] = hashlib.sha256(source.read_bytes()).hexdigest()
    catalogue.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")
    translation = project / "annotations" / "heilongjiang" / "3.yml"
    article = yaml.safe_load(translation.read_text(encoding="utf-8"))
    (parsed,) = [article for article in parse_file(source).articles if article.number == 3]
    article["translation"]["title"]["zh"] = fingerprint(str(parsed.title))  # as normalised: （） for ()
    translation.write_text(yaml.safe_dump(article, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")


@pytest.fixture(scope="module")
def marked_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict[str, int]]]:
    import os
    import subprocess

    from tests.conftest import MKDOCS

    project = copy_project(tmp_path_factory.mktemp("marked"))
    counts = mark_up(project)
    mark_up_source_title(project)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "http://127.0.0.1:8000/"}
    env.pop("REPO_URL", None)
    built = subprocess.run([*MKDOCS, "build", "--strict"], cwd=project, env=env, capture_output=True, text=True, check=False)
    assert built.returncode == 0, built.stderr[-3000:]
    yield project, counts


def test_every_kind_of_file_had_its_text_marked_up(marked_site: tuple[Path, dict[str, int]]) -> None:
    _, counts = marked_site
    kinds = {"sources/sources.yml", "annotations/glossary.yml", "annotations/alignment.yml", "annotations/laws.yml",
             "annotations/changes.yml", "annotations/synonyms.yml", "annotations/final/49.yml",
             "annotations/final/chapters.yml", "annotations/heilongjiang/3.yml", "annotations/laws/data-security-law/19.yml"}  # fmt: skip
    assert all(counts[kind] > 0 for kind in kinds), {kind: counts[kind] for kind in kinds}
    assert sum(counts.values()) > 1500


PAGES = [
    "", "articles/43/", "articles/49/", "articles/", "draft/60/", "draft/", "heilongjiang/3/", "heilongjiang/",
    "chapters/", "chapters/6/", "compare/6/", "compare/", "concordance/", "changes/", "laws/",
    "laws/data-security-law/", "glossary/", "sources/", "downloads/", "whats-new/", "about/",
]  # fmt: skip

INJECTED = """() => {
  const found = [];
  for (const element of document.querySelectorAll("*")) {
    for (const attribute of element.attributes) {
      const script = attribute.name.startsWith("on") && /document[.]domain/.test(attribute.value);
      if (script || attribute.name === "href" && /^(javascript|data|vbscript):/i.test(attribute.value))
        found.push(element.tagName + " " + attribute.name + "=" + attribute.value);
    }
    if (element.matches("img[src=x], #xq, script:not([src])") && /document\\.domain|alert/.test(element.outerHTML))
      found.push(element.outerHTML.slice(0, 80));
  }
  return found;
}"""


@pytest.mark.parametrize("language", ["", "en/"])
def test_no_page_runs_or_renders_editors_markup(marked_site: tuple[Path, dict[str, int]], browser: Any, language: str) -> None:
    project, _ = marked_site
    from tests.browser import serve

    with serve(project / "site") as url:
        page = browser.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: dialogs.append(dialog.message) or dialog.dismiss())  # type: ignore[func-returns-value]
        for path in PAGES:
            page.goto(f"{url}/{language}{path}")
            injected = page.evaluate(INJECTED)
            assert injected == [], (path, injected)
            shown = page.evaluate("() => document.title + '\\n' + document.body.innerText")
            typed = [payload for payload in (PAYLOAD, SHORT, SHORT_EN, TITLE) if payload in shown]
            assert typed, f"{language}{path}: no marked-up text shows as typed"
            assert shown.count("onerror=alert(document.domain)") == shown.count(PAYLOAD), f"{path}: read as Markdown"
            for payload in (PAYLOAD, SHORT, SHORT_EN, TITLE):  # never shown escaped twice
                assert payload.replace("&", "&amp;").replace("<", "&lt;") not in shown, path
        page.close()
        assert dialogs == []


def strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    for item in value.values() if isinstance(value, dict) else value if isinstance(value, list) else ():
        yield from strings(item)


def test_the_downloads_carry_markup_as_text(marked_site: tuple[Path, dict[str, int]]) -> None:
    project, _ = marked_site
    site = project / "site"
    corpus = list(strings(json.loads((site / "downloads" / "corpus.json").read_text(encoding="utf-8"))))
    assert any(text.endswith(" " + PAYLOAD) for text in corpus) and SHORT_EN in corpus
    for path in (site / "downloads" / "akn").glob("*.xml"):
        ElementTree.parse(path)  # well-formed: the markup is character data
    english = ElementTree.parse(site / "downloads" / "akn" / "final.en.xml")
    assert any(SHORT_EN in (element.text or "") for element in english.iter())
    for feed in site.rglob("feed.xml"):
        ElementTree.parse(feed)
    from docx import Document as WordDocument

    table = WordDocument(str(site / "downloads" / "comparison.en.docx"))
    assert any(SHORT_EN in cell.text for row in table.tables[0].rows for cell in row.cells)
    citation = json.loads((site / "api" / "final" / "49.csl.json").read_text(encoding="utf-8"))
    assert any(SHORT_EN in item["section"] for item in citation) and any(item["title"].endswith(PAYLOAD) for item in citation)


def test_search_results_show_marked_up_captions_as_typed(marked_site: tuple[Path, dict[str, int]], browser: Any) -> None:
    """The search index takes the title and caption from the page (Pagefind's meta): the result names the article
    with its caption exactly as typed."""
    from playwright.sync_api import expect

    from tests.browser import serve

    project, _ = marked_site
    with serve(project / "site") as url:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(f"{url}/en/")
        box = page.locator("#site-search-query")
        box.click()
        box.fill("Article 49")
        title = page.locator(".md-search-result__item").first.locator("h1")
        expect(title).to_have_text(f"Article 49 [{SHORT_EN}]")
        assert page.evaluate(INJECTED) == []
        page.close()
