"""The editors' notes by date: the what's-new page and an Atom feed per language.

Reads: the annotations' notes. Writes: the page's Markdown and the feed's XML (with absolute addresses, from
site_url, as a feed is read away from the site).
"""

from __future__ import annotations

from markupsafe import Markup

from generator.annotations.apparatus import PlacedNote, note_html
from generator.render.apparatus import links_from, note_page, target_name, target_page
from generator.render.env import render
from generator.render.site import Site
from generator.render.urls import relative

PAGE = "whats-new.md"


def notes_by_date(site: Site) -> list[PlacedNote]:
    """Editors' notes, newest first (then by where they are, so the order is stable)."""
    notes = list(site.annotations.apparatus.notes)
    return sorted(notes, key=lambda n: (-n.note.date.toordinal(), n.target.document or "", n.target.article or 0, n.note.id))


def whats_new(site: Site, language: str) -> str:
    entries = []
    for placed in notes_by_date(site):
        page, anchor = note_page(site, placed)
        entries.append(
            {
                "date": site.locale(language).date(placed.note.date),
                "iso_date": placed.note.date.isoformat(),
                "kind": placed.note.kind,
                "where": target_name(site, placed.target, language),
                "url": relative(PAGE, page, anchor),
                "html": Markup(note_html(getattr(placed.note, language), links_from(site, PAGE))),
            }
        )
    return render("whats_new.md.j2", **site.context(language, PAGE), entries=entries[:200], total=len(entries))


def feed(site: Site, language: str) -> str:
    """An Atom feed of the notes, newest first."""
    base = site.settings.site_url.rstrip("/") + "/" + ("en/" if language == "en" else "")

    def absolute(text: str) -> str:
        """An id in a note as an absolute address."""
        target = site.resolve(text)
        if target.law is not None:
            return target.law.url or base
        return base + relative("index.md", *target_page(site, target)).removeprefix("./")

    notes = notes_by_date(site)[:50]
    made = site.version(site.after)
    updated = notes[0].note.date.isoformat() if notes else made.date.isoformat() if made else "1980-01-01"
    entries = []
    for placed in notes:
        page, anchor = note_page(site, placed)
        url = base + relative("index.md", page, anchor).removeprefix("./")
        entries.append(
            {
                "id": url,
                "url": url,
                "title": f"{site.labels[language]['note_kinds'][placed.note.kind]} · {target_name(site, placed.target, language)}",
                "updated": placed.note.date.isoformat(),
                "author": placed.note.author,
                "html": note_html(getattr(placed.note, language), absolute),
            }
        )
    labels = site.labels[language]
    return render("feed.xml.j2", lang=language, labels=labels, self_url=base + "feed.xml", site=base, updated=updated, entries=entries)
