"""Layouts beyond the seeds: tables of contents, sections (节), no chapters, more than 99 articles,
Traditional Chinese. Small texts written here for the purpose; real laws are in tests/fixtures/laws/."""

from __future__ import annotations

from pathlib import Path

from generator.cli import document_json
from generator.corpus.numerals import to_numeral
from generator.corpus.parse import parse_file

WITH_CONTENTS = """# 中华人民共和国示例法

2020年1月1日第十三届全国人民代表大会常务委员会第十五次会议通过

<!-- INFO END -->

目录

第一章 总则
第二章 数据
第一节 一般规定
第二节 特别规定
第三章 附则

## 第一章 总则

第一条 为了示例，制定本法。

第二条 本法适用于：

（一）第一种情形；

（二）第二种情形。

## 第二章 数据

### 第一节 一般规定

第三条 国家保护数据。

国家鼓励数据开发利用。

### 第二节 特别规定

第四条 特别规定。

## 第三章 附则

第五条 本法自2021年1月1日起施行。
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "law.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_table_of_contents_is_front_matter_and_sections_nest(tmp_path: Path) -> None:
    document = parse_file(write(tmp_path, WITH_CONTENTS), "example")
    assert document.title == "中华人民共和国示例法"
    assert [line.kind for line in document.front_matter] == ["title", "metadata", "metadata", *["toc"] * 6]
    assert [chapter.title for chapter in document.chapters] == ["总则", "数据", "附则"]
    data = document.chapters[1]
    assert [section.title for section in data.sections] == ["一般规定", "特别规定"]
    assert [[a.number for a in section.articles] for section in data.sections] == [[3], [4]]
    assert data.articles == ()
    assert [len(p.items) for p in document.article(2).paragraphs] == [2]
    assert len(document.article(3).paragraphs) == 2


def test_parse_json_nests_sections_inside_chapters(tmp_path: Path) -> None:
    shown = document_json(parse_file(write(tmp_path, WITH_CONTENTS), "example"))
    chapter = shown["chapters"][1]
    assert chapter["articles"] == []
    assert [s["title"] for s in chapter["sections"]] == ["一般规定", "特别规定"]
    assert chapter["sections"][0]["articles"][0]["id"] == "example/3"
    assert "sections" not in shown["chapters"][0]


def test_no_chapters(tmp_path: Path) -> None:
    text = "全国人民代表大会常务委员会关于示例的决定\n\n第一条 示例。\n第二条 本决定自公布之日起施行。\n"
    document = parse_file(write(tmp_path, text))
    assert document.chapters == ()
    assert [a.number for a in document.articles] == [1, 2]
    assert "chapters" not in document_json(document)
    assert [a["id"] for a in document_json(document)["articles"]] == ["doc/1", "doc/2"]


def test_more_than_99_articles_in_full_width_spaced_layout(tmp_path: Path) -> None:
    articles = "\n".join(f"第{to_numeral(n)}条　第{n}条的内容。" for n in range(1, 251))
    document = parse_file(write(tmp_path, f"某省示例条例\n\n第一章　总　则\n\n{articles}\n"))
    assert [a.number for a in document.articles] == list(range(1, 251))
    assert document.article(101).paragraphs[0].text == "第101条的内容。"
    assert document.article(110).span.line == 114
    assert document.chapters[0].title == "总则"


def test_traditional_chinese_parses_natively(tmp_path: Path) -> None:
    text = "示例條例\n\n第一章 總 則\n\n第一節 通則\n\n第一條 為了示例,制定本條例。\n第二條 本條例自公布之日起施行。\n"
    document = parse_file(write(tmp_path, text))
    assert document.title == "示例條例"
    assert document.chapters[0].title == "總則"
    assert document.chapters[0].sections[0].title == "通則"
    assert document.article(1).paragraphs[0].text == "為了示例，制定本條例。"


def test_lawrefbook_article_headings_with_text_below(tmp_path: Path) -> None:
    text = (
        "# 某市示例条例\n\n<!-- INFO END -->\n\n#### 第一章 总则\n\n###### 第一条\n\n第一款。\n\n第二款：\n\n（一）项一；\n\n（二）项二。\n"
    )
    document = parse_file(write(tmp_path, text))
    article = document.article(1)
    assert [p.text for p in article.paragraphs] == ["第一款。", "第二款："]
    assert [i.text for i in article.paragraphs[1].items] == ["项一；", "项二。"]


def test_a_line_of_invisible_characters_is_layout_and_recorded(tmp_path: Path) -> None:
    """The 2023 Administrative Reconsideration Law has a line holding only U+200B under a chapter heading."""
    path = tmp_path / "law.md"
    path.write_text("# 某法\n\n## 第一章 总则\n\n\u200b\n第一条 为了测试，制定本法。\n\n第二条 本法自公布之日起施行。\n", encoding="utf-8")
    document = parse_file(path)
    assert [article.number for article in document.articles] == [1, 2]
    assert document.layout_lines == (5,)
    assert document.articles[0].paragraphs[0].text == "为了测试，制定本法。"
