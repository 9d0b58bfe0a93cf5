"""Data for programs and reference managers: one JSON file per article at a stable address, a CSL-JSON citation
for every article, and llms.txt.

Reads: the export (generator/exports/export.py corpus_json: the article, its alignment, notes and references, exactly
as corpus.json has them) and the catalogue (titles, dates, issuing bodies). Writes: api/<document>/<n>.json,
api/<document>/<n>.csl.json and llms.txt (paths under docs/; generator/build.py writes them).
"""

from __future__ import annotations

import json
from typing import Any

from generator.corpus.sources import Corpus, DocumentEntry
from generator.render.locale import LOCALES
from generator.render.site import Site
from generator.render.urls import page_of, relative

API_VERSION = 1


def _dates(corpus: Corpus, entry: DocumentEntry) -> dict[str, str]:
    return {stated.event: stated.date.isoformat() for stated in corpus.catalogue.witness(entry.printed).dates}


def article_files(corpus: Corpus, export: dict[str, Any], site_url: str) -> dict[str, str]:
    """api/<document>/<n>.json for every article of every document: the article (text by paragraph and item
    in both languages, its caption), its alignment, notes, references and citations, all as in corpus.json."""
    files: dict[str, str] = {}
    base = site_url.rstrip("/") + "/"
    for document in export["documents"]:
        entry = corpus.catalogue.document(document["id"])
        for chapter in document["chapters"]:
            for article in chapter["articles"]:
                number = article["number"]
                article_id = article["id"]
                data = {
                    "api_version": API_VERSION,
                    "id": article_id,
                    "document": {"id": entry.id, "title": {"zh": entry.title.zh, "en": entry.title.en}, "dates": _dates(corpus, entry)},
                    "chapter": {"number": chapter["number"], "title": chapter["title"]},
                    "article": article,
                    "alignment": [
                        link
                        for link in export["alignment"]
                        if number in link.get(document["id"], []) and document["id"] in corpus.catalogue.edition.compared
                    ],
                    "notes": [
                        note for note in export["notes"] if note["target"] == article_id or note["target"].startswith(article_id + "/")
                    ],
                    "references": [
                        ref for ref in export["references"] if _within(ref["from"], article_id) or _within(ref["to"], article_id)
                    ],
                    "citations": {
                        language: LOCALES[language].citation(getattr(entry.title, language), number, None, None)
                        for language in ("zh", "en")
                    },
                    "pages": {
                        language: base
                        + ("" if language == "zh" else "en/")
                        + relative("index.md", page_of(entry.id, number, corpus.catalogue.edition.after))
                        for language in ("zh", "en")
                    },
                }
                files[f"api/{entry.id}/{number}.json"] = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
                files[f"api/{entry.id}/{number}.csl.json"] = (
                    json.dumps(csl_items(corpus, entry, article, data["pages"]), ensure_ascii=False, indent=1) + "\n"
                )
    return files


def _within(node: str, article_id: str) -> bool:
    return node == article_id or node.startswith(article_id + "/")


def csl_items(corpus: Corpus, entry: DocumentEntry, article: dict[str, Any], pages: dict[str, str]) -> list[dict[str, Any]]:
    """The article as CSL-JSON `legislation` items, one per language: title, section, issuing body, date, address."""
    dates = _dates(corpus, entry)
    issued = dates.get("adopted") or dates.get("published")
    items = []
    for language, locale in LOCALES.items():
        code = locale.tag
        caption = (article.get("caption") or {}).get(language)
        item: dict[str, Any] = {
            "id": f"{entry.id}-{article['number']}-{language}",
            "type": "legislation",
            "title": getattr(entry.title, language),
            "section": locale.article_name(article["number"]) + (f" {caption}" if caption else ""),
            "URL": pages[language],
            "language": code,
        }
        if entry.authority is not None:
            item["authority"] = getattr(entry.authority, language)
        if issued:
            year, month, day = (int(part) for part in issued.split("-"))
            item["issued"] = {"date-parts": [[year, month, day]]}
        else:  # said in words: a citation processor prints "n.d.", in English whatever the language
            item["issued"] = {"literal": locale.undated}
        if language == "en":
            item["note"] = "Unofficial English translation; the Chinese text prevails."
        items.append(item)
    return items


def llms_txt(site: Site) -> str:
    """llms.txt (https://llmstxt.org): what the site is, and links to its plain data, from sources.yml."""
    base = site.settings.site_url.rstrip("/") + "/"
    corpus, edition, labels = site.corpus, site.edition, site.labels["en"]
    english = "en" in site.languages
    after = corpus.catalogue.document(edition.after)
    made = site.version(edition.after)
    event = f", {labels['version']['events'][made.event].format(date=site.locale('en').date(made.date))}" if made else ""
    summary = f"> The 《{after.title.zh}》 ({after.title.en}{event}): {labels['llms_pair']} compared article by article"
    if english:
        summary += ", with an unofficial English translation, editorial notes, cross-references to the national laws it implements"
    if corpus.catalogue.others:
        summary += ", and " + ", ".join(corpus.catalogue.document(other).title.en for other in corpus.catalogue.others) + " for comparison"
    lines = [
        f"# {edition.title.en}",
        "",
        summary + ". The Chinese text prevails.",
        "",
        "Every article is also data: one JSON file per article (text by paragraph and item"
        + (" in Chinese and English" if english else "")
        + f", {labels['llms_alignment']}, notes, references and citations) and a CSL-JSON citation.",
        "",
        "## Data",
        "",
        f"- [The whole corpus]({base}downloads/corpus.json): every document, the alignment, notes, references"
        " and the national laws' cited provisions (JSON)",
    ]
    if after.akn is not None:
        language, languages = ("en", "Chinese and English") if english else ("zh", "Chinese")
        lines.append(f"- [Akoma Ntoso 3.0]({base}downloads/akn/{after.id}.{language}.xml): each document in {languages} (downloads/akn/)")
    lines.append(f"- [Concordance]({base}downloads/concordance.csv): {labels['llms_rows']} (CSV)")
    for entry in corpus.catalogue.documents:
        count = len(corpus.document(entry.id).articles)
        lines.append(
            f"- {entry.title.en} ({entry.title.zh}): {base}api/{entry.id}/1.json … {base}api/{entry.id}/{count}.json (and .csl.json)"
        )
    short = corpus.catalogue.document(edition.after).short_name("en")
    lines += ["", "## Pages", "", f"- [{short}, Chinese]({base}articles/)"]
    if english:
        lines.append(f"- [{short}, English]({base}en/articles/)")
    prefix = "en/" if english else ""
    lines += [f"- [Key changes]({base}{prefix}changes/)", f"- [Downloads and formats]({base}{prefix}downloads/)", ""]
    return "\n".join(lines)
