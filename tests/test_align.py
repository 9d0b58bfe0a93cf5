"""The draft -> final alignment. VERIFIED was made by reading both texts: each final article's text beside
the draft article it is linked to, and each draft article left out against the whole final text."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.annotations.alignmentfile import load_alignment_corrections
from generator.compare.align import Alignment, Override, align
from generator.corpus.model import Document
from generator.corpus.parse import parse_lines
from generator.corpus.sources import Corpus
from generator.errors import InputError
from tests.conftest import ROOT

# final article -> the draft article it came from
VERIFIED = {
    1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 7, 7: 9, 8: 11, 9: 12, 10: 13, 11: 14, 12: 15, 13: 16, 14: 19, 15: 20,
    16: 21, 17: 22, 18: 23, 19: 24, 20: 25, 21: 26, 22: 27, 23: 18, 24: 29, 25: 30, 26: 31, 27: 32, 28: 33,
    29: 34, 30: 35, 31: 36, 32: 37, 33: 38, 34: 39, 35: 41, 36: 43, 37: 44, 38: 45, 39: 46, 40: 47, 41: 48,
    42: 49, 43: 52, 44: 54, 45: 56, 46: 57, 47: 58, 48: 59, 49: 60, 50: 61, 51: 17, 52: 63, 53: 64, 54: 65,
    55: 66, 56: 67, 57: 68, 58: 69, 59: 70, 60: 71, 61: 72,
}  # fmt: skip
DELETED = [6, 8, 10, 28, 40, 42, 50, 51, 53, 55, 62]
IDENTICAL = {10, 20, 21}  # final articles whose wording is the draft's, letter for letter
MOVED = {23: 18, 51: 17}  # 18 moved to the end of chapter 3; 17 from chapter 3 (产业化) to chapter 7 (保障措施)


@pytest.fixture(scope="module")
def alignment(corpus: Corpus) -> Alignment:
    return align(corpus.document("draft"), corpus.document("final"))


def test_every_final_article_comes_from_the_verified_draft_article(alignment: Alignment) -> None:
    found = {link.final[0]: link.draft[0] for link in alignment.links if link.final}
    assert found == VERIFIED


def test_deleted_draft_articles(alignment: Alignment) -> None:
    assert [link.draft[0] for link in alignment.links if link.relation == "deleted"] == DELETED
    assert all(link.final == () for link in alignment.links if link.relation == "deleted")


def test_relations(alignment: Alignment) -> None:
    relations = {link.final[0]: link.relation for link in alignment.links if link.final}
    assert {f for f, r in relations.items() if r == "identical"} == IDENTICAL
    assert {f for f, r in relations.items() if r == "moved"} == set(MOVED)
    assert all(r == "modified" for f, r in relations.items() if f not in IDENTICAL | set(MOVED))
    assert alignment.counts() == {"modified": 56, "identical": 3, "moved": 2, "deleted": 11}


def test_every_draft_article_lands_somewhere(alignment: Alignment) -> None:
    drafts = sorted(d for link in alignment.links for d in link.draft)
    assert drafts == list(range(1, 73))
    finals = sorted(f for link in alignment.links for f in link.final)
    assert finals == list(range(1, 62))


def test_paragraph_rows(alignment: Alignment) -> None:
    # Draft 14 had six paragraphs; final 11 keeps the first, the other five were dropped.
    rows = alignment.for_final(11).rows
    assert [(r.draft, r.final) for r in rows] == [(((14, 1),), ((11, 1),))] + [(((14, n),), ()) for n in range(2, 7)]
    # Draft 5's second and third paragraphs (市 and 县 departments) became final 5's second paragraph.
    assert [(r.draft, r.final) for r in alignment.for_final(5).rows][1] == (((5, 2), (5, 3)), ((5, 2),))
    # Draft 21's one paragraph was split into final 16's two.
    assert [(r.draft, r.final) for r in alignment.for_final(16).rows] == [(((21, 1),), ((16, 1), (16, 2)))]
    # Draft 70's one paragraph became final 59's two (its note says so): the second is not new, it is split off.
    assert [(r.draft, r.final) for r in alignment.for_final(59).rows] == [(((70, 1),), ((59, 1), (59, 2)))]
    # Draft 56's two paragraphs became final 45's one, and draft 65's first two final 54's first (their notes).
    assert [(r.draft, r.final) for r in alignment.for_final(45).rows] == [(((56, 1), (56, 2)), ((45, 1),))]
    assert next((r.draft, r.final) for r in alignment.for_final(54).rows) == (((65, 1), (65, 2)), ((54, 1),))


def doc(document_id: str, *articles: str) -> Document:
    return parse_lines([f"第{'一二三四五六七八九十'[n]}条 {text}" for n, text in enumerate(articles)], "test", document_id)


ALPHA = "市人民政府应当建设城市大脑平台，汇聚交通、医疗、教育等领域数据，提升城市运行效率。"
BETA = "市人民政府应当设立数字经济发展专项资金，支持重点项目和关键技术攻关。"
GAMMA = "任何单位和个人不得非法收集、使用、加工、传输他人个人信息，不得非法买卖、提供或者公开他人个人信息。"


def test_merged_articles_are_found() -> None:
    draft = doc("draft", ALPHA, BETA, GAMMA)
    final = doc("final", ALPHA + BETA, GAMMA)
    links = align(draft, final).links
    assert [(link.final, link.draft, link.relation) for link in links] == [((1,), (1, 2), "merged"), ((2,), (3,), "identical")]


def test_split_articles_are_found() -> None:
    draft = doc("draft", ALPHA + BETA, GAMMA)
    final = doc("final", ALPHA, BETA, GAMMA)
    links = align(draft, final).links
    assert [(link.final, link.draft, link.relation) for link in links] == [((1, 2), (1,), "split"), ((3,), (2,), "identical")]


def test_new_and_deleted_articles() -> None:
    draft = doc("draft", ALPHA, GAMMA)
    final = doc("final", BETA, GAMMA)
    links = align(draft, final).links
    assert [(link.final, link.draft, link.relation) for link in links] == [
        ((1,), (), "new"),
        ((2,), (2,), "identical"),
        ((), (1,), "deleted"),
    ]


def test_an_override_wins_and_is_marked_curated(corpus: Corpus) -> None:
    overrides = [Override((36,), (42, 43), "merged")]
    alignment = align(corpus.document("draft"), corpus.document("final"), overrides)
    link = alignment.for_final(36)
    assert (link.draft, link.relation, link.curated) == ((42, 43), "merged", True)
    assert 42 not in [d for other in alignment.links if other is not link for d in other.draft]


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("  - {after: [99], before: [1], why: {zh: 理由, en: why}}", "links.0.after: there is no final article 99"),
        (
            "  - {after: [1], before: [1, 2], relation: split, why: {zh: 理由, en: why}}",
            "links.0: relation 'split' does not fit 1 final and 2 draft",
        ),
        ("  - {after: [1], before: [1], relation: renamed, why: {zh: 理由, en: why}}", "links.0.relation: Input should be"),
        ("  - {after: [1], before: [1]}", "links.0.why: Field required"),
    ],
)
def test_bad_overrides_name_file_and_line(corpus: Corpus, tmp_path: Path, entry: str, message: str) -> None:
    (tmp_path / "annotations").mkdir()
    (tmp_path / "annotations" / "alignment.yml").write_text(f"# comment\nlinks:\n{entry}\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_alignment_corrections(tmp_path, corpus.document("draft"), corpus.document("final"))
    assert f"alignment.yml:3: {message}" in str(caught.value)


def test_a_clause_from_another_draft_article_is_found_and_shown() -> None:
    """Clause-level similarity suggests two moves; the editors confirmed final 37(1)'s trusted-identity clause
    (from draft 45(2)) in alignment.yml and not final 44(1) (which shares only a sentence frame with draft 55(1))."""
    from generator.build import run_pipeline
    from generator.compare.align import moved_clauses
    from generator.exports.export import corpus_json
    from generator.render import pages
    from generator.render.site import Site

    pipeline = run_pipeline(ROOT)
    moves = moved_clauses(pipeline.corpus.document("draft"), pipeline.corpus.document("final"), pipeline.alignment)
    assert [(m.final, m.draft) for m in moves] == [("final/37/1", "draft/45/2"), ("final/44/1", "draft/55/1")]
    assert [(s.final, s.draft) for s in pipeline.annotations.second_sources] == [("final/37/1", "draft/45/2")]
    site = Site(pipeline.corpus, pipeline.alignment, pipeline.annotations)
    page = pages.final_article(site, pipeline.corpus.document("final").article(37), "zh")
    assert '另有文字来自 <a href="../../draft/45/#p2">征求意见稿第四十五条第二款</a>' in page
    assert '<a href="../../articles/37/#p1">第三十七条第一款</a>' in pages.plain_article(
        site, "draft", pipeline.corpus.document("draft").article(45), "zh"
    )
    link = next(
        entry for entry in corpus_json(pipeline.corpus, pipeline.alignment, pipeline.annotations)["alignment"] if entry["final"] == [37]
    )
    assert link["clauses_from_other_articles"][0]["draft"] == "draft/45/2"


def test_a_second_source_must_name_real_paragraphs_and_words(tmp_path: Path) -> None:
    from tests.conftest import copy_project, run_cli

    project = copy_project(tmp_path)
    path = project / "annotations" / "alignment.yml"
    text = path.read_text(encoding="utf-8").replace("words: 依托国家、省、市", "words: 依托国家、省、县")
    path.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), start=1) if row.strip().startswith("words:"))
    result = run_cli("--root", str(project), "check")
    assert result.returncode == 1 and f"alignment.yml:{line}: clauses.0.words: final/37/1 does not say" in result.stderr
