"""Glossary terms found in text: where a Chinese term is used as the term, whether an English text uses a term's
rendering, and the marking of terms on a page. One module, used by the translation checks (generator/rules/checks.py)
and by the renderer's tooltips (generator/render/columns.py), so that both find the same terms.

Reads: the glossary's terms (annotations/glossary.yml, loaded). Writes: matches, and HTML with terms marked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from markupsafe import escape

from generator.annotations.glossary import GlossaryTerm

WORD = re.compile(r"[A-Za-z0-9]+")


@cache
def term_pattern(english: str) -> re.Pattern[str]:
    """`people's government` also matches `People's Governments`; `county` matches `counties`; `county (county-level
    city, district)` matches `counties (county-level cities, districts)` with its parentheses."""
    parts = []
    for word in WORD.findall(english):
        if word.endswith("y") and len(word) > 2 and word[-2].lower() not in "aeiou":
            parts.append(re.escape(word[:-1]) + "(?:y|ies)")
        else:
            parts.append(re.escape(word) + "(?:s|es)?")
    # A rendering that ends (or starts) in punctuation keeps it: "county (county-level city, district)" is
    # marked to its closing parenthesis, not to "district".
    lead, trail = re.match(r"\W*", english).group(), re.search(r"\W*$", english).group()  # type: ignore[union-attr]
    return re.compile(re.escape(lead) + r"\b" + r"\W+".join(parts) + r"\b" + re.escape(trail), re.IGNORECASE)


def occurrences(chinese: str, forms: Iterable[str], longer: Iterable[str]) -> list[str]:
    """The forms of a term that occur in `chinese` as the term: not where they sit inside a longer glossary term
    without sharing its start or end (民政 in 人民政府 is not the civil affairs department; 数字经济 in
    数字经济主管部门 is the digital economy)."""
    covered: list[tuple[int, int]] = []
    for other in longer:
        if other in chinese:
            covered += [(match.start(), match.end()) for match in re.finditer(re.escape(other), chinese)]
    found = []
    for form in forms:
        for match in re.finditer(re.escape(form), chinese):
            start, end = match.span()
            if not any(low < start and end < high for low, high in covered):
                found.append(form)
                break
    return found


class TermMarker:
    """Marks the first use on a page of each glossary term with a tooltip (CSS only: hover, focus or tap)
    and collects the terms used, for the list under the article that the tooltips point to."""

    def __init__(self, glossary: Iterable[GlossaryTerm], language: str) -> None:
        self.language = language
        self.terms = list(glossary)
        self.used: list[GlossaryTerm] = []
        self._marked: set[int] = set()

    def _matches(self, text: str) -> list[tuple[int, int, int]]:
        """(start, end, term) of every term's uses, leftmost first and at one place the longest (市人民政府 over
        人民政府), overlaps dropped. A cheap substring test picks the terms worth a regex."""
        found: list[tuple[int, int, int]] = []
        lowered = text.lower()
        for index, term in enumerate(self.terms):
            if self.language == "zh":
                for form in term.chinese:
                    start = text.find(form)
                    while start >= 0:
                        found.append((start, start + len(form), index))
                        start = text.find(form, start + 1)
            elif english_key(term.en) in lowered:
                found.extend((m.start(), m.end(), index) for m in term_pattern(term.en).finditer(text))
        found.sort(key=lambda match: (match[0], match[0] - match[1]))
        kept, position = [], 0
        for start, end, index in found:
            if start >= position:
                kept.append((start, end, index))
                position = end
        return kept

    def mark(self, text: str) -> str:
        """`text` as HTML, escaped, with the first use of each term wrapped."""
        html, position = [], 0
        for start, end, index in self._matches(text):
            if index in self._marked:
                continue
            self._marked.add(index)
            term = self.terms[index]
            self.used.append(term)
            number = len(self.used)
            meaning = term.meaning(self.language)
            names = f"{term.zh} · {term.en}" if self.language == "zh" else f"{term.en} · {term.zh}"
            tip = names + (("：" if self.language == "zh" else ": ") + meaning if meaning else "")
            note = getattr(term.note, self.language) if term.note else ""
            if note:  # why this English rendering: the same words as the glossary's entry
                tip += ("\n译法说明：" if self.language == "zh" else "\nWhy this rendering: ") + note
            html.append(str(escape(text[position:start])))
            attributes = f'class="term" tabindex="0" data-tip="{escape(tip)}" aria-describedby="term-{number}"'
            html.append(f"<span {attributes}>{escape(text[start:end])}</span>")
            position = end
        html.append(str(escape(text[position:])))
        return "".join(html)


def english_key(english: str) -> str:
    """A substring every English form of a term contains (its first word without a plural ending)."""
    first = english.split()[0].lower()
    return first[:-1] if first.endswith("y") else first
