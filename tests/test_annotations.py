"""Editors' annotation files: every mistake gives a message naming the file and line, and the checks that keep
translations true (structure, fingerprints, numbers, glossary, identical Chinese -> identical English)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from generator import yamlfile
from generator.annotations.annotate import Annotations, load_annotations
from generator.annotations.glossary import GlossaryTerm
from generator.annotations.stubs import stub_article
from generator.annotations.terms import term_pattern
from generator.annotations.translations import Unit, fingerprint
from generator.corpus.sources import Corpus
from generator.errors import InputError
from generator.rules.checks import glossary_used, identical_chinese_identical_english, numbers_kept
from tests.conftest import ROOT, run_cli

GLOSSARY = """terms:
  - zh: 数字经济
    en: digital economy
    definition: {zh: 以数据为关键要素的经济形态。, en: An economy in which data is a key factor.}
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The project's sources with an annotations folder holding only what a test writes."""
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    (tmp_path / "annotations" / "final").mkdir(parents=True)
    (tmp_path / "annotations" / "glossary.yml").write_text(GLOSSARY, encoding="utf-8")
    return tmp_path


def documents(corpus: Corpus) -> dict[str, object]:
    return {entry.id: corpus.document(entry.id) for entry in corpus.catalogue.documents}


def load(project: Path, corpus: Corpus) -> Annotations:
    return load_annotations(project, documents(corpus))  # type: ignore[arg-type]


def problems(project: Path, corpus: Corpus) -> str:
    with pytest.raises(InputError) as caught:
        load(project, corpus)
    return str(caught.value)


def write(project: Path, name: str, text: str | bytes) -> Path:
    path = project / "annotations" / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def article_2(
    corpus: Corpus, english: str = "These Regulations apply to activities to promote the development of the digital economy."
) -> str:
    article = corpus.document("final").article(2)
    return stub_article(article, {article.paragraphs[0].text: english})


def test_a_good_translation_loads(project: Path, corpus: Corpus) -> None:
    write(project, "final/2.yml", article_2(corpus))
    annotations = load(project, corpus)
    assert (
        annotations.english(
            "final/2/1",
        )
        == "These Regulations apply to activities to promote the development of the digital economy."
    )
    assert annotations.units["final/2/1"].file == "annotations/final/2.yml"
    assert annotations.units["final/2/1"].line == 7  # the line of its `en:`
    assert annotations.coverage("final")[0] == 1


def test_stale_fingerprint(project: Path, corpus: Corpus) -> None:
    write(
        project, "final/2.yml", article_2(corpus).replace(fingerprint(corpus.document("final").article(2).paragraphs[0].text), "00000000")
    )
    assert "annotations/final/2.yml:6: final/2/1: the Chinese changed since this was translated (fingerprint 00000000, now" in problems(
        project, corpus
    )


def test_structure_must_mirror_the_text(project: Path, corpus: Corpus) -> None:
    write(project, "final/5.yml", 'translation:\n  paragraphs:\n    - zh: "12345678"\n      en: One paragraph only.\n')
    assert "annotations/final/5.yml:3: final/5 paragraphs: the translation has 1, the text has 2" in problems(project, corpus)


def test_unknown_article(project: Path, corpus: Corpus) -> None:
    write(project, "final/99.yml", "translation: null\n")
    assert "annotations/final/99.yml:1: no final article matches this file name" in problems(project, corpus)


def test_yaml_syntax_unknown_key_and_encoding(project: Path, corpus: Corpus) -> None:
    write(project, "final/2.yml", "translation:\n  paragraphs: [\n")
    write(project, "final/3.yml", "translation:\n  paragrafs: []\n")
    write(project, "final/4.yml", "translation:\n  paragraphs: []\n  # 中文注释\n".encode("gbk"))
    message = problems(project, corpus)
    assert "annotations/final/2.yml:3: YAML syntax" in message
    assert "annotations/final/3.yml:2: translation.paragrafs: Extra inputs are not permitted" in message
    assert "annotations/final/4.yml:3: not UTF-8 text" in message


def test_duplicate_glossary_term(project: Path, corpus: Corpus) -> None:
    write(project, "glossary.yml", GLOSSARY + GLOSSARY.split("\n", 1)[1])
    assert "annotations/glossary.yml:5: 数字经济 is already a term (line 2)" in problems(project, corpus)


