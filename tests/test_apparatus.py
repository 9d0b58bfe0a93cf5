"""Notes, cross-references and the apparatus: what editors write is checked (each mistake named with its file
and line), resolved, and shown — notes under the article, references with the other provision's text,
backlinks on the target, citations, the sources page, what's new and its feed, and the export."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

import pytest

from generator.annotations.annotate import Annotations, load_annotations
from generator.annotations.apparatus import note_html
from generator.compare.align import align
from generator.corpus.sources import Corpus
from generator.errors import InputError
from generator.exports.export import corpus_json
from generator.render import pages
from generator.render.apparatus import citation
from generator.render.feed import feed, whats_new
from generator.render.site import Settings, Site
from generator.render.witnesses import sources_page
from tests.conftest import MKDOCS, ROOT, copy_project, run_cli

LAWS = """laws:
  - id: data-security-law
    zh: 中华人民共和国数据安全法
    en: Data Security Law of the People's Republic of China
"""

NOTE = """notes:
  - id: change
    kind: change
    author: Editors
    date: 2026-11-20
    zh: 本条源自[征求意见稿第十八条](draft/18)，原在第三章。
    en: This article comes from [Draft Article 18](draft/18), then in Chapter 3.
    sources:
      - title: sources/003
  - id: second-paragraph
    kind: context
    target: final/23/2
    author: Editors
    date: 2026-11-22
    zh: 第二款与征求意见稿相同。
    en: Paragraph 2 is *unchanged*.
references:
  - to: heilongjiang/32
    kind: comparable
  - from: final/23/2
    to: law:data-security-law/21
    kind: cites
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    (tmp_path / "annotations" / "final").mkdir(parents=True)
    (tmp_path / "annotations" / "laws.yml").write_text(LAWS, encoding="utf-8")
    return tmp_path


def write(project: Path, name: str, text: str | bytes) -> None:
    path = project / "annotations" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))


def load(project: Path, corpus: Corpus) -> Annotations:
    return load_annotations(project, {entry.id: corpus.document(entry.id) for entry in corpus.catalogue.documents})


def problems(project: Path, corpus: Corpus) -> str:
    with pytest.raises(InputError) as caught:
        load(project, corpus)
    return str(caught.value)


def test_notes_and_references_load_with_their_targets(project: Path, corpus: Corpus) -> None:
    write(project, "final/23.yml", NOTE)
    apparatus = load(project, corpus).apparatus
    assert [(n.note.id, n.target.id, n.target.anchor) for n in apparatus.notes] == [
        ("change", "final/23", ""),
        ("second-paragraph", "final/23/2", "p2"),
    ]
    assert [(r.source.id, r.target.id, r.kind) for r in apparatus.references] == [
        ("final/23", "heilongjiang/32", "comparable"),
        ("final/23/2", "law:data-security-law/21", "cites"),
    ]
    assert apparatus.references[1].target.law is not None and apparatus.references[1].target.law_article == 21
    assert [r.source.id for r in apparatus.references_to("heilongjiang", 32)] == ["final/23"]


