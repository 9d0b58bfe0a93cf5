"""The national laws' pages (法条联想): an index of the laws, and a page per law with each provision the texts
cite, its text, and every local provision that implements or cites it — the reverse of the references.

Reads: the `Site` (the laws' texts, their translations, the references). Writes: laws/index.md and
laws/<id>.md (via pages.py). The same reverse map as data is generator/exports/export.py's `laws_json`.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from generator.annotations.apparatus import Law, PlacedReference
from generator.render.apparatus import article_status, law_version, renumbered, target_link, target_name
from generator.render.columns import lines_of
from generator.render.env import render
from generator.render.site import Site
from generator.render.urls import law_anchor, law_page


def cited_laws(site: Site) -> list[Law]:
    """The laws whose text the site holds, in the order of annotations/laws.yml."""
    return [law for law in site.annotations.apparatus.laws if law.source is not None and law.source in site.corpus.laws]


def references_to(site: Site, law: Law) -> tuple[list[PlacedReference], dict[int, list[PlacedReference]]]:
    """The references to the law as a whole, and those to each of its articles (by article number)."""
    whole: list[PlacedReference] = []
    by_article: dict[int, list[PlacedReference]] = defaultdict(list)
    for reference in site.annotations.apparatus.references:
        target = reference.target
        if target.law is None or target.law.id != law.id:
            continue
        if target.law_article is None:
            whole.append(reference)
        else:
            by_article[target.law_article].append(reference)
    return whole, dict(sorted(by_article.items()))


def _local(site: Site, reference: PlacedReference, language: str, page: str) -> dict[str, Any]:
    """A local provision that refers to the law, as the law's page lists it."""
    source = reference.source
    caption = site.caption(source.document, source.article, language) if source.document and source.article else ""
    paragraph = reference.target.law_paragraph
    name = target_name(site, source, language)
    if source.document == site.after:  # on a law's page, 第四十五条 alone would read as the law's own article
        name = site.labels[language]["final_short"] + ("" if language == "zh" else ", ") + name
    return {
        "kind": reference.kind,
        "name": name + (f" {caption}" if caption else ""),
        "url": target_link(site, source, page),
        "paragraph": site.locale(language).where(paragraph) if paragraph else "",
        "judgement": reference.judgement,
        "why": getattr(reference.why, language) if reference.why else "",
    }


def law_view(site: Site, law: Law, language: str, page: str) -> dict[str, Any]:
    assert law.source is not None
    text = site.corpus.laws[law.source]
    whole, by_article = references_to(site, law)
    provisions: list[dict[str, Any]] = []
    translated = True
    for number, references in by_article.items():
        article = text.article(number)
        shown = lines_of(article, english=site.english(language))
        translated = translated and all(line.lang == language for line in shown)
        provisions.append(
            {
                "number": number,
                "anchor": law_anchor(number),
                "name": site.locale(language).article_name(number) + renumbered(site, law, number, language),
                "now": article_status(site, law, number, language),
                "lines": [(line, law_anchor(number, line.paragraph) if not line.item else "") for line in shown],
                "original": lines_of(article) if shown and shown[0].lang != "zh" else [],
                "cited_by": [_local(site, reference, language, page) for reference in references],
            }
        )
    entry = site.corpus.catalogue.law(law.source)
    assert entry is not None
    return {
        "id": law.id,
        "title": getattr(law, language),
        "short": entry.short_name(language),
        "version": law_version(site, law, language),
        "amendments": [
            {
                "title": getattr(amendment.title, language),
                "adopted": site.locale(language).date(amendment.adopted),
                "in_force": site.locale(language).date(amendment.in_force),
                "known": getattr(amendment.known, language),
                "not_verified": getattr(amendment.not_verified, language),
                "sources": amendment.sources,
            }
            for amendment in law.amendments
        ],
        "whole": [_local(site, reference, language, page) for reference in whole],
        "provisions": provisions,
        "translated": translated,
    }


def laws_index(site: Site, language: str) -> str:
    page = "laws/index.md"
    views = [law_view(site, law, language, page) for law in cited_laws(site)]
    return render("laws.md.j2", **site.context(language, page), laws=views)


def law(site: Site, law: Law, language: str) -> str:
    page = law_page(law.id)
    return render("law.md.j2", **site.context(language, page), law=law_view(site, law, language, page))