def test_cli_check_exits_1_with_every_message(project: Path) -> None:
    shutil.copytree(ROOT / "generator", project / "generator")
    write(project, "final/99.yml", "translation: null\n")
    write(project, "final/3.yml", "translation:\n  paragrafs: []\n")
    result = run_cli("--root", str(project), "check", cwd=project)
    assert result.returncode == 1
    assert "no final article matches this file name" in result.stderr and "translation.paragrafs" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unquoted_fingerprint_gets_a_hint(project: Path, corpus: Corpus) -> None:
    write(project, "final/5.yml", "translation:\n  paragraphs:\n    - zh: 12345678\n      en: x\n")
    assert "hint: YAML reads this unquoted value as a number: put it in double quotes" in problems(project, corpus)


def unit(unit_id: str, zh: str, en: str, exempt: tuple[str, ...] = ()) -> Unit:
    return Unit(unit_id, zh, en, "annotations/final/1.yml", 7, exempt)


TERM = GlossaryTerm(zh="数据要素", en="data factor", definition={"zh": "数据作为生产要素。", "en": "Data as a factor of production."})  # type: ignore[arg-type]


def test_glossary_rendering_is_required() -> None:
    assert glossary_used([unit("final/1/1", "培育数据要素市场。", "Cultivate data factor markets.")], [TERM]) == []
    [problem] = glossary_used([unit("final/1/1", "培育数据要素市场。", "Cultivate data element markets.")], [TERM])
    assert str(problem).startswith("annotations/final/1.yml:7: final/1/1: the Chinese has 数据要素; the English should say 'data factor'")
    assert glossary_used([unit("final/1/1", "培育数据要素市场。", "Cultivate markets for data.", ("数据要素",))], [TERM]) == []


def test_term_patterns_allow_plural_and_capitals() -> None:
    assert term_pattern("people's government").search("the Municipal People's Governments shall")
    assert term_pattern("county (county-level city, district)").search("counties (county-level cities, districts)")
    found = term_pattern("county (county-level city, district)").search("the counties (county-level cities, districts) shall")
    assert found is not None and found.group() == "counties (county-level cities, districts)"  # marked to its ")"
    assert not term_pattern("commerce").search("commercial")


def test_numbers_and_dates_are_kept() -> None:
    good = unit("final/61/1", "本条例自2023年12月31日起施行。", "These Regulations shall take effect on December 31, 2023.")
    assert numbers_kept([good]) == []
    bad = unit(
        "final/61/1",
        "本条例自2023年12月31日起施行，依照第十二条。",
        "These Regulations shall take effect on December 30, 2023, under Article 21.",
    )
    [problem] = numbers_kept([bad])
    assert "lacks 2023年12月31日, 第十二条 (Article 12)" in str(problem)
    assert numbers_kept([unit("x/1/1", "支持5G网络。", "Support 5G networks.")]) == []
    assert numbers_kept([unit("x/1/1", "支持5G网络。", "Support fifth-generation networks.")]) != []


def test_identical_chinese_needs_identical_english() -> None:
    same = [unit("final/2/1", "同样的文字。", "The same words."), unit("draft/2/1", "同样的文字。", "Identical words.")]
    [problem] = identical_chinese_identical_english(same)
    assert "draft/2/1: the same Chinese as final/2/1 (annotations/final/1.yml:7) is translated differently" in str(problem)
    assert identical_chinese_identical_english(same[:1] * 2) == []


def test_check_only_reports_the_files_asked_about(project: Path, corpus: Corpus) -> None:
    """Several editors (or translators) at work at once: each checks their own files."""
    write(project, "final/2.yml", article_2(corpus))
    write(project, "final/3.yml", "translation:\n  paragrafs: []\n")
    mine = run_cli("--root", str(project), "check", "--only", "annotations/final/2.yml")
    assert mine.returncode == 0, mine.stderr
    assert "1 translated units in annotations/final/2.yml: no problems" in mine.stdout
    theirs = run_cli("--root", str(project), "check", "--only", "annotations/final/3.yml")
    assert theirs.returncode == 1 and "translation.paragrafs" in theirs.stderr and "final/2.yml" not in theirs.stderr


def test_a_term_without_definition_fails_check_not_the_build(project: Path, corpus: Corpus) -> None:
    write(project, "glossary.yml", "terms:\n  - zh: 数据要素\n    en: data factor\n")
    assert len(load(project, corpus).glossary) == 1
    result = run_cli("--root", str(project), "check", "--only", "annotations/glossary.yml")
    assert result.returncode == 1 and "annotations/glossary.yml:2: 数据要素 has no definition" in result.stderr


