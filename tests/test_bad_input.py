"""Bad input gives a message naming the file and line, exit 1 from the command line, never a traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.corpus.parse import parse_file
from generator.corpus.sources import load_corpus
from generator.errors import InputError, ParseError
from tests.conftest import ROOT, run_cli

GOOD = "# 某市测试条例\n\n第一章 总则\n\n第一条 为了测试，制定本条例。\n\n第二条 本条例自公布之日起施行。\n"


def write(tmp_path: Path, text: str | bytes, name: str = "law.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def problem_of(path: Path) -> str:
    with pytest.raises(ParseError) as caught:
        parse_file(path)
    return str(caught.value)


def test_a_good_file_parses(tmp_path: Path) -> None:
    assert len(parse_file(write(tmp_path, GOOD)).articles) == 2


def test_a_utf8_bom_is_fine(tmp_path: Path) -> None:
    assert len(parse_file(write(tmp_path, b"\xef\xbb\xbf" + GOOD.encode())).articles) == 2


def test_empty_file(tmp_path: Path) -> None:
    path = write(tmp_path, "\n  \n")
    assert problem_of(path) == f"{path}:1: the file is empty\n    hint: a source file holds the text of a regulation"


def test_gbk_bytes(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.encode("gbk"))
    message = problem_of(path)
    assert message.startswith(f"{path}:1: not UTF-8 text")
    assert "GBK" in message


def test_numbering_gap(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("第二条", "第四条"))
    assert problem_of(path).startswith(f"{path}:7: numbering gap: expected 第二条, found 第四条")


def test_numbering_repeat(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD + "\n第二条 重复。\n")
    assert problem_of(path).startswith(f"{path}:9: numbering repeat: expected 第三条, found 第二条")


def test_a_chapter_number_skipped_while_the_articles_run_on_is_a_warning(tmp_path: Path) -> None:
    """A heading lost in a published copy: the structure is kept as the source has it, and said."""
    path = write(tmp_path, GOOD + "\n第三章 附则\n\n第三条 附则。\n")
    document = parse_file(path)
    assert [chapter.number for chapter in document.chapters] == [1, 3]
    assert [str(w).split("\n")[0] for w in document.warnings] == [f"{path}:9: numbering gap: expected 第二章, found 第三章"]
    result = run_cli("parse", str(path))
    assert result.returncode == 0 and f"warning: {path}:9: numbering gap: expected 第二章, found 第三章" in result.stderr


def test_a_section_number_skipped_is_a_warning_and_an_article_number_an_error(tmp_path: Path) -> None:
    sections = (
        "# 某市测试条例\n\n第一章 总则\n\n第一节 一般规定\n\n第一条 为了测试，制定本条例。\n\n"
        "第三节 其他\n\n第二条 本条例自公布之日起施行。\n"
    )
    document = parse_file(write(tmp_path, sections))
    assert [section.number for section in document.chapters[0].sections] == [1, 3]
    assert "numbering gap: expected 第二节, found 第三节" in str(document.warnings[0])
    assert "numbering gap: expected 第二条, found 第三条" in problem_of(write(tmp_path, sections.replace("第二条", "第三条"), "bad.txt"))


def test_a_chapter_number_repeated_is_still_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD + "\n第一章 附则\n\n第三条 附则。\n")
    assert problem_of(path).startswith(f"{path}:9: numbering repeat: expected 第二章, found 第一章")


def test_text_before_the_first_article(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("第一章 总则\n", "第一章 总则\n\n这一段不属于任何一条。\n"))
    assert problem_of(path).startswith(f"{path}:5: text before the first article")


def test_no_articles(tmp_path: Path) -> None:
    path = write(tmp_path, "# 某市测试条例\n\n这只是一篇新闻。\n")
    assert problem_of(path).startswith(f"{path}:1: no articles")


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD + "\n第二条 重复。\n\n第五条 跳号。\n")
    with pytest.raises(ParseError) as caught:
        parse_file(path)
    assert [problem.line for problem in caught.value.problems] == [9, 11]


def test_a_line_starting_with_an_article_number_inside_a_sentence_is_text(tmp_path: Path) -> None:
    text = "第一条 违反本条例\n第十条规定的，依法处理。\n\n第二条 违反本条例\n\n第十条 规定的，依法处理。\n"
    document = parse_file(write(tmp_path, text))
    assert [a.paragraphs[0].text for a in document.articles] == ["违反本条例第十条规定的，依法处理。"] * 2


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "the file is empty"),
        ("第一条 测试。\n".encode("gbk"), "not UTF-8 text"),
        (GOOD.replace("第二条", "第四条").encode(), "numbering gap"),
        ("前言\n".encode(), "no articles"),
    ],
)
def test_cli_parse_reports_and_exits_1(tmp_path: Path, content: bytes, expected: str) -> None:
    path = write(tmp_path, content)
    result = run_cli("parse", str(path))
    assert result.returncode == 1
    assert result.stdout == ""
    assert f"{path}:" in result.stderr and expected in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_parse_missing_file(tmp_path: Path) -> None:
    result = run_cli("parse", str(tmp_path / "nothing.txt"))
    assert result.returncode == 1 and "No such file" in result.stderr and "Traceback" not in result.stderr


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project's sources to break."""
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    return tmp_path


