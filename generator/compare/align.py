"""Align the draft with the final text: which draft article(s) each final article came from, and inside each
aligned pair, which paragraph became which.

Reads: two `Document`s (draft and final) and the editors' overrides (annotations/alignment.yml, already
validated). Writes: an `Alignment` — one `Link` per final article (relation identical, modified, moved,
merged, split or new) and one per deleted draft article — and, per link, paragraph `Row`s.

Computed from the wording, not the numbering: articles are compared by shared character bigrams weighted
by rarity (IDF over both texts, so the boilerplate 市、县（市、区）人民政府…部门应当 counts for little),
as containment in each direction. Order is only a hint: a pair out of sequence is `moved`.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal, get_args

from generator.corpus.model import Article, Document

# What a link says of where final article(s) came from, in the order the site lists them.
Relation = Literal["identical", "modified", "moved", "merged", "split", "new", "deleted"]
RELATIONS: tuple[Relation, ...] = get_args(Relation)

# A pair of articles each other's best match is linked when one contains at least this share of the other.
LINK_THRESHOLD = 0.3
# An article left over is merged into (or split from) its best match when it is this much contained in it.
MERGE_THRESHOLD = 0.6
# A final article left over was carved out of a draft article when one of its paragraphs or items is this like
# (Dice) one of the draft article's: a paragraph made into an article of its own in a revision.
UNIT_THRESHOLD = 0.45
# Paragraphs pair up inside an aligned article when their weighted bigram overlap (Dice) reaches this.
PARAGRAPH_THRESHOLD = 0.2
# Punctuation and white space do not count towards similarity.
NOT_WORDING = re.compile(r"[\s，。；：、？！（）“”‘’《》【】,.;:?!()\"']")


def wording(text: str) -> str:
    return NOT_WORDING.sub("", text)


def bigrams(text: str) -> Counter[str]:
    plain = wording(text)
    return Counter(plain[index : index + 2] for index in range(len(plain) - 1))


@dataclass(frozen=True)
class Weights:
    """IDF weights of bigrams over a set of texts."""

    idf: dict[str, float]

    @classmethod
    def over(cls, texts: Iterable[Counter[str]]) -> Weights:
        counted = list(texts)
        frequency: Counter[str] = Counter()
        for grams in counted:
            frequency.update(grams.keys())
        return cls({gram: math.log((len(counted) + 1) / count) for gram, count in frequency.items()})

    def mass(self, grams: Counter[str]) -> float:
        return sum(self.idf.get(gram, 0.0) * count for gram, count in grams.items())

    def shared(self, a: Counter[str], b: Counter[str]) -> float:
        return sum(self.idf.get(gram, 0.0) * min(count, b[gram]) for gram, count in a.items() if gram in b)

    def containment(self, part: Counter[str], whole: Counter[str]) -> float:
        """How much of `part` (weighted) is found in `whole`: 0 to 1."""
        mass = self.mass(part)
        return self.shared(part, whole) / mass if mass else 0.0

    def dice(self, a: Counter[str], b: Counter[str]) -> float:
        total = self.mass(a) + self.mass(b)
        return 2 * self.shared(a, b) / total if total else 0.0


@dataclass(frozen=True)
class Row:
    """One row of the side-by-side view: draft paragraph(s) beside final paragraph(s); either side may be
    empty (a paragraph added or dropped). Numbers are (article, paragraph)."""

    draft: tuple[tuple[int, int], ...]
    final: tuple[tuple[int, int], ...]
    similarity: float


@dataclass(frozen=True)
class Link:
    """Where final article(s) came from. `final` is empty for a deleted draft article, `draft` for a new one."""

    final: tuple[int, ...]
    draft: tuple[int, ...]
    relation: Relation
    similarity: float  # weighted overlap (Dice) of the texts, 0 to 1
    curated: bool = False  # set by an editor in annotations/alignment.yml
    changed: bool = False  # the wording differs (a moved article may be changed too)
    rows: tuple[Row, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class Override:
    """An editor's decision, from annotations/alignment.yml."""

    final: tuple[int, ...]
    draft: tuple[int, ...]
    relation: Relation | None  # None: let the texts decide (identical, modified or moved)
    line: int = 0


@dataclass(frozen=True)
class Alignment:
    links: tuple[Link, ...]

    def for_final(self, number: int) -> Link:
        return next(link for link in self.links if number in link.final)

    def for_draft(self, number: int) -> Link:
        return next(link for link in self.links if number in link.draft)

    def counts(self) -> Counter[Relation]:
        """How many final articles (or, for `deleted`, draft articles) stand in each relation."""
        counted: Counter[Relation] = Counter()
        for link in self.links:
            counted[link.relation] += len(link.final) if link.final else len(link.draft)
        return counted


