"""Chinese words: jieba's dictionary, loaded once per process, for the redline.

Reads: jieba's default dictionary (its cache in the temporary directory, built by jieba the first time).
Writes: tokens for the redline (generator/compare/redline.py).
"""

from __future__ import annotations

import logging
import marshal
import tempfile
import warnings
from functools import cache
from pathlib import Path

with warnings.catch_warnings():
    # jieba 0.42.1 imports pkg_resources, which setuptools deprecates; nothing we can change in jieba.
    warnings.filterwarnings("ignore", message="pkg_resources is deprecated", category=UserWarning)
    import jieba  # (tests/test_words.py takes it from here)

__all__ = ["JIEBA_CACHE", "chinese_tokens", "jieba", "load_tokenizer"]
# Where jieba caches its default dictionary (jieba/__init__.py, Tokenizer.initialize).
JIEBA_CACHE = "jieba.cache"
# The jieba whose cache layout the quick read below knows (requirements.lock pins it).
KNOWN_JIEBA = "0.42.1"


@cache
def _tokenizer() -> jieba.Tokenizer:
    """One jieba dictionary for the whole process."""
    jieba.setLogLevel(logging.WARNING)
    return load_tokenizer()


def load_tokenizer(cache_folder: str | None = None) -> jieba.Tokenizer:
    """jieba's default dictionary, read quickly.

    jieba keeps the dictionary, once built, in a cache file in the temporary folder and reads it with
    marshal.load on the open file: 0.6 s here. Reading the bytes first and then marshal.loads gives the same
    dictionary in 0.17 s. So this reads jieba's cache that way and sets what Tokenizer.initialize would
    (tests/test_words.py checks the result is the same). When there is no cache yet, it cannot be read, or
    jieba is not the version whose cache layout this knows, jieba initialises itself as usual."""
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = cache_folder
    if getattr(jieba, "__version__", None) != KNOWN_JIEBA:
        tokenizer.initialize()
        return tokenizer
    try:
        freq, total = marshal.loads((Path(cache_folder or tempfile.gettempdir()) / JIEBA_CACHE).read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        tokenizer.initialize()
        return tokenizer
    tokenizer.FREQ, tokenizer.total, tokenizer.initialized = freq, total, True
    return tokenizer


def chinese_tokens(text: str) -> list[str]:
    return list(_tokenizer().cut(text, HMM=False))
