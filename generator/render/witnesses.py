"""The sources page: every witness — what it is, the dates it states, its defects, every repair the normaliser
made to it and every variant reading of the copies of the final text.

Reads: the catalogue (sources/sources.yml), the parsed witnesses and their repairs, the collation's variants.
Writes: the page's Markdown.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from generator.corpus.normalise import REPAIR_KINDS
from generator.corpus.sources import WitnessEntry
from generator.render.env import render
from generator.render.site import Site
from generator.render.urls import anchor, node_anchor, relative

PAGE = "sources.md"


def sources_page(site: Site, language: str) -> str:
    printed = {entry.printed for entry in [*site.corpus.catalogue.documents, *site.corpus.catalogue.laws]}
    witnesses = [_witness(site, entry, entry.id in printed, language) for entry in site.corpus.catalogue.witnesses]
    policies = collation_policies(site, language)
    return render("sources.md.j2", **site.context(language, PAGE), witnesses=witnesses, repair_kinds=REPAIR_KINDS, policies=policies)


def collation_policies(site: Site, language: str) -> list[str]:
    """How each document kept in several copies is collated, from sources.yml: which copies, which of them
    are converted from Traditional characters, which is printed."""
    labels, catalogue = site.labels[language], site.corpus.catalogue
    found = []
    for entry in catalogue.documents:
        copies = [w for w in catalogue.witnesses if w.document == entry.id]
        if len(copies) < 2:
            continue
        traditional = [w.id for w in copies if w.script == "Hant"]
        separator = site.locale(language).comma
        converted = labels["collation_converted"].format(witnesses=separator.join(traditional)) if traditional else ""
        role = {site.after: "after", site.before: "before"}.get(entry.id)
        name = labels["version"]["names"][role] if role else entry.short_name(language)
        count = site.locale(language).count(len(copies))
        witnesses = separator.join(w.id for w in copies)
        found.append(
            labels["collation_policy"].format(document=name, count=count, witnesses=witnesses, converted=converted, printed=entry.printed)
        )
    return found


def _witness(site: Site, entry: WitnessEntry, printed_here: bool, language: str) -> dict[str, Any]:
    document = site.corpus.witnesses[entry.id]
    labels = site.labels[language]
    repairs = document.repairs()
    counts = Counter(repair.kind for repair in repairs)

    def node_url(node: str) -> str | None:
        """Where a repaired node is shown: only the printed witness's nodes have pages."""
        parts = node.split("/")
        if not printed_here or len(parts) < 2 or not parts[1].isdigit():
            return None
        if site.corpus.catalogue.law(entry.document) is not None:
            return None  # a national law: only its cited provisions are shown, on its page
        return relative(PAGE, site.page_of(entry.document, int(parts[1])), node_anchor(node))

    return {
        "id": entry.id,
        "file": entry.file,
        "sha256": entry.sha256,
        "document_title": getattr(site.corpus.catalogue.entry(entry.document).title, language),
        "kind": getattr(entry.kind, language),
        "script": entry.script,
        "lang": "zh-Hant" if entry.script == "Hant" else "zh",
        "printed": printed_here,
        "counts": {
            "chapters": len(document.chapters),
            "articles": len(document.articles),
            "paragraphs": sum(len(a.paragraphs) for a in document.articles),
            "items": sum(len(p.items) for a in document.articles for p in a.paragraphs),
        },
        "dates": [
            {"event": labels["events"].get(d.event, d.event), "date": site.locale(language).date(d.date), "line": d.line, "quote": d.quote}
            for d in entry.dates
        ],
        "defects": [getattr(defect, language) for defect in entry.defects],
        "notes": getattr(entry.notes, language) if entry.notes else None,
        "repairs": [
            {
                "node": r.node,
                "url": node_url(r.node),
                "line": r.line,
                "kind": r.kind,
                "before": _visible(r.before),
                "after": _visible(r.after),
            }
            for r in repairs
        ],
        "repair_counts": labels["list_separator"].join(f"{kind} {count}" for kind, count in sorted(counts.items())),
        "variants": [
            {
                "node": v.node,
                "url": relative(PAGE, site.page_of(v.node.split("/")[0], v.article), anchor(v.paragraph, v.item)),
                "kind": v.kind,
                "printed": v.printed,
                "reading": v.reading,
            }
            for v in site.corpus.variants
            if v.witness == entry.id
        ],
    }


def _visible(text: str) -> str:
    """White space a repair added or removed, made visible: a line break as ↵, a space as ·."""
    return text.replace("\n", "↵").replace(" ", "·").replace("\u3000", "□") or "∅"