# A link in the making: (final articles, draft articles, relation or None to decide, set by an editor).
Group = tuple[tuple[int, ...], tuple[int, ...], Relation | None, bool]


def _longest_increasing(pairs: Sequence[tuple[int, int]]) -> set[tuple[int, int]]:
    """The largest set of (final, draft) pairs whose draft numbers rise with the final numbers."""
    chains: list[list[tuple[int, int]]] = []
    for pair in sorted(pairs):
        longest: list[tuple[int, int]] = []
        for chain in chains:
            if chain[-1][1] < pair[1] and len(chain) > len(longest):
                longest = chain
        chains.append([*longest, pair])
    best: list[tuple[int, int]] = []
    for chain in chains:
        if len(chain) > len(best):
            best = chain
    return set(best)


class _Aligner:
    def __init__(self, draft: Document, final: Document) -> None:
        self.draft = {article.number: article for article in draft.articles}
        self.final = {article.number: article for article in final.articles}
        self.draft_grams = {number: bigrams(a.full_text) for number, a in self.draft.items()}
        self.final_grams = {number: bigrams(a.full_text) for number, a in self.final.items()}
        self.weights = Weights.over([*self.draft_grams.values(), *self.final_grams.values()])
        self.final_mass = {number: self.weights.mass(grams) for number, grams in self.final_grams.items()}
        self.draft_mass = {number: self.weights.mass(grams) for number, grams in self.draft_grams.items()}
        self.scores: dict[tuple[int, int], tuple[float, float]] = {}
        self.unit_grams: dict[str, list[Counter[str]]] = {}

    def score(self, final: int, draft: int) -> tuple[float, float]:
        """(share of the final article found in the draft one, share of the draft one found in the final).
        The same as Weights.containment both ways, with the masses and every pair's score computed once."""
        cached = self.scores.get((final, draft))
        if cached is None:
            f, d = self.final_grams[final], self.draft_grams[draft]
            f_mass, d_mass = self.final_mass[final], self.draft_mass[draft]
            cached = (
                self.weights.shared(f, d) / f_mass if f_mass else 0.0,
                self.weights.shared(d, f) / d_mass if d_mass else 0.0,
            )
            self.scores[(final, draft)] = cached
        return cached

    def similarity(self, finals: Iterable[int], drafts: Iterable[int]) -> float:
        f: Counter[str] = Counter()
        d: Counter[str] = Counter()
        for number in finals:
            f.update(self.final_grams[number])
        for number in drafts:
            d.update(self.draft_grams[number])
        return round(self.weights.dice(f, d), 3)

    def best(self, candidates: Iterable[int], value: Callable[[int], float]) -> int:
        """The candidate with the highest value; the lowest number among equals."""
        return max(sorted(candidates), key=value)

    def pairs(self, finals: set[int], drafts: set[int]) -> list[tuple[int, int]]:
        """Mutual best matches among the articles not yet linked, repeated until none is left."""
        found: list[tuple[int, int]] = []
        while finals and drafts:
            best_draft = {f: self.best(drafts, lambda d, f=f: sum(self.score(f, d))) for f in finals}  # type: ignore[misc]
            best_final = {d: self.best(finals, lambda f, d=d: sum(self.score(f, d))) for d in drafts}  # type: ignore[misc]
            new = [(f, d) for f, d in best_draft.items() if best_final[d] == f and max(self.score(f, d)) >= LINK_THRESHOLD]
            if not new:
                break
            found.extend(new)
            finals -= {f for f, _ in new}
            drafts -= {d for _, d in new}
        return found

    def align(self, overrides: Sequence[Override]) -> Alignment:
        finals = set(self.final)
        drafts = set(self.draft)
        groups: list[Group] = []
        for override in overrides:
            if override.relation == "deleted":
                groups.extend(((), (draft,), "deleted", True) for draft in override.draft)
            else:
                groups.append((override.final, override.draft, override.relation, True))
            finals -= set(override.final)
            drafts -= set(override.draft)
        pairs = self.pairs(set(finals), set(drafts))
        linked: dict[int, list[int]] = {f: [d] for f, d in pairs}
        split_from: dict[int, list[int]] = {}
        left_finals = finals - set(linked)
        left_drafts = drafts - {d for _, d in pairs}
        for draft in sorted(left_drafts):  # merged: a leftover draft article absorbed by a linked final one
            if linked:
                final = self.best(linked, lambda f, d=draft: self.score(f, d)[1])  # type: ignore[misc]
                if self.score(final, draft)[1] >= MERGE_THRESHOLD:
                    linked[final].append(draft)
        unlinked = left_drafts - {d for ds in linked.values() for d in ds}
        for final in sorted(left_finals):  # split: a leftover final article carved out of a draft one
            owners = {d for ds in linked.values() for d in ds}
            candidates = owners | unlinked
            if not candidates:
                continue
            draft = self.best(candidates, lambda d, f=final: self.carving(f, d))  # type: ignore[misc]
            if self.carving(final, draft) < 1:
                continue
            if draft in owners:
                split_from.setdefault(draft, []).append(final)
            else:  # a draft article no other final article took: this one is its successor
                linked[final] = [draft]
                unlinked.discard(draft)
        for final, drafts_of in linked.items():
            carved = [f for d in drafts_of for f in split_from.get(d, [])]
            if carved:
                groups.append((tuple(sorted([final, *carved])), tuple(sorted(drafts_of)), "split", False))
            else:
                groups.append(((final,), tuple(sorted(drafts_of)), "merged" if len(drafts_of) > 1 else None, False))
        in_groups_f = {f for fs, _, _, _ in groups for f in fs}
        in_groups_d = {d for _, ds, _, _ in groups for d in ds}
        groups += [((f,), (), "new", False) for f in sorted(set(self.final) - in_groups_f)]
        groups += [((), (d,), "deleted", False) for d in sorted(set(self.draft) - in_groups_d)]
        # Order is a hint, not the rule: the pairs outside the longest run in sequence are the moved ones.
        in_sequence = _longest_increasing([(fs[0], ds[0]) for fs, ds, _, _ in groups if len(fs) == 1 and len(ds) == 1])
        return Alignment(tuple(self.link(group, in_sequence) for group in sorted(groups, key=_order)))

    def link(self, group: Group, in_sequence: set[tuple[int, int]]) -> Link:
        finals, drafts, relation, curated = group
        changed = self.changed(finals, drafts)
        if relation is None:
            in_order = (finals[0], drafts[0]) in in_sequence
            relation = "moved" if not in_order else "modified" if changed else "identical"
        rows = self.rows(finals, drafts) if finals and drafts else ()
        return Link(finals, drafts, relation, self.similarity(finals, drafts), curated, changed, rows)

    def carving(self, final: int, draft: int) -> float:
        """How surely a final article left over was carved out of a draft article, 1 or more where it was: most
        of it is in the draft article (MERGE_THRESHOLD), or one of its paragraphs or items is largely a
        paragraph or item of the draft article's (UNIT_THRESHOLD) — in a revision a paragraph taken into a new
        article of its own keeps its words while the article around it is new."""
        whole = self.score(final, draft)[0] / MERGE_THRESHOLD
        pairs = ((a, b) for a in self.units(self.final[final]) for b in self.units(self.draft[draft]))
        units = max((self.weights.dice(a, b) for a, b in pairs), default=0.0)
        return max(whole, units / UNIT_THRESHOLD)

    def units(self, article: Article) -> list[Counter[str]]:
        """The bigrams of each paragraph and each item of an article (computed once)."""
        cached = self.unit_grams.get(article.id)
        if cached is None:
            cached = [bigrams(p.full_text) for p in article.paragraphs] + [bigrams(i.text) for p in article.paragraphs for i in p.items]
            self.unit_grams[article.id] = cached
        return cached

    def changed(self, finals: Sequence[int], drafts: Sequence[int]) -> bool:
        def text(articles: dict[int, Article], numbers: Sequence[int]) -> str:
            return "".join(wording(articles[n].full_text) for n in numbers)

        return not finals or not drafts or text(self.final, finals) != text(self.draft, drafts)

    def rows(self, finals: Sequence[int], drafts: Sequence[int]) -> tuple[Row, ...]:
        """Pair paragraphs in order (a longest-common-subsequence over similar paragraphs); the rest stand alone."""
        left = [(n, p.number, bigrams(p.full_text)) for n in drafts for p in self.draft[n].paragraphs]
        right = [(n, p.number, bigrams(p.full_text)) for n in finals for p in self.final[n].paragraphs]
        scores = [[self.weights.dice(a[2], b[2]) for b in right] for a in left]
        best = [[0.0] * (len(right) + 1) for _ in range(len(left) + 1)]
        for i in range(len(left) - 1, -1, -1):
            for j in range(len(right) - 1, -1, -1):
                take = scores[i][j] + best[i + 1][j + 1] if scores[i][j] >= PARAGRAPH_THRESHOLD else -1.0
                best[i][j] = max(take, best[i + 1][j], best[i][j + 1])
        rows: list[Row] = []
        i = j = 0
        while i < len(left) or j < len(right):
            if i < len(left) and j < len(right) and scores[i][j] >= PARAGRAPH_THRESHOLD and best[i][j] == scores[i][j] + best[i + 1][j + 1]:
                rows.append(Row((left[i][:2],), (right[j][:2],), round(scores[i][j], 3)))
                i, j = i + 1, j + 1
            elif j >= len(right) or (i < len(left) and best[i][j] == best[i + 1][j]):
                rows.append(Row((left[i][:2],), (), 0.0))
                i += 1
            else:
                rows.append(Row((), (right[j][:2],), 0.0))
                j += 1
        return tuple(self.absorb(rows, {a[:2]: a[2] for a in left}, {b[:2]: b[2] for b in right}))

    def absorb(self, rows: list[Row], left: dict[tuple[int, int], Counter[str]], right: dict[tuple[int, int], Counter[str]]) -> list[Row]:
        """A paragraph standing alone after a paired row joins that row when it is mostly contained in the other
        side, or when the two sides read more alike with it than without: two draft paragraphs run together into
        one final paragraph (final 45, 54), or one split in two (final 59)."""

        def side(keys: tuple[tuple[int, int], ...], texts: dict[tuple[int, int], Counter[str]]) -> Counter[str]:
            return sum((texts[key] for key in keys), Counter())

        merged: list[Row] = []
        for row in rows:
            alone = bool(row.draft) != bool(row.final)
            neighbour = merged[-1] if merged and merged[-1].draft and merged[-1].final else None
            if alone and neighbour is not None:
                draft, final = neighbour.draft + row.draft, neighbour.final + row.final
                if row.draft:
                    inside = self.weights.containment(left[row.draft[0]], side(neighbour.final, right))
                else:
                    inside = self.weights.containment(right[row.final[0]], side(neighbour.draft, left))
                together = self.weights.dice(side(draft, left), side(final, right))
                if inside >= MERGE_THRESHOLD or together > neighbour.similarity:
                    merged[-1] = Row(draft, final, round(together, 3))
                    continue
            merged.append(row)
        return merged


