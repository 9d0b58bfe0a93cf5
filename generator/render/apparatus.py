"""What an article page shows under its text, as views for the templates: editorial notes, variant readings,
cross-references with the other provision's text, backlinks, citations and the edit link.

Reads: the annotations' apparatus (notes and references, resolved), the collation's variants. Writes: dicts
for templates/_apparatus.md.j2 and _notes.md.j2; names and links of targets for the other pages.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup, escape

from generator.annotations.amendments import current_number
from generator.annotations.apparatus import Law, PlacedNote, PlacedReference, Target, note_html
from generator.corpus.model import Article
from generator.render.columns import Line, lines_of
from generator.render.locale import LANGUAGES
from generator.render.site import Site
from generator.render.urls import anchor, chapter_page, law_anchor, law_page, parse_anchor, relative


def target_name(site: Site, target: Target, language: str) -> str:
    """第十二条第二款 / Article 12(2); 《数据安全法》第二十一条 / Data Security Law, Article 21."""
    locale = site.locale(language)
    if target.law is not None:
        name = locale.law_name(getattr(target.law, language), target.law_article) + locale.subdivision(target.law_paragraph)
        return name + renumbered(site, target.law, target.law_article, language)
    assert target.document is not None
    title = getattr(site.corpus.catalogue.document(target.document).title, language)
    if target.chapter is not None:
        return f"{title} · " + site.chapter_name(site.documents[target.document].chapters[target.chapter - 1], language)
    if target.article is None:
        return str(title)
    subdivision = locale.subdivision(*parse_anchor(target.anchor)) if target.anchor else ""
    return site.article_name(target.document, target.article, language) + subdivision


def where(site: Site, place: str, language: str) -> str:
    """p2-3 -> 第二款第三项 / paragraph 2, item 3; '' for the whole article."""
    return site.locale(language).where(*parse_anchor(place)) if place else ""


def target_page(site: Site, target: Target) -> tuple[str, str]:
    """The page (under the language folder) and anchor a target of one of the texts is shown at."""
    assert target.document is not None
    if target.article is not None:
        return site.page_of(target.document, target.article), target.anchor
    if target.chapter is not None and target.document == site.after:
        return chapter_page(target.chapter), ""
    return site.index_of(target.document), ""


def target_link(site: Site, target: Target, page: str) -> str | None:
    """A link from `page` to the target: a law's page on this site where its text is here (at the article
    cited), else its own address (if known); a provision of the texts: the page it is shown at."""
    if target.law is not None:
        if target.law.source is not None:
            return relative(page, law_page(target.law.id), law_anchor(target.law_article, target.law_paragraph))
        return target.law.url
    return relative(page, *target_page(site, target))


def law_lines(site: Site, target: Target, language: str) -> list[Line]:
    """The text of a cited national provision (an article, or one paragraph of it): English on English pages
    where the team has translated it all, else Chinese."""
    if target.law is None or target.law.source is None or target.law_article is None:
        return []
    article = site.corpus.laws[target.law.source].article(target.law_article)
    wanted = [target.law_paragraph] if target.law_paragraph else None
    return lines_of(article, wanted, site.english(language))


def law_version(site: Site, law: Law, language: str, article: int | None = None) -> str:
    """Which text of a law the site quotes (the date its copy states it was adopted, and the copy), what became
    of the law since (amended, or no amendment known as of the editors' last look) and, for a cited article,
    what it is now."""
    assert law.source is not None
    labels, locale = site.labels[language], site.locale(language)
    entry = site.corpus.catalogue.law(law.source)
    assert entry is not None
    witness = site.corpus.catalogue.witness(entry.printed)
    adopted = next((stated.date for stated in witness.dates if stated.event == "adopted"), None)
    when = locale.date(adopted) if adopted else locale.undated
    sentences = [str(labels["law_version"]).format(title=getattr(entry.title, language), date=when, witness=witness.id)]
    if law.amendments:
        latest = max(law.amendments, key=lambda amendment: amendment.in_force)
        decision, adopted_on, in_force = getattr(latest.title, language), locale.date(latest.adopted), locale.date(latest.in_force)
        sentences.append(str(labels["law_amended"]).format(decision=decision, adopted=adopted_on, in_force=in_force))
        if latest.renumbering:
            sentences.append(str(labels["law_renumbered"]))
    elif law.checked is not None:
        sentences.append(str(labels["law_not_amended"]).format(checked=locale.date(law.checked)))
    else:
        sentences.append(str(labels["law_later_unknown"]))
    if article is not None and (now := article_status(site, law, article, language)):
        sentences.append(now)
    return locale.sentence_separator.join(sentences)


def article_status(site: Site, law: Law, article: int, language: str) -> str:
    """What a cited article of an amended law is now: its number and whether its words changed, as far as the
    editors' record of the amendment establishes them; empty where the law was not amended."""
    current = current_number(law.amendments, article)
    if current is None:
        return ""
    labels, locale = site.labels[language], site.locale(language)
    if current.number is None:
        return str(labels["law_article_unknown"])
    wording = labels["law_wording_unchanged"] if current.wording == "unchanged" else getattr(current.change, language, "")
    name = locale.article_name(current.number)
    return str(labels["law_article_now"]).format(date=locale.date(current.amendment.in_force), name=name, wording=wording)


def renumbered(site: Site, law: Law, article: int | None, language: str) -> str:
    """（2026年1月1日起为第五十三条） / (Article 53 from 1 January 2026) after a cited article whose number changed;
    where the new number is not established, that; nothing where the law was not amended or the number stayed."""
    if article is None:
        return ""
    current = current_number(law.amendments, article)
    if current is None or current.number == article:
        return ""
    labels, locale = site.labels[language], site.locale(language)
    day = locale.date(current.amendment.in_force)
    if current.number is None:
        return str(labels["law_now_unknown"]).format(date=day)
    return str(labels["law_now"]).format(date=day, name=locale.article_name(current.number))


def note_page(site: Site, placed: PlacedNote) -> tuple[str, str]:
    """The page a note is shown on and its anchor there."""
    target = placed.target
    assert target.document is not None
    if target.article is not None:
        return site.page_of(target.document, target.article), f"note-{placed.note.id}"
    if target.chapter is not None and target.document == site.after:
        return chapter_page(target.chapter), f"note-{placed.note.id}"
    if target.chapter is not None:
        return site.index_of(target.document), f"note-{placed.note.id}"  # under the chapter's heading in the whole text
    return "concordance.md", f"note-{placed.note.id}"


def links_from(site: Site, page: str) -> Callable[[str], str]:
    """Turns an id in a note into a link from `page`."""
    return lambda text: target_link(site, site.resolve(text), page) or "#"


def citation(site: Site, document_id: str, article: Article, place: str, language: str) -> str:
    """《石家庄市数字经济促进条例》第十二条第二款 / Shijiazhuang Municipal Regulations on Promoting the Digital
    Economy, art. 12(2). A one-paragraph article is cited as the article."""
    title = getattr(site.corpus.catalogue.document(document_id).title, language)
    paragraph, item = parse_anchor(place) if place else (None, None)
    if len(article.paragraphs) == 1 and item is None:
        paragraph = None
    return site.locale(language).citation(title, article.number, paragraph, item)


def version(site: Site, document_id: str, language: str) -> str:
    """Which text a citation quotes, for a memo: the document and the dates its printed copy states
    (终稿，2023年10月26日通过，2023年11月30日批准 / final text, adopted 26 October 2023, …)."""
    labels = site.labels[language]["version"]
    entry = site.corpus.catalogue.document(document_id)
    role = {site.after: "after", site.before: "before"}.get(document_id)
    name = labels["names"][role] if role else getattr(entry.title, language)
    stated = site.corpus.catalogue.witness(entry.printed).dates
    events = [labels["events"][d.event].format(date=site.locale(language).date(d.date)) for d in stated if d.event in labels["events"]]
    text = labels["separator"].join([name, *events]) if events else labels["undated"].format(name=name)
    return str(text + labels["translated"]) if language == "en" else str(text)


def note_view(site: Site, placed: PlacedNote, language: str, page: str) -> dict[str, Any]:
    note = placed.note
    return {
        "id": note.id,
        "kind": note.kind,
        "on": where(site, placed.target.anchor, language),
        "anchor": placed.target.anchor,
        "html": Markup(note_html(getattr(note, language), links_from(site, page))),
        "author": note.author,
        "date": site.locale(language).date(note.date),
        "iso_date": note.date.isoformat(),
        "sources": [{"title": source.title, "url": source.url} for source in note.sources],
    }


def variant_notes(site: Site, article: Article, language: str) -> list[dict[str, Any]]:
    """The other witnesses' readings of this article, from the collation."""
    labels = site.labels[language]
    printed = site.corpus.catalogue.document(site.after).printed
    notes = []
    for index, variant in enumerate(v for v in site.corpus.variants if v.node.startswith(article.id + "/")):
        witness = site.corpus.catalogue.witness(variant.witness)
        place = anchor(variant.paragraph, variant.item)
        sentence = labels["variant_reading"].format(
            witness=variant.witness,
            kind=escape(getattr(witness.kind, language)),
            reading=escape(variant.reading),
            printed=printed,
            printed_reading=escape(variant.printed),
        )
        notes.append(
            {
                "id": f"variant-{variant.witness}-{index + 1}",
                "kind": "variant",
                "on": where(site, place, language),
                "anchor": place,
                "html": Markup(f"<p>{sentence}</p>"),
                "author": labels["collation"],
                "date": "",
                "iso_date": "",
                "sources": [{"title": f"sources/{witness.file}", "url": None}],
            }
        )
    return notes


def reference_view(site: Site, reference: PlacedReference, other: Target, language: str, page: str) -> dict[str, Any]:
    """One cross-reference as a row: its kind, where it starts, the other end (with its text, for a
    provision of one of the texts, in the reader's language)."""
    text: list[Line] = []
    title = None
    version = ""
    if other.law is not None:
        text = law_lines(site, other, language)
        version = law_version(site, other.law, language, other.law_article) if text and other.law.source else ""
    elif other.document is not None and other.article is not None:
        article = site.documents[other.document].article(other.article)
        wanted = [parse_anchor(other.anchor)[0]] if other.anchor else None
        text = lines_of(article, wanted, site.english(language))
        title = site.article_title(article, language)
    return {
        "kind": reference.kind,
        "from": where(site, reference.source.anchor, language),
        "from_anchor": reference.source.anchor,
        "name": target_name(site, other, language),
        "title": title,
        "url": target_link(site, other, page),
        "lines": text,
        "law": other.law is not None,
        "version": version,
        "judgement": reference.judgement,
        "why": getattr(reference.why, language) if reference.why else "",
    }


def apparatus(site: Site, document_id: str, article: Article, language: str, page: str) -> dict[str, Any]:
    """What the article page shows under the text: notes, cross-references, backlinks, citations, edit link."""
    placed = site.annotations.apparatus
    notes = [note_view(site, note, language, page) for note in placed.notes_on(document_id, article.number)]
    if document_id == site.after:
        notes += variant_notes(site, article, language)
    places = [anchor(p.number) for p in article.paragraphs] + [anchor(p.number, i.number) for p in article.paragraphs for i in p.items]
    return {
        "notes": notes,
        "references": [reference_view(site, r, r.target, language, page) for r in placed.references_from(document_id, article.number)],
        "backlinks": [reference_view(site, r, r.source, language, page) for r in placed.references_to(document_id, article.number)],
        "citations": {other: citation(site, document_id, article, "", other) for other in ("zh", "en")},
        "paragraph_citations": {place: citation(site, document_id, article, place, language) for place in places},
        "version": version(site, document_id, language),
        "data_links": {
            kind: "../" * (page.count("/") + 1 + (language != LANGUAGES[0])) + f"api/{document_id}/{article.number}{suffix}"
            for kind, suffix in (("csl", ".csl.json"), ("json", ".json"))
        },
        "edit": f"{site.repository}/edit/main/annotations/{document_id}/{article.number}.yml" if site.repository else None,
    }
