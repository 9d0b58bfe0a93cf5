"""jieba's dictionary, read quickly from jieba's own cache, is jieba's own dictionary."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.compare.words import JIEBA_CACHE, jieba, load_tokenizer  # jieba as imported there, its deprecation warning silenced
from generator.corpus.sources import Corpus


def test_the_quickly_read_dictionary_is_jiebas_own(tmp_path: Path, corpus: Corpus) -> None:
    """load_tokenizer reads jieba's cache itself (for speed): with no cache jieba builds one, and the cache read
    back gives the very dictionary, and the very words, that jieba's own loading gives."""
    built = load_tokenizer(str(tmp_path))  # no cache in an empty folder: jieba builds the dictionary and caches it
    assert (tmp_path / JIEBA_CACHE).is_file()
    read = load_tokenizer(str(tmp_path))
    assert read.initialized and read.FREQ == built.FREQ and read.total == built.total
    articles = [*corpus.document("final").articles, *corpus.document("draft").articles]
    texts = [paragraph.text for article in articles for paragraph in article.paragraphs]
    assert len(texts) > 200
    for text in texts:
        assert list(read.cut(text, HMM=False)) == list(built.cut(text, HMM=False))
        assert list(read.cut_for_search(text, HMM=False)) == list(built.cut_for_search(text, HMM=False))


def test_another_jieba_initialises_itself(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The quick read knows the cache layout of the pinned jieba only: any other version loads as jieba loads."""
    load_tokenizer(str(tmp_path))  # the cache now exists
    initialised: list[jieba.Tokenizer] = []
    initialise = jieba.Tokenizer.initialize

    def counted(self: jieba.Tokenizer, *arguments: object) -> None:
        initialised.append(self)
        initialise(self, *arguments)

    monkeypatch.setattr(jieba.Tokenizer, "initialize", counted)
    assert load_tokenizer(str(tmp_path)).initialized and initialised == []
    monkeypatch.setattr(jieba, "__version__", "0.43.0")
    tokenizer = load_tokenizer(str(tmp_path))
    assert initialised == [tokenizer] and list(tokenizer.cut("促进数字经济发展", HMM=False))