def _order(group: Group) -> tuple[int, int]:
    """Final articles in their order, then the deleted draft articles in theirs."""
    finals, drafts, _, _ = group
    return (0, finals[0]) if finals else (1, drafts[0])


def align(draft: Document, final: Document, overrides: Sequence[Override] = ()) -> Alignment:
    return _Aligner(draft, final).align(overrides)


def similar(source: Document, other: Document, top: int = 3) -> dict[int, list[tuple[int, float]]]:
    """For each article of `source`, the `top` articles of `other` most alike in wording (IDF-weighted bigram
    Dice, 0 to 1): suggestions for comparable provisions, for an editor to confirm by reading."""
    texts = {("a", a.number): bigrams(a.full_text) for a in source.articles}
    texts |= {("b", b.number): bigrams(b.full_text) for b in other.articles}
    weights = Weights.over(texts.values())
    found: dict[int, list[tuple[int, float]]] = {}
    for a in source.articles:
        scores = [(b.number, weights.dice(texts["a", a.number], texts["b", b.number])) for b in other.articles]
        found[a.number] = sorted(scores, key=lambda pair: -pair[1])[:top]
    return found


CLAUSE = re.compile(r"[，。；：]")
CLAUSE_MIN = 10  # characters: shorter clauses are stock phrases
CLAUSE_THRESHOLD = 0.5
CLAUSE_MARGIN = 0.15


