"""What the Chinese search index holds beside a page's visible text: every pair of adjacent characters, as a word.

Pagefind segments a Chinese page with jieba when it indexes and a Chinese query with the browser's
Intl.Segmenter when it searches (pagefind#1237), and the two disagree, so a phrase copied from an article may
find nothing. Pairs of characters need no segmenter: a span of two or more characters of a text is a run of
the text's pairs, in order. So each line of a Chinese page's text is also written, hidden, as its pairs, each
pair a short Latin word that no segmenter splits (`gram`), and docs/assets/search.js turns a query into the same
words and asks Pagefind for them as an exact phrase. The hidden lines carry ids (`grams-p2`, `grams-notes`), so
that a result can link to the paragraph where its words were found.

The same rule is written twice, here and in search.js (`grams`), and tests/test_search.py checks that both make
the same words of the same texts.

Reads: the texts of an article page. Writes: the hidden HTML block (Markup) for the page's template.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import cache
from itertools import pairwise

from markupsafe import Markup, escape

PREFIX = "zq"  # no word of the texts starts so
LETTERS = "abcdefghijklmnopqrstuvwxyz"
WIDTH = 5  # letters after the prefix: 26**5 = 11.9 million values for some 20,000 pairs
FNV_OFFSET, FNV_PRIME = 2166136261, 16777619


def characters(text: str) -> list[str]:
    """The characters that count: letters and digits (NFKC, so full-width ５Ｇ is 5G; ASCII in lower case);
    punctuation and spaces are left out, so 市、县（区） and 市县区 make the same pairs."""
    kept = []
    for char in unicodedata.normalize("NFKC", text):
        if unicodedata.category(char)[0] in "LN":
            kept.append(char.lower() if char.isascii() else char)
    return kept


@cache  # some 20,000 pairs stand 54,000 times in the texts
def gram(first: str, second: str) -> str:
    """One pair as a word: FNV-1a of the two code points, in base 26, after the prefix."""
    value = FNV_OFFSET
    for char in (first, second):
        value = ((value ^ ord(char)) * FNV_PRIME) & 0xFFFFFFFF
    value %= len(LETTERS) ** WIDTH
    letters = []
    for _ in range(WIDTH):
        value, digit = divmod(value, len(LETTERS))
        letters.append(LETTERS[digit])
    return PREFIX + "".join(letters)


@cache  # the same line stands on several pages, and under `mkdocs serve` in every rebuild
def grams(text: str) -> tuple[str, ...]:
    return tuple(gram(a, b) for a, b in pairwise(characters(text)))


def document_word(position: int) -> str:
    """The hidden word every article page of the `position`-th document of sources.yml holds: a search for the
    query's words and this one is narrowed to that document (Pagefind returns the pages that hold every word
    its index knows). Pagefind's own filters would do it, but its filter index is not the same from build to
    build."""
    letters = ""
    position += 1
    while position:
        position, digit = divmod(position - 1, len(LETTERS))
        letters = LETTERS[digit] + letters
    return f"{PREFIX}doc{letters}"


def hidden_block(lines: Iterable[tuple[str, str]]) -> Markup:
    """The hidden block of a page: one line of pairs per (anchor, text), id grams-<anchor>; lines with the same
    anchor are joined (a draft paragraph shown beside the final one it became)."""
    joined: dict[str, list[str]] = {}
    for anchor, text in lines:
        words = grams(text)
        if words:
            joined.setdefault(anchor, []).extend(words)
    if not joined:
        return Markup("")
    spans = "".join(f'<span id="grams-{escape(anchor)}">{" ".join(words)} </span>' for anchor, words in joined.items())
    return Markup(f'<div class="search-grams" aria-hidden="true">{spans}</div>')
