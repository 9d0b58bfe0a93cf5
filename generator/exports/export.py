"""Data downloads: the whole corpus as JSON, the concordance as CSV, and what the search box knows of the texts.

Reads: the corpus and the alignment. Writes: plain data (dicts, CSV text) for `python -m generator export`
and for the site's downloads. `en` is null where a unit is not yet translated.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date
from typing import Any

from generator.annotations.amendments import Amendment, current_number
from generator.annotations.annotate import Annotations
from generator.annotations.apparatus import PlacedReference
from generator.compare.align import Alignment, Link
from generator.compare.changes import changes, removals
from generator.corpus.model import Article
from generator.corpus.sources import Corpus
from generator.render.searchtext import document_word
from generator.render.urls import folder


def _article(article: Article, english: Callable[[str], str | None], annotations: Annotations) -> dict[str, Any]:
    caption = annotations.captions.get(article.id)
    return {
        "id": article.id,
        "number": article.number,
        "title": article.title if article.title is None else {"zh": article.title, "en": english(f"{article.id}/title")},
        "caption": {"zh": caption.zh, "en": caption.en, "editorial": True} if caption else None,
        "paragraphs": [
            {
                "id": paragraph.id,
                "zh": paragraph.text,
                "en": english(paragraph.id),
                "items": [{"id": item.id, "zh": item.text, "en": english(item.id)} for item in paragraph.items],
            }
            for paragraph in article.paragraphs
        ],
    }


def laws_json(corpus: Corpus, annotations: Annotations) -> list[dict[str, Any]]:
    """The national laws whose text is here, each provision the texts cite, and what cites it (the reverse map)."""
    found = []
    for law in annotations.apparatus.laws:
        entry = corpus.catalogue.law(law.source) if law.source else None
        if entry is None:
            continue
        text = corpus.laws[entry.id]
        references = [r for r in annotations.apparatus.references if r.target.law is not None and r.target.law.id == law.id]
        cited = sorted({r.target.law_article for r in references if r.target.law_article is not None})
        witness = corpus.catalogue.witness(entry.printed)
        found.append(
            {
                "id": law.id,
                "title": {"zh": law.zh, "en": law.en},
                "text": {
                    "witness": witness.id,
                    "file": f"sources/{witness.file}",
                    "dates": {stated.event: stated.date.isoformat() for stated in witness.dates},
                },
                "amendments": [_amendment_json(amendment) for amendment in law.amendments],
                "no_amendment_known_as_of": law.checked.isoformat() if law.checked and not law.amendments else None,
                "referenced_as_a_whole_by": [{"from": r.source.id, "kind": r.kind} for r in references if r.target.law_article is None],
                "provisions": [
                    {
                        "article": number,
                        "now": _now_json(law.amendments, number),
                        "paragraphs": [
                            {
                                "number": p.number,
                                "zh": p.text,
                                "en": annotations.english(p.id),
                                "items": [{"zh": i.text, "en": annotations.english(i.id)} for i in p.items],
                            }
                            for p in text.article(number).paragraphs
                        ],
                        "referenced_by": [
                            {"from": r.source.id, "kind": r.kind, "paragraph": r.target.law_paragraph}
                            for r in references
                            if r.target.law_article == number
                        ],
                    }
                    for number in cited
                ],
            }
        )
    return found


def _reference_json(reference: PlacedReference) -> dict[str, Any]:
    """A cross-reference; one to an amended law's article says what that article is now (`to_now`)."""
    found: dict[str, Any] = {"from": reference.source.id, "to": reference.target.id, "kind": reference.kind}
    law, article = reference.target.law, reference.target.law_article
    if law is not None and article is not None and law.amendments:
        found["to_now"] = _now_json(law.amendments, article)
    return found


def _reviewed(link: Link, annotations: Annotations, after: str) -> date | None:
    """The day the editors reviewed a compared pair's kinds of change (None for a pair not compared)."""
    return annotations.reviewed.get(f"{after}/{link.final[0]}") if link.draft and link.final else None


def _amendment_json(amendment: Amendment) -> dict[str, Any]:
    return {
        "title": {"zh": amendment.title.zh, "en": amendment.title.en},
        "adopted": amendment.adopted.isoformat(),
        "in_force": amendment.in_force.isoformat(),
        "known": {"zh": amendment.known.zh, "en": amendment.known.en},
        "not_verified": {"zh": amendment.not_verified.zh, "en": amendment.not_verified.en},
        "renumbering": [span.model_dump(exclude_none=True) for span in amendment.renumbering],
    }


def _now_json(amendments: list[Amendment], article: int) -> dict[str, Any] | None:
    """A cited article after the latest amendment: its number (null where not established) and whether its
    wording changed; null where the law was not amended."""
    current = current_number(amendments, article)
    if current is None:
        return None
    return {"article": current.number, "since": current.amendment.in_force.isoformat(), "wording": current.wording}