def test_stub_fills_in_english_for_identical_chinese(project: Path, corpus: Corpus) -> None:
    """Final article 10 is draft article 13 word for word: the stub of draft 13 takes the English of final 10."""
    final_10 = corpus.document("final").article(10)
    write(project, "final/10.yml", stub_article(final_10, {final_10.paragraphs[0].text: "The same English."}))
    result = run_cli("--root", str(project), "stub", "draft", "--only", "13")
    assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in (project / "annotations" / "draft").iterdir()) == ["13.yml"]
    assert "en: >-\n        The same English." in (project / "annotations" / "draft" / "13.yml").read_text(encoding="utf-8")
    write(project, "draft/13.yml", (project / "annotations" / "draft" / "13.yml").read_text(encoding="utf-8").replace("The same", "Edited"))
    run_cli("--root", str(project), "stub", "draft", "--only", "13")
    assert "Edited English." in (project / "annotations" / "draft" / "13.yml").read_text(encoding="utf-8")  # left alone


def test_a_term_inside_a_longer_term_is_not_that_term() -> None:
    """民政 (civil affairs) inside 人民政府 (people's government) needs no "civil affairs"; an exemption for it
    is flagged as not needed, and so is one whose rendering is used after all."""
    civil = GlossaryTerm(zh="民政", en="civil affairs", definition={"zh": "民政工作。", "en": "Civil affairs work."})  # type: ignore[arg-type]
    government = GlossaryTerm(zh="人民政府", en="people's government", definition={"zh": "政府。", "en": "Government."})  # type: ignore[arg-type]
    glossary = [civil, government]
    plain = unit("final/5/1", "市人民政府负责。", "The Municipal People's Government is responsible.")
    assert glossary_used([plain], glossary) == []
    exempt = unit("final/5/2", "市人民政府负责。", "The Municipal People's Government is responsible.", ("民政",))
    assert "the exemption for 民政 is not needed: the unit has 民政 only inside a longer term" in str(glossary_used([exempt], glossary)[0])
    both = unit("final/5/3", "市人民政府民政部门负责。", "The civil affairs department of the people's government.", ("民政",))
    assert "uses its rendering anyway" in str(glossary_used([both], glossary)[0])
    missing = unit("final/5/4", "市人民政府民政部门负责。", "The department of the people's government is responsible.")
    assert "the English should say 'civil affairs'" in str(glossary_used([missing], glossary)[0])


def _locations(value: object, location: tuple[int | str, ...] = ()) -> Iterator[tuple[int | str, ...]]:
    yield location
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        yield from _locations(item, (*location, key))


@pytest.mark.skipif(yamlfile.FastLoader is yaml.SafeLoader, reason="PyYAML was built without libyaml")
def test_libyaml_reads_every_file_as_the_python_loader_does() -> None:
    """The build reads with libyaml for speed; error lines must not move, so both must agree value by value."""
    files = sorted((ROOT / "annotations").rglob("*.yml")) + sorted((ROOT / "sources").rglob("*.yml"))
    assert len(files) > 200
    for path in files:
        text = path.read_text(encoding="utf-8-sig")
        fast = yamlfile._load(path, text, yamlfile.FastLoader)
        slow = yamlfile._load(path, text, yamlfile.ClearLoader)
        assert fast.data == slow.data, path
        for location in _locations(slow.data):
            assert fast.locate(location) == slow.locate(location), (path, location)
            assert fast.cut_by_comment(location) == slow.cut_by_comment(location), (path, location)


def test_a_syntax_error_is_reported_in_the_python_loaders_words(tmp_path: Path) -> None:
    path = tmp_path / "10.yml"
    path.write_text("notes:\n  - id: a\n    zh: 一\n     en: b\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        yamlfile.load_yaml(path)
    assert [(p.line, p.message) for p in raised.value.problems] == [(4, "YAML syntax: mapping values are not allowed here")]


def test_a_caption_is_an_editorial_heading_of_an_unnamed_article(project: Path, corpus: Corpus) -> None:
    write(project, "final/2.yml", 'caption:\n  zh: "适用范围"\n  en: "Scope of application"\n')
    assert load(project, corpus).caption("final/2", "en") == "Scope of application"
    write(project, "final/2.yml", 'caption:\n  zh: "适用范围。"\n  en: "Scope of application"\n')
    assert "annotations/final/2.yml:2: final/2: the caption '适用范围。' is not a bare heading" in problems(project, corpus)
    write(project, "final/2.yml", 'caption:\n  zh: "适用范围"\n')
    assert "annotations/final/2.yml:2: caption.en: Field required" in problems(project, corpus)
    (project / "annotations" / "heilongjiang").mkdir()
    write(project, "heilongjiang/3.yml", '# a comment\ncaption:\n  zh: "原则"\n  en: "Principles"\n')
    message = problems(project, corpus)
    assert "annotations/heilongjiang/3.yml:3: heilongjiang/3 has its own 【title】 in the text" in message
