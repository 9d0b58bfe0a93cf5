"""Quotations in a cross-reference's `why` are exact: words in quotation marks must stand, word for word, in the
texts the reference joins, in the language of the `why` — for English, the edition's own translation.

Reads: the references (their `why`, source and target), the texts, the translations. Writes: `Problem`s for
`python -m generator check` (a content rule, generator/rules/editorial.py).

A quotation is what stands between “ and ” (both languages), or between a pair of ' or " that open after a
space or bracket and close before a space or punctuation (so the apostrophe of "people's" opens none). An
ellipsis (… or ...) splits it into parts, each of which must be found. The haystack is the local article and
the target's whole article; for a national law, every provision of it the edition holds in that language (a why
may quote a neighbouring article of the same law). English is compared without regard to capitals.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.annotations.annotate import Annotations
from generator.annotations.apparatus import PlacedReference, Target
from generator.corpus.model import Article, Document
from generator.corpus.sources import Corpus
from generator.errors import Problem

CHINESE_QUOTE = re.compile(r"“([^”]{2,})”")
ENGLISH_QUOTE = re.compile(r"(?:(?<=^)|(?<=[\s(\[—]))(['\"“])(?P<words>[^'\"“”]{3,}?)['\"”](?=$|[\s,.;:)\]—?!])")
ELLIPSIS = re.compile(r"\s*(?:…|\.\.\.)\s*")
TRIM = " ,.;:，。；：、"


def quotations(text: str, language: str) -> Iterator[str]:
    """The quoted parts of a why, each part between ellipses."""
    pattern = CHINESE_QUOTE if language == "zh" else ENGLISH_QUOTE
    for match in pattern.finditer(text):
        quoted = match.group(1) if language == "zh" else match.group("words")
        for part in ELLIPSIS.split(quoted):
            part = part.strip(TRIM)
            if len(part) >= (2 if language == "zh" else 4):
                yield part


def _article_text(article: Article, language: str, annotations: Annotations) -> list[str]:
    if language == "zh":
        return [unit.text for unit in article.units()] + ([article.title] if article.title else [])
    return [annotations.english(unit.id) or "" for unit in article.units()]


def _haystack(corpus: Corpus, annotations: Annotations, reference: PlacedReference, language: str) -> str:
    texts: list[str] = []
    for end in (reference.source, reference.target):
        texts += _texts_of(corpus, annotations, end, language)
    joined = " ".join(texts)
    joined = re.sub(r"\s+", " ", joined)
    return joined if language == "zh" else joined.lower()


def _texts_of(corpus: Corpus, annotations: Annotations, target: Target, language: str) -> list[str]:
    if target.law is not None and target.law.source is not None:
        law: Document = corpus.laws[target.law.source]
        if language == "zh":
            return [text for article in law.articles for text in _article_text(article, "zh", annotations)]
        return [text for article in law.articles for text in _article_text(article, "en", annotations)]
    if target.document is not None and target.article is not None:
        return _article_text(corpus.document(target.document).article(target.article), language, annotations)
    return []


def misquotations(corpus: Corpus, annotations: Annotations) -> list[Problem]:
    problems = []
    for reference in annotations.apparatus.references:
        if reference.why is None:
            continue
        for language in ("zh", "en"):
            haystack = _haystack(corpus, annotations, reference, language)
            why = getattr(reference.why, language)
            for part in quotations(why, language):
                needle = re.sub(r"\s+", " ", part if language == "zh" else part.lower())
                if needle not in haystack:
                    message = f"why.{language} quotes {part!r}, which is not in the words of {reference.source.id} or {reference.target.id}"
                    hint = "quote word for word (in English, the edition's own translation), mark omissions with …, or drop the quotes"
                    problems.append(Problem(reference.file, reference.line, message, hint))
    return problems