def break_catalogue(project: Path, old: str, new: str) -> None:
    catalogue = project / "sources" / "sources.yml"
    text = catalogue.read_text(encoding="utf-8")
    assert old in text
    catalogue.write_text(text.replace(old, new, 1), encoding="utf-8")


def catalogue_line(project: Path, fragment: str) -> int:
    lines = (project / "sources" / "sources.yml").read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if fragment in line)


def test_an_edited_source_file_is_caught(project: Path) -> None:
    source = next((project / "sources").glob("000_*.txt"))
    source.write_text(source.read_text(encoding="utf-8").replace("总 则", "总则"), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_corpus(project)
    line = catalogue_line(project, "sha256: 3f11e8a6")
    assert str(caught.value).startswith(f"{project / 'sources' / 'sources.yml'}:{line}: sources/000_")


def test_an_unknown_key_names_its_line(project: Path) -> None:
    break_catalogue(project, "    script: Hant\n", "    script: Hant\n    scirpt: Hant\n")
    result = run_cli("--root", str(project), "check")
    line = catalogue_line(project, "scirpt")
    assert result.returncode == 1
    assert f"sources.yml:{line}: witnesses.1.scirpt: Extra inputs are not permitted" in result.stderr


def test_yaml_syntax_error_names_its_line(project: Path) -> None:
    break_catalogue(project, '    printed: "003"\n', '    printed: ["003"\n')
    result = run_cli("--root", str(project), "check")
    assert result.returncode == 1 and "YAML syntax" in result.stderr and "Traceback" not in result.stderr


def test_a_wrong_expected_count_is_an_error(project: Path) -> None:
    break_catalogue(project, "expect: {chapters: 9, articles: 72}", "expect: {chapters: 9, articles: 73}")
    result = run_cli("--root", str(project), "check")
    assert result.returncode == 1
    line = catalogue_line(project, "articles: 73")
    expected = f"sources.yml:{line}: sources/003_9dcf3e877a92f983.txt parses to 9 chapters and 72 articles; draft expects 9 and 73"
    assert expected in result.stderr


def test_a_misquoted_date_is_an_error(project: Path) -> None:
    break_catalogue(project, "date: 2023-06-21, line: 5", "date: 2023-06-22, line: 5")
    result = run_cli("--root", str(project), "check")
    assert result.returncode == 1 and "'2023年6月21日' does not state 2023-06-22" in result.stderr


def test_a_fact_about_a_text_must_be_on_the_line_it_cites(project: Path) -> None:
    break_catalogue(project, "        line: 379\n", "        line: 378\n")
    result = run_cli("--root", str(project), "check")
    line = catalogue_line(project, "line: 378") + 1
    assert result.returncode == 1
    expected = f"sources.yml:{line}: line 378 of sources/000_fdc894b68dc21d9f.txt does not say '本条例自2023年12月31日起施行。'"
    assert expected in result.stderr


def test_a_fact_needs_a_source_line_or_the_editors_reading(project: Path) -> None:
    break_catalogue(project, "        reading:\n          zh: 本站只据", "        readings:\n          zh: 本站只据")
    result = run_cli("--root", str(project), "check")
    assert result.returncode == 1 and "documents.0.facts.4.readings: Extra inputs are not permitted" in result.stderr


# YAML that reads otherwise than it looks, and values no real text has: each one line, with its line number.
A49, CAT = "annotations/final/49.yml", "sources/sources.yml"
MISREAD = [
    (CAT, "date: 2023-10-26, line: 3", "date: 2023-13-45, line: 3", "sources.yml:{line}: '2023-13-45' is not a real date"),
    (A49, "date: 2026-12-01", "date: 2026-02-30", "49.yml:{line}: '2026-02-30' is not a real date (day is out of range"),
    (A49, "caption:\n", 'caption:\n  zh: "甲"\n  en: "A"\ncaption:\n', "49.yml:{line}: `caption:` is given twice (lines 3 and 6)"),
    (A49, "author: Editors", "author: no", "49.yml:{line}: notes.0.author: Input should be a valid string (received False)"),
    (A49, "author: Editors", "author: 2023-10-26", "YAML reads this unquoted value as a date: put it in double quotes"),
    (A49, "author: Editors", "author: Editors #1 and #2", "49.yml:{line}: notes.0.author: the text stops before '#1 and #2'"),
    (A49, 'en: "Data security protection"', 'en: "' + "protection " * 40 + 'x"', "49.yml:{line}: caption.en: 441 characters, more than"),
    (CAT, "zh: 石家庄市数字经济促进条例\n", "zh: " + "长" * 1_000_000 + "\n", "sources.yml:{line}: documents.0.title.zh: 1,000,000 char"),
]  # fmt: skip


@pytest.mark.parametrize(("file", "old", "new", "expected"), MISREAD, ids=[case[3][:40] for case in MISREAD])
def test_what_yaml_reads_otherwise_is_named_with_its_line(tmp_path: Path, file: str, old: str, new: str, expected: str) -> None:
    for folder in ("sources", "annotations"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    path = tmp_path / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 1 + (new.count("\n") - 1 if new.startswith("caption") else 0)
    result = run_cli("--root", str(tmp_path), "check")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert expected.format(line=line) in result.stderr


def copy_texts(destination: Path) -> Path:
    for folder in ("sources", "annotations"):
        shutil.copytree(ROOT / folder, destination / folder)
    return destination


def test_a_prefix_on_a_law_is_named(tmp_path: Path) -> None:
    """The slip that made the benchmark's copies 'laws' (issue 25): a law carries no prefix (only documents are paged)."""
    catalogue = copy_texts(tmp_path) / "sources" / "sources.yml"
    law_entry = "  - id: data-security-law\n"
    catalogue.write_text(
        catalogue.read_text(encoding="utf-8").replace(law_entry, law_entry + "    prefix: {zh: 法, en: 'Law '}\n", 1), encoding="utf-8"
    )
    result = run_cli("--root", str(tmp_path), "check")
    line = catalogue_line(tmp_path, "prefix: {zh: 法")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"sources.yml:{line}: data-security-law: a law listed under laws: has no pages of its own" in result.stderr


def test_a_law_no_page_shows_is_named(tmp_path: Path) -> None:
    """A text under laws: that annotations/laws.yml never quotes would be parsed, counted and shown nowhere."""
    laws = copy_texts(tmp_path) / "annotations" / "laws.yml"
    laws.write_text(laws.read_text(encoding="utf-8").replace("    source: personal-information-protection-law\n", ""), encoding="utf-8")
    result = run_cli("--root", str(tmp_path), "check")
    line = catalogue_line(tmp_path, "  - id: personal-information-protection-law")
    expected = f"sources.yml:{line}: personal-information-protection-law is listed under laws: but no law in annotations/laws.yml"
    assert result.returncode == 1 and "Traceback" not in result.stderr and expected in result.stderr
