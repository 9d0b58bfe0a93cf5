"""The redline: what changed between two versions of a paragraph, as a list of kept, deleted and inserted runs.

Reads: two display texts (normalised, so punctuation width and spacing never show as changes). Writes: a
`Redline` — segments of ("equal" | "delete" | "insert", text).

Chinese is compared on word boundaries (jieba tokens), not single characters, so 数字经济 changed to 数据要素
reads as one replaced word, not four stray characters. Runs of change separated only by a short unchanged
token are joined into one change, so one rewritten phrase shows as one deletion and one insertion. English
(later issues) is compared on words.
"""

from __future__ import annotations

import logging
import marshal
import re
import tempfile
import warnings
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache
from pathlib import Path

with warnings.catch_warnings():
    # jieba 0.42.1 imports pkg_resources, which setuptools deprecates; nothing we can change in jieba.
    warnings.filterwarnings("ignore", message="pkg_resources is deprecated", category=UserWarning)
    import jieba

# Where jieba caches its default dictionary (jieba/__init__.py, Tokenizer.initialize).
JIEBA_CACHE = "jieba.cache"
# Unchanged runs this short (in characters) between two changes are folded into the change around them.
SHORT_EQUAL = 2
ENGLISH_TOKEN = re.compile(r"\s+|[A-Za-z0-9'’-]+|[^\sA-Za-z0-9]")


@dataclass(frozen=True)
class Segment:
    op: str  # "equal" | "delete" | "insert"
    text: str


Redline = tuple[Segment, ...]


@cache
def _tokenizer() -> jieba.Tokenizer:
    """One jieba dictionary for the whole process."""
    jieba.setLogLevel(logging.WARNING)
    return load_tokenizer()


def load_jieba() -> None:
    """Load the dictionary now rather than at the first Chinese text."""
    _tokenizer()


def load_tokenizer(cache_folder: str | None = None) -> jieba.Tokenizer:
    """jieba's default dictionary, read quickly.

    jieba keeps the dictionary, once built, in a cache file in the temporary folder and reads it with
    marshal.load on the open file: 0.6 s here. Reading the bytes first and then marshal.loads gives the same
    dictionary in 0.17 s. So this reads jieba's cache that way and sets what Tokenizer.initialize would
    (jieba 0.42.1, pinned; tests/test_diff.py checks the result is the same). When there is no cache yet, or
    it cannot be read, jieba builds it as usual."""
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = cache_folder
    try:
        freq, total = marshal.loads((Path(cache_folder or tempfile.gettempdir()) / JIEBA_CACHE).read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        tokenizer.initialize()
        return tokenizer
    tokenizer.FREQ, tokenizer.total, tokenizer.initialized = freq, total, True
    return tokenizer


def chinese_tokens(text: str) -> list[str]:
    return list(_tokenizer().cut(text, HMM=False))


@cache
def search_words(text: str) -> str:
    """The words of a Chinese text for the search index, long words with the shorter words inside them
    (互联网 -> 互联 联网 互联网), each once, space-separated. Pagefind's own segmentation of a page sometimes
    joins words a query is split into (跨境电商 as one token, the query as 跨境 + 电商): these words, in a hidden
    part of the page, let such queries find it."""
    seen: dict[str, None] = {}
    for word in _tokenizer().cut_for_search(text, HMM=False):
        if any("\u4e00" <= char <= "\u9fff" or char.isalnum() for char in word):
            seen.setdefault(word, None)
    return "，".join(seen)


def english_tokens(text: str) -> list[str]:
    return ENGLISH_TOKEN.findall(text)


@cache  # under `mkdocs serve` the process stays: an edit re-diffs only the texts it changed
def redline(old: str, new: str, language: str = "zh") -> Redline:
    """Segments that turn `old` into `new`."""
    if old == new:
        return (Segment("equal", new),) if new else ()
    if not old or not new:
        return (Segment("insert", new),) if new else (Segment("delete", old),)
    tokenize = chinese_tokens if language == "zh" else english_tokens
    a, b = tokenize(old), tokenize(new)
    # Each change as (deleted text, inserted text), each unchanged run as its text.
    blocks: list[tuple[str, str] | str] = []
    for tag, a1, a2, b1, b2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            blocks.append("".join(a[a1:a2]))
        else:
            blocks.append(("".join(a[a1:a2]), "".join(b[b1:b2])))
    return _segments(_fold(blocks))


def _fold(blocks: list[tuple[str, str] | str]) -> list[tuple[str, str] | str]:
    """Join change, short unchanged run, change into one change."""
    folded: list[tuple[str, str] | str] = []
    for block in blocks:
        if isinstance(block, tuple) and len(folded) >= 2:
            between, before = folded[-1], folded[-2]
            if isinstance(between, str) and isinstance(before, tuple) and len(between.strip()) <= SHORT_EQUAL:
                folded[-2:] = [(before[0] + between + block[0], before[1] + between + block[1])]
                continue
        folded.append(block)
    return folded


def _segments(blocks: list[tuple[str, str] | str]) -> Redline:
    segments: list[Segment] = []
    for block in blocks:
        if isinstance(block, str):
            if block:
                segments.append(Segment("equal", block))
            continue
        deleted, inserted = block
        if deleted:
            segments.append(Segment("delete", deleted))
        if inserted:
            segments.append(Segment("insert", inserted))
    return tuple(segments)


def changed_share(segments: Redline) -> float:
    """Share of the characters of both texts that are in a change: 0 for identical, 1 for all new."""
    changed = sum(len(s.text) for s in segments if s.op != "equal")
    total = changed + 2 * sum(len(s.text) for s in segments if s.op == "equal")
    return changed / total if total else 0.0