@dataclass(frozen=True)
class ClauseMove:
    """A clause of a final paragraph whose wording comes from a draft article other than the paragraph's own
    source: a suggestion, for an editor to confirm (annotations/alignment.yml `clauses:`) or not."""

    final: str  # final/37/1
    draft: str  # draft/45/2
    clause: str
    source: str
    similarity: float


def moved_clauses(draft: Document, final: Document, alignment: Alignment) -> list[ClauseMove]:
    """Clauses (between ，。；：) of final paragraphs far closer in wording (IDF-weighted bigram Dice) to a clause of
    another draft article than to any clause of their own source."""
    weights = _Aligner(draft, final).weights

    def clauses(text: str) -> list[str]:
        return [c for c in CLAUSE.split(text) if len(c) >= CLAUSE_MIN]

    pool = [(a.number, p.number, c, bigrams(c)) for a in draft.articles for p in a.paragraphs for c in clauses(p.full_text)]
    found = []
    for article in final.articles:
        own = set(alignment.for_final(article.number).draft)
        for paragraph in article.paragraphs:
            for clause in clauses(paragraph.full_text):
                grams = bigrams(clause)
                score, best = max(((weights.dice(grams, x[3]), x) for x in pool if x[0] not in own), key=lambda pair: pair[0])
                home = max([weights.dice(grams, x[3]) for x in pool if x[0] in own] or [0.0])
                if score >= CLAUSE_THRESHOLD and score - home >= CLAUSE_MARGIN:
                    found.append(ClauseMove(paragraph.id, f"{draft.id}/{best[0]}/{best[1]}", clause, best[2], round(score, 3)))
    return found