BAD = {  # what editors get wrong -> (file content, the message, naming its line)
    "yaml syntax": ("notes:\n  - id: x\n    kind: [change\n", "annotations/final/23.yml:4: YAML syntax"),
    "unknown key": (
        NOTE.replace("    kind: context\n", "    kind: context\n    colour: red\n"),
        "annotations/final/23.yml:12: notes.1.colour: Extra inputs are not permitted",
    ),
    "unknown note kind": (NOTE.replace("kind: context", "kind: opinion"), "annotations/final/23.yml:11: notes.1.kind: Input should be"),
    "missing language": (
        NOTE.replace("    en: Paragraph 2 is *unchanged*.\n", ""),
        "annotations/final/23.yml:10: notes.1.en: Field required",
    ),
    "unknown article": (
        NOTE.replace("target: final/23/2", "target: final/23/9"),
        "annotations/final/23.yml:12: final/23 has no paragraph 9",
    ),
    "target outside the file": (
        NOTE.replace("target: final/23/2", "target: final/24"),
        "annotations/final/23.yml:12: final/24 is not in final/23",
    ),
    "unknown reference target": (
        NOTE.replace("to: heilongjiang/32", "to: heilongjiang/85"),
        "annotations/final/23.yml:18: references.0.to: heilongjiang has no article 85",
    ),
    "unknown law": (
        NOTE.replace("law:data-security-law/21", "law:data-law"),
        "annotations/final/23.yml:21: references.1.to: no law 'data-law' in annotations/laws.yml",
    ),
    "link to a missing article": (
        NOTE.replace("(draft/18)，", "(draft/73)，"),
        "annotations/final/23.yml:6: notes.0.zh: link (draft/73): draft has no article 73",
    ),
    "duplicate id": (
        NOTE.replace("id: second-paragraph", "id: change"),
        "annotations/final/23.yml:10: note id 'change' is already used on line 2",
    ),
    "raw html": (
        NOTE.replace("Paragraph 2 is *unchanged*.", "Paragraph 2 <script>alert(1)</script>"),
        "annotations/final/23.yml:16: notes.1.en: raw HTML is not allowed in notes",
    ),
    "javascript link": (
        NOTE.replace("[Draft Article 18](draft/18)", "[Draft Article 18](javascript:alert(1))"),
        "annotations/final/23.yml:7: notes.0.en: raw HTML is not allowed in notes",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_each_mistake_is_named_with_its_line(project: Path, corpus: Corpus, case: str) -> None:
    content, message = BAD[case]
    write(project, "final/23.yml", content)
    assert message in problems(project, corpus)


def test_wrong_encoding(project: Path, corpus: Corpus) -> None:
    write(project, "final/23.yml", NOTE.encode("gb18030"))
    assert "annotations/final/23.yml:6: not UTF-8 text" in problems(project, corpus)


def test_duplicate_law(project: Path, corpus: Corpus) -> None:
    write(project, "laws.yml", LAWS + LAWS.split("\n", 1)[1])
    assert "annotations/laws.yml:5: law id 'data-security-law' is already used on line 2" in problems(project, corpus)


def test_check_exits_1_and_no_site_is_built(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    path = project / "annotations" / "final" / "12.yml"
    note = "notes:\n  - {id: x, kind: change, author: E, date: 2026-11-23, zh: 见<b>此</b>, en: see}\n"
    path.write_text(path.read_text(encoding="utf-8").replace("notes:\n", note, 1), encoding="utf-8")
    environment = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(project), "NO_MKDOCS_2_WARNING": "1"}
    check = run_cli("check", cwd=project, env=environment)
    assert check.returncode == 1 and "raw HTML is not allowed in notes" in check.stderr and "Traceback" not in check.stderr
    build = subprocess.run([*MKDOCS, "build", "--strict"], cwd=project, capture_output=True, text=True, env=environment)
    assert build.returncode != 0 and "annotations/final/12.yml:" in build.stderr
    assert not (project / "site" / "index.html").exists()


def test_note_markdown_is_sanitised_and_ids_become_links() -> None:
    html = note_html("See [Article 12](final/12/2) and [the law](https://example.org/x) *now*.", lambda target: f"../{target}/")
    assert '<a href="../final/12/2/"' in html and 'href="https://example.org/x"' in html and "<em>now</em>" in html
    assert "<script" not in note_html("`<script>`", lambda target: target)  # code is escaped, never run


@pytest.fixture
def site(project: Path, corpus: Corpus) -> Site:
    write(project, "final/23.yml", NOTE)
    annotations = load(project, corpus)
    settings = Settings("https://example.org/law/", "https://github.com/example/annotated-law")
    return Site(corpus, align(corpus.document("draft"), corpus.document("final")), annotations, settings)


def test_article_page_shows_notes_references_citations_and_edit_link(site: Site, corpus: Corpus) -> None:
    page = pages.final_article(site, corpus.document("final").article(23), "en")
    assert '<div class="note note--change" id="note-change">' in page
    assert '<a href="../../draft/18/">Draft Article 18</a>' in page  # the id in the note became a link
    assert '<a href="#p2">on paragraph 2</a>' in page and "<em>unchanged</em>" in page
    assert '<a href="../../heilongjiang/32/">Heilongjiang Draft Article 32</a>' in page
    assert "Data Security Law of the People&#39;s Republic of China, Article 21" in page
    assert "Shijiazhuang Municipal Regulations on Promoting the Digital Economy, art. 23" in page
    assert 'data-cite="Shijiazhuang Municipal Regulations on Promoting the Digital Economy, art. 23(2)"' in page
    assert 'href="https://github.com/example/annotated-law/edit/main/annotations/final/23.yml"' in page
    chinese = pages.final_article(site, corpus.document("final").article(23), "zh")
    assert "《石家庄市数字经济促进条例》第二十三条" in chinese and 'data-cite="《石家庄市数字经济促进条例》第二十三条第二款"' in chinese


def test_the_target_shows_a_backlink_and_the_reference_shows_its_text(site: Site, corpus: Corpus) -> None:
    target = pages.plain_article(site, "heilongjiang", corpus.document("heilongjiang").article(32), "zh")
    assert "引用本条的条文" in target and '<a href="../../articles/23/">第二十三条</a>' in target
    source = pages.final_article(site, corpus.document("final").article(23), "zh")
    opening = corpus.document("heilongjiang").article(32).paragraphs[0].text[:20]
    assert f'<blockquote class="reference-text"><p lang="zh">{opening}' in source


def test_no_edit_link_without_a_repository(corpus: Corpus) -> None:
    page = pages.final_article(
        Site(corpus, align(corpus.document("draft"), corpus.document("final"))), corpus.document("final").article(1), "en"
    )
    assert "edit-link" not in page


def test_citations_of_items_and_one_paragraph_articles(site: Site, corpus: Corpus) -> None:
    final = corpus.document("final")
    assert citation(site, "final", final.article(59), "p2-3", "zh") == "《石家庄市数字经济促进条例》第五十九条第二款第三项"
    assert citation(site, "final", final.article(59), "p2-3", "en").endswith(", art. 59(2), item (3)")
    assert citation(site, "final", final.article(10), "p1", "zh") == "《石家庄市数字经济促进条例》第十条"  # one paragraph
    assert (
        citation(site, "draft", corpus.document("draft").article(14), "p2", "zh")
        == "《石家庄市数字经济促进条例（草案征求意见稿）》第十四条第二款"
    )


def test_whats_new_and_feed(site: Site) -> None:
    page = whats_new(site, "en")
    assert page.index("2026-11-22") < page.index("2026-11-20")  # newest first
    atom_feed = ElementTree.fromstring(feed(site, "en"))
    atom = "{http://www.w3.org/2005/Atom}"
    entries = atom_feed.findall(f"{atom}entry")
    assert [entry.findtext(f"{atom}updated") for entry in entries] == ["2026-11-22T00:00:00Z", "2026-11-20T00:00:00Z"]
    links = [entry.find(f"{atom}link").get("href") for entry in entries]  # type: ignore[union-attr]
    assert links == ["https://example.org/law/en/articles/23/#note-second-paragraph", "https://example.org/law/en/articles/23/#note-change"]
    assert atom_feed.findtext(f"{atom}updated") == "2026-11-22T00:00:00Z"


def test_sources_page_lists_every_repair_and_variant(site: Site, corpus: Corpus) -> None:
    page = sources_page(site, "en")
    for witness, document in corpus.witnesses.items():
        assert f"## {witness} · " in page
        assert f"{len(document.repairs())} repairs" in page or not document.repairs()
    assert page.count("<tr><td><a href=") >= len(corpus.variants)
    assert "8章81條" in page  # the news report's claim of 81 articles, among 001's defects


def test_export_has_notes_and_references(project: Path, corpus: Corpus) -> None:
    write(project, "final/23.yml", NOTE)
    annotations = load(project, corpus)
    data = corpus_json(corpus, align(corpus.document("draft"), corpus.document("final")), annotations)
    assert data["notes"][1] | {"sources": []} == {
        "target": "final/23/2",
        "id": "second-paragraph",
        "kind": "context",
        "zh": "第二款与征求意见稿相同。",
        "en": "Paragraph 2 is *unchanged*.",
        "author": "Editors",
        "date": date(2026, 11, 22).isoformat(),
        "sources": [],
    }
    assert data["references"] == [
        {"from": "final/23", "to": "heilongjiang/32", "kind": "comparable"},
        {"from": "final/23/2", "to": "law:data-security-law/21", "kind": "cites"},
    ]
