"""The picture drawn at build time as SVG, readable without JavaScript: the flow of draft articles into final
articles (concordance).

Reads: the alignment. Writes: SVG markup. Article numbers in the flow diagram are links to the articles.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from generator.compare.align import Relation
from generator.corpus.model import Document
from generator.render.site import Site
from generator.render.urls import relative

# The colour of each relation; the diagram also marks moved links dashed and deletions ×, so colour is never the
# only cue.
RELATION_COLOURS: dict[Relation, str] = {
    "identical": "#757575",
    "modified": "#1565c0",
    "moved": "#7b1fa2",
    "merged": "#e65100",
    "split": "#e65100",
    "new": "#2e7d32",
    "deleted": "#c62828",
}


ROW = 14
TOP = 24


def _flow_positions(document: Document) -> tuple[dict[int, float], list[tuple[int, float]], float]:
    """The y of each article's row and of each chapter's label, chapters separated by a label row."""
    y = float(TOP)
    rows: dict[int, float] = {}
    chapters: list[tuple[int, float]] = []
    for chapter in document.chapters:
        y += ROW
        chapters.append((chapter.number, y))
        for article in chapter.all_articles():
            y += ROW
            rows[article.number] = y
    return rows, chapters, y + ROW


def flow_svg(site: Site, language: str, page: str) -> Markup:
    """Draft articles on the left, final articles on the right, a line for each link: made at build time,
    readable without JavaScript, each number a link. Relation is shown by colour and by line style (moved:
    dashed) and deletions by a × as well, so colour is never the only cue."""
    draft, final = site.corpus.before, site.corpus.after
    locale = site.locale(language)
    left, left_chapters, left_end = _flow_positions(draft)
    right, right_chapters, right_end = _flow_positions(final)
    width, label = 340, 74
    parts = [
        f'<svg class="flow-diagram" viewBox="0 0 {width} {max(left_end, right_end):.0f}" role="group" '
        f'aria-labelledby="flow-title" xmlns="http://www.w3.org/2000/svg" font-size="11">',
        f'<title id="flow-title">{escape(site.labels[language]["flow_title"])}</title>',
        f'<text x="0" y="12" font-weight="bold">{escape(site.labels[language]["draft_articles_total"])}</text>',
        f'<text x="{width}" y="12" font-weight="bold" text-anchor="end">{escape(site.labels[language]["final_articles_total"])}</text>',
    ]
    for number, y in left_chapters:
        parts.append(f'<text class="flow-chapter" x="0" y="{y:.0f}">{escape(locale.short_chapter(number))}</text>')
    for number, y in right_chapters:
        parts.append(f'<text class="flow-chapter" x="{width}" y="{y:.0f}" text-anchor="end">{escape(locale.short_chapter(number))}</text>')
    for link in site.alignment.links:
        colour = RELATION_COLOURS[link.relation]
        dash = ' stroke-dasharray="4 3"' if link.relation == "moved" else ""
        for d in link.draft:
            for f in link.final:
                y1, y2 = left[d] - 4, right[f] - 4
                middle = width / 2
                parts.append(
                    f'<path d="M{label} {y1:.0f} C{middle} {y1:.0f} {middle} {y2:.0f} {width - label} {y2:.0f}" '
                    f'fill="none" stroke="{colour}" stroke-width="1.2"{dash}/>'
                )
    for second in site.annotations.second_sources:  # a clause from another draft article: a thin dotted line
        y1, y2 = left[int(second.draft.split("/")[1])] - 4, right[int(second.final.split("/")[1])] - 4
        parts.append(
            f'<path class="flow-second" d="M{label} {y1:.0f} C{width / 2} {y1:.0f} {width / 2} {y2:.0f} {width - label} {y2:.0f}" '
            f'fill="none" stroke="#757575" stroke-width="1" stroke-dasharray="1 3"/>'
        )
    for number, y in left.items():
        link = site.alignment.for_draft(number)
        mark = " ×" if link.relation == "deleted" else ""
        name = escape(locale.short_article(number))
        href = relative(page, site.page_of(site.before, number))
        parts.append(f'<a href="{href}"><text x="0" y="{y:.0f}" fill="{RELATION_COLOURS[link.relation]}">{name}{mark}</text></a>')
    for number, y in right.items():
        link = site.alignment.for_final(number)
        name = escape(locale.short_article(number))
        parts.append(
            f'<a href="{relative(page, site.page_of(site.after, number))}"><text x="{width}" y="{y:.0f}" text-anchor="end" '
            f'fill="{RELATION_COLOURS[link.relation]}">{name}</text></a>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))
