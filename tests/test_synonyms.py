"""Synonyms and concepts (annotations/synonyms.yml, generator/annotations/synonyms.py): checked with file and line, applied
when indexing, and explained in the results (tests/test_search.py has the browser's side)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.annotations.annotate import load_annotations
from generator.annotations.synonyms import holds
from generator.corpus.sources import Corpus
from generator.errors import InputError
from tests.conftest import ROOT

GOOD = """synonyms:
  - zh: [施行, 生效]
    en: [come into force, take effect]
concepts:
  - name: {zh: 容错纠错, en: fault tolerance and error correction}
    targets: [final/59/2]
    why: {zh: 黑龙江省征求意见稿第十条这样称呼, en: the Heilongjiang draft calls it so}
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The project's sources and annotations, to break one file of."""
    shutil.copytree(ROOT / "sources", tmp_path / "sources")
    shutil.copytree(ROOT / "annotations", tmp_path / "annotations")
    return tmp_path


def problems(project: Path, corpus: Corpus, text: str) -> str:
    (project / "annotations" / "synonyms.yml").write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_annotations(project, {entry.id: corpus.document(entry.id) for entry in corpus.catalogue.documents})
    return str(caught.value)


def test_a_good_file_loads_and_applies(project: Path, corpus: Corpus) -> None:
    (project / "annotations" / "synonyms.yml").write_text(GOOD, encoding="utf-8")
    vocabulary = load_annotations(project, {entry.id: corpus.document(entry.id) for entry in corpus.catalogue.documents}).vocabulary
    assert vocabulary.expand("本条例自2023年12月31日起施行。", "zh") == ["生效"]
    assert vocabulary.expand("These Regulations shall come into force on December 31, 2023.", "en") == ["take effect"]
    assert vocabulary.names_of("final", 59, "p2", "en") == ["fault tolerance and error correction"]
    assert vocabulary.names_of("final", 59, "p1", "en") == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "synonyms:\n  - zh: [施行]\n    en: [take effect, comes to life]\n",
            "annotations/synonyms.yml:3: synonyms.0.en: none of take effect, comes to life occurs in the texts",
        ),
        (
            "synonyms:\n  - zh: [施行, 生效]\n    en: [come into force]\n  - zh: [生效]\n    en: [come into force]\n",
            "annotations/synonyms.yml:4: '生效' is already listed on line 2",
        ),
        ("synonyms:\n  - zh: [施行]\n", "annotations/synonyms.yml:2: synonyms.0.en: Field required"),
        (
            "synonyms:\n  - zh: []\n    en: [come into force]\n",
            "annotations/synonyms.yml:2: synonyms.0.zh: List should have at least 1 item",
        ),
        (
            GOOD.replace("final/59/2", "final/59/7"),
            "annotations/synonyms.yml:6: concepts.0.targets.0: final/59 has no paragraph 7 (it has 2)",
        ),
        (
            GOOD.replace("    why: {zh: 黑龙江省征求意见稿第十条这样称呼, en: the Heilongjiang draft calls it so}\n", ""),
            "annotations/synonyms.yml:5: concepts.0.why: Field required",
        ),
    ],
    ids=["occurs nowhere", "listed twice", "a language missing", "an empty language", "no such target", "no source"],
)
def test_each_mistake_is_named_with_its_line(project: Path, corpus: Corpus, text: str, message: str) -> None:
    assert message in problems(project, corpus, text)


def test_latin_expressions_are_whole_words() -> None:
    assert holds("apply AI to manufacturing", "AI") and not holds("maintain the systems", "AI")
    assert holds("数字经济", "经济") and holds("The Internet of Things", "internet of things")


def test_concepts_and_synonyms_are_indexed_with_what_they_name(corpus: Corpus) -> None:
    """A concept naming a whole article or one paragraph, and a synonym of a word a line holds, stand in the
    page's hidden search words: pairs of characters on Chinese pages, words on English ones."""
    from dataclasses import replace

    from generator.annotations.synonyms import PlacedConcept
    from generator.build import run_pipeline
    from generator.render.pages import final_article
    from generator.render.searchtext import grams
    from generator.render.site import Site
    from generator.strict import BilingualName

    pipeline = run_pipeline(ROOT)
    site = Site(pipeline.corpus, pipeline.alignment, pipeline.annotations)
    whole = PlacedConcept(BilingualName(zh="测试概念", en="test concept"), (site.resolve("final/12"),))
    vocabulary = replace(pipeline.annotations.vocabulary, concepts=(*pipeline.annotations.vocabulary.concepts, whole))
    site = Site(pipeline.corpus, pipeline.alignment, replace(pipeline.annotations, vocabulary=vocabulary))
    final = pipeline.corpus.document("final")
    assert " ".join(grams("测试概念")) in final_article(site, final.article(12), "zh")
    assert "test concept" in final_article(site, final.article(12), "en")
    assert '<span id="grams-p2">' in final_article(site, final.article(59), "zh")
    assert " ".join(grams("容错纠错")) in final_article(site, final.article(59), "zh").split('<span id="grams-p2">')[1].split("</span>")[0]
    assert " ".join(grams("生效")) in final_article(site, final.article(61), "zh")  # 施行 -> 生效
    assert "take effect" in final_article(site, final.article(61), "en")
