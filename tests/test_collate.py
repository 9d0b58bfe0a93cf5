"""Variant readings of the final text's witnesses. Each expected row was verified by reading the three files:
001 agrees with 000 at each of 002's six places, and 002 agrees with 000 at 001's one."""

from __future__ import annotations

from generator.corpus.collate import collate
from generator.corpus.model import Document
from generator.corpus.parse import parse_lines
from generator.corpus.sources import Corpus
from tests.conftest import run_cli

VERIFIED = [
    # witness, node, kind, printed (000), the witness's reading
    ("001", "final/27/3", "paragraphing", "享机制。¶市人民政", "享機制。市人民政"),  # 001 line 45: paragraphs 2 and 3 on one line
    ("002", "final/8/1", "wording", "无线宽带网络", "无线网络"),  # 002 line 33
    ("002", "final/18/1", "wording", "信息服务产品迭代", "信息服务业产品迭代"),  # 002 line 63
    ("002", "final/23/1", "punctuation", "业孵化器等科技创", "业孵化器、等科技创"),  # 002 line 75: an extra 、
    ("002", "final/27/3", "wording", "档案管理等工作机制", "档案管理工作机制"),  # 002 line 91
    ("002", "final/28/1", "wording", "交通管理", "交通管理部门"),  # 002 line 93: 公安机关交通管理部门
    ("002", "final/36/1", "wording", "资源管理等部门应当", "资源管理部门应当"),  # 002 line 123
]


def test_the_verified_variants_and_nothing_else(corpus: Corpus) -> None:
    found = [(v.witness, v.node, v.kind, v.printed, v.reading) for v in corpus.variants]
    assert found == VERIFIED


def test_script_punctuation_width_and_spacing_are_not_variants() -> None:
    printed = parse_lines(["第一条 市、县（市、区）人民政府应当促进数字经济发展。"], "a", "final")
    news = parse_lines(["第一條 市、縣 (市、區)人民政府應當促進數字經濟發展。"], "b", "final")
    assert collate(printed, "Hans", news, "001", "Hant") == []


def test_a_changed_word_is_one_variant_placed_on_its_item() -> None:
    lines = ["第一条 符合下列条件的：", "（一）符合方向；", "（二）勤勉尽责。"]
    printed: Document = parse_lines(lines, "a", "final")
    other = parse_lines([*lines[:2], "（二）勤勉负责。"], "b", "final")
    [variant] = collate(printed, "Hans", other, "009", "Hans")
    assert (variant.node, variant.paragraph, variant.item, variant.printed, variant.reading) == (
        "final/1/1/2",
        1,
        2,
        "勤勉尽责",
        "勤勉负责",
    )


def test_cli_variants_tsv() -> None:
    result = run_cli("variants", "--format", "tsv")
    assert result.returncode == 0, result.stderr
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert rows[0][:5] == ["witness", "article", "paragraph", "printed", "reading"]
    assert rows[1:] == [
        [w, node.split("/")[1], node.split("/")[2], printed, reading, node, kind] for w, node, kind, printed, reading in VERIFIED
    ]
