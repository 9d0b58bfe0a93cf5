"""Whole-chapter and whole-document comparisons: every article of a chapter draft-vs-final with its redline,
the draft articles the final text deleted in their place, on one printable page.

Reads: the `Site`. Writes: the pages compare/<chapter>.md and compare/index.md (via pages.py), and the order
of the comparison, which the chapter pages use too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from generator.compare.align import Link
from generator.corpus.model import Chapter
from generator.render.columns import compare_row, comparison, lines_of
from generator.render.env import render
from generator.render.site import Site


@dataclass(frozen=True)
class Entry:
    """One place in the comparison: a final article (`final`), or a deleted draft article (`final` None)."""

    chapter: int  # the chapter of the final text it is shown in
    link: Link
    final: int | None
    draft: int | None = None


def sequence(site: Site) -> list[Entry]:
    """The final articles in order, each deleted draft article after the final counterpart of the draft article
    before it in its draft chapter (the first of its chapter: before the counterpart of the one after it)."""
    final, draft, alignment = site.corpus.after, site.corpus.before, site.alignment
    entries = [Entry(final.chapter_of(a.number).number, alignment.for_final(a.number), a.number) for a in final.articles]
    for link in (link for link in alignment.links if not link.final):
        number = link.draft[0]
        kept = [a.number for a in draft.chapter_of(number).all_articles() if alignment.for_draft(a.number).final]
        before, after = [n for n in kept if n < number], [n for n in kept if n > number]
        if before:
            position = 1 + next(i for i, e in enumerate(entries) if e.final == max(alignment.for_draft(before[-1]).final))
            while position < len(entries) and entries[position].final is None:
                position += 1  # after the deleted articles already placed there, in draft order
            chapter = entries[position - 1].chapter
        elif after:
            position = next(i for i, e in enumerate(entries) if e.final == min(alignment.for_draft(after[0]).final))
            chapter = entries[position].chapter
        else:
            position, chapter = len(entries), entries[-1].chapter
        entries.insert(position, Entry(chapter, link, None, number))
    return entries


def _rows(site: Site, entry: Entry, language: str) -> list[dict[str, Markup]]:
    labels = site.labels[language]
    final, draft = site.corpus.after, site.corpus.before
    english = site.english(language)
    if entry.final is not None:
        prefix = f"a{entry.final}-"
        return comparison(final.article(entry.final), entry.link, draft, final, labels, english, None, prefix)[0]
    assert entry.draft is not None
    lines = lines_of(draft.article(entry.draft), english=english)
    return [compare_row([line], [], {**labels, "dropped": labels["article_dropped"]}) for line in lines]


def _view(site: Site, entry: Entry, language: str) -> dict[str, Any]:
    return {
        "after": entry.final,
        "before": entry.draft,
        "link": entry.link,
        "anchor": f"article-{entry.final}" if entry.final is not None else f"draft-{entry.draft}",
        "rows": _rows(site, entry, language),
    }


def _context(site: Site, language: str, page: str) -> dict[str, Any]:
    return {
        **site.context(language, page),
        "final_date": site.version_date(site.after, language),
        "draft_date": site.version_date(site.before, language),
        "url": site.absolute(page, language),
    }


def chapter_comparison(site: Site, chapter: Chapter, language: str) -> str:
    page = f"compare/{chapter.number}.md"
    entries = [_view(site, e, language) for e in sequence(site) if e.chapter == chapter.number]
    chapters = list(site.corpus.after.chapters)
    position = chapters.index(chapter)
    return render(
        "comparison.md.j2",
        **_context(site, language, page),
        chapter=chapter,
        parts=[(chapter, entries)],
        previous=chapters[position - 1] if position else None,
        next=chapters[position + 1] if position + 1 < len(chapters) else None,
    )


def document_comparison(site: Site, language: str) -> str:
    page = "compare/index.md"
    entries = sequence(site)
    parts = [
        (chapter, [_view(site, e, language) for e in entries if e.chapter == chapter.number]) for chapter in site.corpus.after.chapters
    ]
    return render("comparison.md.j2", **_context(site, language, page), chapter=None, parts=parts, previous=None, next=None)
