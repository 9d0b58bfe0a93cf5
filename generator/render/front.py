"""The site's front pages: the home page, About, downloads and the glossary — what says what the edition is
and what it holds, from sources.yml and the annotations.

Reads: the `Site`. Writes: each page's Markdown (generator/render/pages.py lists them).
"""

from __future__ import annotations

from generator.compare.align import RELATIONS
from generator.corpus.sources import DocumentEntry
from generator.render.env import render
from generator.render.locale import LANGUAGES
from generator.render.site import Site
from generator.render.urls import glossary_anchor


def home(site: Site, language: str) -> str:
    events = site.events
    counted = site.alignment.counts()
    counts = [(relation, counted[relation]) for relation in RELATIONS if counted[relation]]
    return render(
        "home.md.j2",
        **site.context(language, "index.md"),
        events=events,
        draft=site.corpus.before,
        final=site.corpus.after,
        counts=counts,
        documents=site.corpus.catalogue.documents,
        others=_others(site, language),
        languages=site.languages,
    )


DOWNLOADS = [  # (label key, path under docs/; {after} is the later text's id, {sample} its sample article)
    ("corpus", "downloads/corpus.json"),
    ("concordance", "downloads/concordance.csv"),
    ("docx_zh", "downloads/comparison.zh.docx"),
    ("docx_en", "downloads/comparison.en.docx"),
    ("api", "api/{after}/{sample}.json"),
    ("csl", "api/{after}/{sample}.csl.json"),
    ("akn_final", "downloads/akn/{after}.zh.xml"),
    ("akn_all", "downloads/akn/{after}.en.xml"),
    ("llms", "llms.txt"),
]


def downloads(site: Site, language: str, sizes: dict[str, int]) -> str:
    """The downloads page: each format, what it holds, its format and its size (of the files as built)."""
    page = "downloads.md"
    depth = "../" if language == LANGUAGES[0] else "../../"
    items = []
    for key, pattern in DOWNLOADS:
        path = pattern.format(after=site.after, sample=site.sample_article)
        if ".en." in path and "en" not in site.languages:
            continue  # a Chinese-only edition has no English downloads
        name, what, schema = site.labels[language]["formats"][key]
        size = sizes.get(path)
        items.append({"name": name, "what": what, "schema": schema, "href": depth + path, "size": f"{size / 1024:.0f} KB" if size else "—"})
    return render("downloads.md.j2", **site.context(language, page), items=items)


def glossary(site: Site, language: str) -> str:
    terms = [
        {
            "anchor": glossary_anchor(term.en),
            "zh": term.zh,
            "en": term.en,
            "also": term.also,
            "definition": term.meaning(language),
            "note": getattr(term.note, language) if term.note else None,
        }
        for index, term in enumerate(sorted(site.annotations.glossary, key=lambda t: t.en.lower()), start=1)
    ]
    return render("glossary.md.j2", **site.context(language, "glossary.md"), terms=terms)


def about(site: Site, language: str) -> str:
    catalogue = site.corpus.catalogue
    coverage = [(getattr(entry.title, language), *site.annotations.coverage(entry.id)) for entry in catalogue.documents]
    titles = [entry.title.zh for entry in catalogue.documents]

    def shared(entry: DocumentEntry) -> bool:  # two versions of one law have one title: tell them by their short names
        return titles.count(entry.title.zh) > 1

    texts = [
        {
            "title": getattr(entry.title, language)
            + (
                f"{'（' if language == 'zh' else ' ('}{entry.short_name(language)}{'）' if language == 'zh' else ')'}"
                if shared(entry)
                else ""
            ),
            "copies": [
                {"id": w.id, "kind": getattr(w.kind, language), "printed": w.id == entry.printed}
                for w in catalogue.witnesses
                if w.document == entry.id
            ],
        }
        for entry in catalogue.documents
    ]
    locale = site.locale(language)
    for text in texts:
        text["count"] = locale.count(len(text["copies"]))
    copies = locale.count(sum(len(text["copies"]) for text in texts))
    return render(
        f"about.{language}.md.j2",
        copies=copies,
        **site.context(language, "about.md"),
        coverage=coverage,
        texts=texts,
        others=_others(site, language),
        before_date=site.version_date(site.before, language),
        reviewed=bool(site.annotations.reviewed),
        languages=site.languages,
    )


def _others(site: Site, language: str) -> str:
    """The documents shown beside the two compared, by title: 黑龙江省促进数字经济条例（征求意见稿）."""
    titles = [getattr(site.corpus.catalogue.document(other).title, language) for other in site.corpus.catalogue.others]
    return site.locale(language).comma.join(titles)