def corpus_json(corpus: Corpus, alignment: Alignment, annotations: Annotations) -> dict[str, Any]:
    english = annotations.english
    found = changes(alignment, corpus.before, corpus.after, annotations.corrections)
    compared = corpus.catalogue.edition.compared
    before, after = compared
    documents = []
    for entry in corpus.catalogue.documents:
        document = corpus.document(entry.id)
        documents.append(
            {
                "id": entry.id,
                "title": {"zh": entry.title.zh, "en": entry.title.en},
                "witness": entry.printed,
                "chapters": [
                    {
                        "number": chapter.number,
                        "title": {"zh": chapter.title, "en": english(chapter.id)},
                        "articles": [_article(article, english, annotations) for article in chapter.all_articles()],
                    }
                    for chapter in document.chapters
                ],
            }
        )
    return {
        "documents": documents,
        "alignment": [
            {
                after: list(link.final),
                before: list(link.draft),
                "relation": link.relation,
                "similarity": link.similarity,
                "curated": link.curated,
                "changed": link.changed,
                "changes": [
                    {"kind": c.kind, "where": c.where, "evidence": c.evidence, "by": c.by}
                    | ({"why": {"zh": c.why.zh, "en": c.why.en}} if c.why else {})
                    for c in found.get(link, [])
                ],
                "removed_by_editors": [
                    {"kind": fix.kind, "where": fix.where, "why": {"zh": fix.why.zh, "en": fix.why.en} if fix.why else None}
                    for fix in removals(link, annotations.corrections, compared)
                ],
                "reviewed": reviewed.isoformat() if (reviewed := _reviewed(link, annotations, after)) else None,
                "clauses_from_other_articles": [
                    {after: c.final, before: c.draft, "words": c.words}
                    for c in annotations.second_sources
                    if any(c.final.startswith(f"{after}/{number}/") for number in link.final)
                ],
            }
            for link in alignment.links
        ],
        "notes": [
            {
                "target": placed.target.id,
                "id": placed.note.id,
                "kind": placed.note.kind,
                "zh": placed.note.zh,
                "en": placed.note.en,
                "author": placed.note.author,
                "date": placed.note.date.isoformat(),
                "sources": [{"title": source.title, "url": source.url} for source in placed.note.sources],
            }
            for placed in annotations.apparatus.notes
        ],
        "references": [_reference_json(reference) for reference in annotations.apparatus.references],
        "laws": laws_json(corpus, annotations),
    }


def search_data(corpus: Corpus, annotations: Annotations, labels: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """What the search box knows beside Pagefind's index (docs/assets/search.js): each document's folder, names
    and structure (how many items each paragraph of each article has: to send a citation to its paragraph, or say
    it does not exist), the glossary (to search across languages) and the search box's words."""
    documents = []
    for position, entry in enumerate(corpus.catalogue.documents):
        document = corpus.document(entry.id)
        documents.append(
            {
                "id": entry.id,
                "word": document_word(position),
                "folder": folder(entry.id, corpus.catalogue.edition.after),
                "title": {"zh": entry.title.zh, "en": entry.title.en},
                "prefix": {"zh": entry.prefix.zh, "en": entry.prefix.en},
                "short": {"zh": entry.short_name("zh"), "en": entry.short_name("en")},
                "aliases": list(entry.aliases),
                "articles": {
                    str(article.number): [len(paragraph.items) for paragraph in article.paragraphs] for article in document.articles
                },
                "captions": {
                    str(article.number): {"zh": caption.zh, "en": caption.en}
                    for article in document.articles
                    if (caption := annotations.captions.get(article.id))
                },
            }
        )
    glossary = [{"zh": term.chinese, "en": [term.en, *term.forms]} for term in annotations.glossary]
    vocabulary = annotations.vocabulary
    synonyms = [{"zh": group.zh, "en": group.en} for group in vocabulary.synonyms]
    concepts = [
        {"zh": concept.name.zh, "en": concept.name.en, "targets": [t.id for t in concept.targets]} for concept in vocabulary.concepts
    ]
    return {
        "documents": documents,
        "glossary": glossary,
        "synonyms": synonyms,
        "concepts": concepts,
        "labels": {language: labels[language]["search"] for language in labels},
    }


def concordance_columns(compared: tuple[str, str]) -> list[str]:
    """The concordance's header, named by the documents' ids: final_article, draft_articles, … here."""
    before, after = compared
    return [f"{after}_article", f"{before}_articles", "relation", "similarity", "curated", "changed"]


def concordance_rows(alignment: Alignment) -> list[list[str]]:
    """One row per article of the later text (a split gives each of its articles a row), then one per deleted
    article of the earlier; `-` where there is no article."""
    rows = []
    for link in alignment.links:
        drafts = ",".join(map(str, link.draft)) or "-"
        facts = [link.relation, f"{link.similarity:.3f}", str(link.curated).lower(), str(link.changed).lower()]
        for final in link.final or ("-",):
            rows.append([str(final), drafts, *facts])
    return rows


def concordance_csv(alignment: Alignment, compared: tuple[str, str]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(concordance_columns(compared))
    writer.writerows(concordance_rows(alignment))
    return buffer.getvalue()
