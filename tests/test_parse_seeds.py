"""The five seed texts parse to the structure their files show (counts checked against SOURCES.md and by
reading the files)."""

from __future__ import annotations

import pytest

from generator.corpus.model import Document
from generator.corpus.sources import Corpus

EXPECTED = {  # witness: (document, chapters, articles)
    "000": ("final", 8, 61),
    "001": ("final", 8, 61),
    "002": ("final", 8, 61),
    "003": ("draft", 9, 72),
    "004": ("heilongjiang", 13, 84),
}


def shape(document: Document) -> list[list[int]]:
    """Per article, per paragraph, the number of items."""
    return [[len(paragraph.items) for paragraph in article.paragraphs] for article in document.articles]


@pytest.mark.parametrize("witness", sorted(EXPECTED))
def test_counts(corpus: Corpus, witness: str) -> None:
    document_id, chapters, articles = EXPECTED[witness]
    document = corpus.witnesses[witness]
    assert document.id == document_id
    assert len(document.chapters) == chapters
    assert [article.number for article in document.articles] == list(range(1, articles + 1))
    assert [chapter.number for chapter in document.chapters] == list(range(1, chapters + 1))


@pytest.mark.parametrize("witness", sorted(EXPECTED))
def test_numbering_and_ids_are_continuous(corpus: Corpus, witness: str) -> None:
    document = corpus.witnesses[witness]
    for article in document.articles:
        assert article.id == f"{document.id}/{article.number}"
        assert [p.number for p in article.paragraphs] == list(range(1, len(article.paragraphs) + 1))
        for paragraph in article.paragraphs:
            assert paragraph.id == f"{article.id}/{paragraph.number}"
            assert [i.number for i in paragraph.items] == list(range(1, len(paragraph.items) + 1))
            assert all(item.id == f"{paragraph.id}/{item.number}" for item in paragraph.items)
            assert paragraph.text and all(item.text for item in paragraph.items)


def test_final_article_59_has_two_paragraphs_the_second_with_five_items(corpus: Corpus) -> None:
    article = corpus.document("final").article(59)
    assert [len(p.items) for p in article.paragraphs] == [0, 5]
    assert article.paragraphs[1].text.endswith("对有关单位和个人不作负面评价：")
    assert article.paragraphs[1].items[0].text == "符合国家、省、市确定的改革方向；"
    assert article.paragraphs[1].items[4].text == "主动挽回损失、消除不良影响或者有效阻止危害结果发生。"


def test_draft_article_14_has_six_paragraphs(corpus: Corpus) -> None:
    article = corpus.document("draft").article(14)
    assert len(article.paragraphs) == 6
    assert article.paragraphs[5].text.startswith("市、县（市、区）人民政府水务等部门应当推进智慧水务建设")


def test_the_three_final_witnesses_agree_in_structure(corpus: Corpus) -> None:
    printed = shape(corpus.witnesses["000"])
    assert shape(corpus.witnesses["002"]) == printed
    # 001 runs paragraphs 2 and 3 of article 27 together on one line (a recorded variant); otherwise the same.
    news = shape(corpus.witnesses["001"])
    assert news[26] == [0, 0] and printed[26] == [0, 0, 0]
    assert news[:26] + news[27:] == printed[:26] + printed[27:]


def test_chapter_titles(corpus: Corpus) -> None:
    final = [chapter.title for chapter in corpus.document("final").chapters]
    assert final == [
        "总则",
        "数字基础设施建设",
        "数字产业化",
        "产业数字化",
        "数字化治理",
        "数据资源开发利用与数字经济安全",
        "保障措施",
        "附则",
    ]
    assert corpus.witnesses["001"].chapters[0].title == "總則"
    draft = [chapter.title for chapter in corpus.document("draft").chapters]
    assert draft[5:7] == ["数据资源开发利用", "数字经济安全"]


def test_article_titles_in_brackets(corpus: Corpus) -> None:
    heilongjiang = corpus.document("heilongjiang")
    assert heilongjiang.article(1).title == "立法目的"
    assert heilongjiang.article(13).title == "三同步"  # `第十三条 【三同步】`: a space before 【
    assert heilongjiang.article(21).title == "边境基础设施"  # `【**边境基础设施**】`
    assert heilongjiang.article(81).paragraphs[0].text.startswith("省人民政府")  # `【应急处置】 省人民政府`
    assert heilongjiang.article(84).title is None
    assert heilongjiang.article(84).paragraphs[0].text == "本条例自2023年X月X日期施行。"
    assert all(article.title is None for article in corpus.document("final").articles)


def test_items_in_heilongjiang_article_83(corpus: Corpus) -> None:
    article = corpus.document("heilongjiang").article(83)
    assert [len(p.items) for p in article.paragraphs] == [4]
    # The lead-in is broken inside 依法 across two lines in the source.
    assert "依法责令改正" in article.paragraphs[0].text


def test_front_matter_is_never_article_text(corpus: Corpus) -> None:
    draft = corpus.document("draft")
    assert draft.title == "石家庄市数字经济促进条例"
    assert draft.notes == ("(草案征求意见稿)",)
    kinds = [line.kind for line in draft.front_matter]
    assert kinds == ["preamble"] * 6 + ["title", "note"]
    news = corpus.witnesses["001"]
    assert [line.kind for line in news.front_matter] == ["preamble", "preamble", "preamble", "title", "note"]
    assert news.title == "石家莊市數字經濟促進條例"
    final = corpus.document("final")
    assert [line.kind for line in final.front_matter] == ["title", "metadata", "metadata", "metadata"]
    everything = "".join(p.text for a in draft.articles for p in a.paragraphs)
    assert "通讯地址" not in everything and "征求意见" not in everything


def test_pdf_repairs_rejoin_broken_words(corpus: Corpus) -> None:
    pdf = corpus.witnesses["002"]
    assert pdf.article(4).paragraphs[0].text == corpus.document("final").article(4).paragraphs[0].text
    assert pdf.article(61).paragraphs[0].text == "本条例自2023年12月31日起施行。"


def test_forced_paragraph_break_in_heilongjiang_25(corpus: Corpus) -> None:
    article = corpus.document("heilongjiang").article(25)
    assert len(article.paragraphs) == 3
    assert article.paragraphs[1].text.endswith("具有重要价值的数")
    assert article.paragraphs[2].text.startswith("鼓励使用公共数据")
