"""The national laws behind the regulation: their texts parse to their counts, every reference to one of their
articles or paragraphs is checked against the text (a wrong one names its file and line), the provision shown
where it is cited is the law's own text, and each law's page lists every local provision that refers to it."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from generator.build import Pipeline
from generator.exports.export import laws_json
from generator.render import pages
from generator.render.laws import cited_laws
from generator.render.site import Site
from generator.render.urls import law_anchor, law_page, page_of, relative
from tests.conftest import ROOT, copy_project, run_cli


@pytest.fixture(scope="module")
def site(pipeline: Pipeline) -> Site:
    return Site(pipeline.corpus, pipeline.alignment, pipeline.annotations)


def law_references(pipeline: Pipeline) -> list:  # type: ignore[type-arg]
    return [r for r in pipeline.annotations.apparatus.references if r.target.law is not None]


def test_each_law_parses_to_its_counts(pipeline: Pipeline) -> None:
    counts = {law_id: (len(text.chapters), len(text.articles)) for law_id, text in pipeline.corpus.laws.items()}
    assert counts == {"data-security-law": (7, 55), "personal-information-protection-law": (8, 74), "cybersecurity-law": (7, 79)}
    sections = [section.number for chapter in pipeline.corpus.laws["cybersecurity-law"].chapters for section in chapter.sections]
    assert sections == [1, 2]  # the Cybersecurity Law's chapter 3 has two sections


def test_every_law_reference_names_an_article_and_paragraph_that_exist(pipeline: Pipeline) -> None:
    references = law_references(pipeline)
    assert len(references) > 40
    for reference in references:
        target = reference.target
        assert target.law is not None and target.law.source is not None
        if target.law_article is None:
            continue
        article = pipeline.corpus.laws[target.law.source].article(target.law_article)
        assert target.law_paragraph is None or 1 <= target.law_paragraph <= len(article.paragraphs)


@pytest.mark.parametrize(
    ("to", "message"),
    [
        ("law:data-security-law/56", "中华人民共和国数据安全法 has no article 56 (it has 1 to 55)"),
        ("law:data-security-law/27/3", "中华人民共和国数据安全法 article 27 has no paragraph 3 (it has 2)"),
        ("law:data-protection-law/1", "no law 'data-protection-law' in annotations/laws.yml"),
    ],
)
def test_a_reference_to_a_missing_provision_names_its_file_and_line(tmp_path: Path, to: str, message: str) -> None:
    project = copy_project(tmp_path)
    path = project / "annotations" / "final" / "49.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.rstrip("\n") + f"\n  - to: {to}\n    kind: implements\n", encoding="utf-8")
    line = len(text.rstrip("\n").splitlines()) + 1  # the line of the new `to:`
    result = run_cli("--root", str(project), "check")
    assert result.returncode == 1
    assert f"annotations/final/49.yml:{line}: references." in result.stderr and message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_judgement_needs_its_reason(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    path = project / "annotations" / "final" / "49.yml"
    path.write_text(
        path.read_text(encoding="utf-8").rstrip("\n") + "\n  - to: law:data-security-law/21\n    kind: cites\n    judgement: true\n"
    )
    result = run_cli("--root", str(project), "check")
    assert result.returncode == 1 and "a link marked as the editors' judgement needs its why" in result.stderr
    # `cites` means the text itself names the provision: it cannot be the editors' reading.
    assert "a `cites` link is not a judgement" in result.stderr


def test_the_provision_shown_where_it_is_cited_is_the_laws_text(site: Site, pipeline: Pipeline) -> None:
    """On the Chinese page of each citing article, every cited provision is quoted as the parsed law has it
    (the parsed text is the source plus its recorded repairs: tests/test_fidelity.py), with the version."""
    for reference in law_references(pipeline):
        target, source = reference.target, reference.source
        if target.law_article is None or source.document is None or source.article is None:
            continue
        assert target.law is not None and target.law.source is not None
        citing = site.documents[source.document].article(source.article)
        if source.document == "final":
            page = pages.final_article(site, citing, "zh")
        else:
            page = pages.plain_article(site, source.document, citing, "zh")
        article = pipeline.corpus.laws[target.law.source].article(target.law_article)
        wanted = [p for p in article.paragraphs if target.law_paragraph in (None, p.number)]
        for paragraph in wanted:
            assert html.escape(paragraph.text, quote=False) in page, (reference.file, reference.line)
        assert "sources/00" in page and "通过时的文本" in page  # the version quoted


def test_each_law_page_lists_every_local_provision_that_refers_to_it(site: Site, pipeline: Pipeline) -> None:
    from generator.render.laws import law as law_page_of

    for cited in cited_laws(site):
        for language in ("zh", "en"):
            page = law_page_of(site, cited, language)
            for reference in law_references(pipeline):
                if reference.target.law is None or reference.target.law.id != cited.id:
                    continue
                source = reference.source
                assert source.document is not None and source.article is not None
                link = relative(law_page(cited.id), page_of(source.document, source.article, "final"), source.anchor)
                assert f'href="{link}"' in page, (cited.id, language, source.id)
                if reference.target.law_article is not None:
                    assert f'id="{law_anchor(reference.target.law_article)}"' in page


def test_an_article_page_links_the_cited_provision_on_its_laws_page(site: Site, pipeline: Pipeline) -> None:
    page = pages.final_article(site, site.documents["final"].article(49), "en")
    assert 'href="../../laws/data-security-law/#article-29"' in page
    assert 'href="../../laws/data-security-law/#article-27-p1"' in page


def test_the_export_holds_the_reverse_map(pipeline: Pipeline) -> None:
    exported = laws_json(pipeline.corpus, pipeline.annotations)
    listed = {
        (law["id"], provision["article"], entry["from"])
        for law in exported
        for provision in law["provisions"]
        for entry in provision["referenced_by"]
    }
    expected = {
        (r.target.law.id, r.target.law_article, r.source.id)
        for r in law_references(pipeline)
        if r.target.law is not None and r.target.law_article is not None
    }
    assert listed == expected


def test_the_cybersecurity_law_is_versioned_as_the_shared_record_establishes() -> None:
    """2016 numbers become today's as the amendment's items 1-5 establish (shared/laws/cybersecurity-law-2025-amendment.md):
    +1 from art. 3, +2 from art. 19; art. 18 loses its paragraph 2; after the 2016 art. 59 nothing is established."""
    from generator.annotations.amendments import current_number
    from generator.annotations.annotate import load_laws

    laws = {law.id: law for law in load_laws(ROOT, [])}
    amendments = laws["cybersecurity-law"].amendments
    assert [current_number(amendments, n).number for n in (1, 2, 3, 17, 19, 21, 51, 58, 59)] == [1, 2, 4, 18, 21, 23, 53, 60, 61]  # type: ignore[union-attr]
    assert current_number(amendments, 51).wording == "unchanged"  # type: ignore[union-attr]
    assert current_number(amendments, 18).wording == "changed" and current_number(amendments, 18).number == 19  # type: ignore[union-attr]
    assert current_number(amendments, 60).number is None and current_number(amendments, 79).number is None  # type: ignore[union-attr]
    assert laws["data-security-law"].amendments == [] and laws["data-security-law"].checked is not None


def test_both_numbers_wherever_the_site_names_an_amended_provision(site: Site, pipeline: Pipeline) -> None:
    built = dict(pages.pages(site))
    zh, en = built["zh/articles/48.md"], built["en/articles/48.md"]
    assert "《中华人民共和国网络安全法》第五十一条（2026年1月1日起为第五十三条）" in zh
    assert "Cybersecurity Law of the People&#39;s Republic of China, Article 51 (Article 53 from 1 January 2026)" in en
    assert "本条自2026年1月1日起为第五十三条，修改未改动其文字。" in zh  # under "show the provision"
    law = built["en/laws/cybersecurity-law.md"]
    assert "Article 51 (Article 53 from 1 January 2026)" in law and "Not verified here" in law
    assert "The numbers of articles 60 to 79 of the 2016 text after the amendment are therefore not established here" in law
    assert "No amendment of the Law is known to the editors as of 7 December 2026." in built["en/laws/data-security-law.md"]
    export = laws_json(pipeline.corpus, pipeline.annotations)
    cybersecurity = next(law for law in export if law["id"] == "cybersecurity-law")
    provision = next(p for p in cybersecurity["provisions"] if p["article"] == 51)
    assert provision["now"] == {"article": 53, "since": "2026-01-01", "wording": "unchanged"}
    assert cybersecurity["amendments"][0]["adopted"] == "2025-10-28"


@pytest.mark.parametrize(
    ("span", "message"),
    [
        ("{first: 70, last: 90, by: 2, wording: unchanged}", "cybersecurity-law: articles 70 to 90: the quoted text has articles 1 to 79"),
        ("{first: 10, last: 12, by: 1, wording: unchanged}", "cybersecurity-law: articles 10 to 12 overlap another range"),
        ("{first: 60, last: 60, by: 2, wording: changed}", "cybersecurity-law: say what changed in their words"),
    ],
)
def test_a_wrong_renumbering_names_its_line(tmp_path: Path, span: str, message: str) -> None:
    project = copy_project(tmp_path)
    laws = project / "annotations" / "laws.yml"
    text = laws.read_text(encoding="utf-8")
    anchor = "            change: {zh: 修改重新规定了本条, en: the amendment rewrote it}\n"  # the last range
    assert anchor in text
    laws.write_text(text.replace(anchor, anchor + f"          - {span}\n", 1), encoding="utf-8")
    line = text[: text.index(anchor)].count("\n") + 2
    result = run_cli("check", cwd=project)
    assert result.returncode == 1 and f"annotations/laws.yml:{line}: {message}" in result.stderr
