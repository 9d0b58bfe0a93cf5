"""The corpus: `sources/sources.yml` and the source files it describes, parsed and collated once.

Reads: sources/sources.yml and each source file it names. Writes: a `Corpus` — the catalogue, every witness
parsed, the printed witness of each document, and the variant readings of the other witnesses.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import Field

from generator.corpus.collate import Variant, collate
from generator.corpus.layout import read_source
from generator.corpus.model import Document
from generator.corpus.parse import parse_lines
from generator.errors import InputError, ParseError, Problem, SourceError
from generator.strict import Bilingual, BilingualName, MaybeName, Name, Prose, Strict
from generator.yamlfile import read, validate

CATALOGUE = Path("sources") / "sources.yml"


class Expected(Strict):
    """Counts a document must parse to: a check against silent under-parsing."""

    chapters: int = Field(ge=0)
    articles: int = Field(ge=1)


class ArticlePrefix(Strict):
    """What goes before 第十二条 / Article 12 when an article of this document is named on the site."""

    zh: MaybeName = ""
    en: MaybeName = ""


class Fact(Strict):
    """One line of the "what this text is" panel on a document's pages: what a witness states (its line and
    words, checked) or, where no line states it, the editors' reading of the sources, with their reason."""

    label: BilingualName = Field(description="e.g. {zh: 通过机关, en: Adopted by}")
    value: Bilingual
    witness: str | None = Field(default=None, description="The witness whose line states it")
    line: int | None = Field(default=None, ge=1)
    quote: Prose | None = Field(default=None, description="The source's words, exactly as on that line")
    reading: Bilingual | None = Field(default=None, description="Where no line states it: why the editors say so")


class AknName(Strict):
    """Where a document sits in Akoma Ntoso: /akn/cn-sjz/act/…/digital-economy-promotion, /akn/cn/act/…/statistics."""

    locality: str = Field(
        default="", pattern=r"^([a-z][a-z0-9-]*)?$", description="e.g. sjz for Shijiazhuang; empty for a national law (/akn/cn/…)"
    )
    type: Literal["act", "bill"] = Field(default="act", description="act for a text adopted or in force, bill for a draft")
    name: str = Field(pattern=r"^[a-z][a-z0-9-]*$", description="The work's name in its URI, e.g. statistics")
    date: str | None = Field(
        default=None,
        pattern=r"^\d{4}(-\d{2}-\d{2})?$",
        description="The work's date where the text states no adoption or publication: the editors' decision",
    )


class DocumentEntry(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$", description="Stable id used in URLs and annotation targets")
    title: BilingualName
    printed: str = Field(description="Id of the witness the site prints for this document")
    expect: Expected
    prefix: ArticlePrefix = Field(default=ArticlePrefix(), description="e.g. {zh: 征求意见稿, en: 'Draft '}; none for the final text")
    short: BilingualName | None = Field(
        default=None,
        description="What the navigation and the home page call its whole text, e.g. {zh: 终稿全文, en: Final text}; default its title",
    )

    facts: list[Fact] = Field(default=[], description="What the text is: issuing body, kind and level, dates, status")
    authority: BilingualName | None = Field(
        default=None, description="The body that adopted or issued it, as its printed copy names it (citations, Akoma Ntoso)"
    )
    akn: AknName | None = Field(default=None, description="Its Akoma Ntoso work (documents only)")
    aliases: list[Name] = Field(default=[], description="Other names readers type for it in the search box, e.g. [草案, 征求意见稿]")

    def short_name(self, language: str) -> str:
        return str(getattr(self.short or self.title, language))


EVENTS = ("adopted", "approved", "promulgated", "amended", "revised", "published", "in-force")
Event = Literal["adopted", "approved", "promulgated", "amended", "revised", "published", "in-force"]


class StatedDate(Strict):
    """A date the source itself states, with the words that state it."""

    event: Event = Field(
        description="adopted 通过, approved 批准, promulgated 公布, amended 修正, revised 修订, published 发布 (for comment), in-force 施行"
    )
    date: date
    line: int = Field(ge=1)
    quote: Prose = Field(description="The source's words, exactly as on that line")


class ParagraphBreak(Strict):
    """A line that starts a new paragraph although the line before it is left unfinished."""

    line: int = Field(ge=1)
    why: Bilingual


class WitnessEntry(Strict):
    id: str = Field(pattern=r"^\d{3}$", description="The file's 3-digit prefix")
    file: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    document: str
    script: Literal["Hans", "Hant"]
    kind: Bilingual
    dates: list[StatedDate]
    defects: list[Bilingual]
    notes: Bilingual | None = None
    paragraph_breaks: list[ParagraphBreak] = []


class Edition(Strict):
    """What this edition is: which two documents it compares and in which roles, what further documents it
    shows beside them, its title, and its languages."""

    kind: Literal["adoption", "amendment", "revision"] = Field(
        description="adoption: a draft and the text adopted from it; amendment (修正) or revision (修订): "
        "a version and the version that amended or revised it"
    )
    before: str = Field(description="The id of the earlier document (the draft, or the older version)")
    after: str = Field(
        description="The id of the later document (the adopted text, or the newer version): its articles are at /articles/N/"
    )
    others: list[str] = Field(
        default=[],
        description="Further documents shown for comparison, in order (e.g. another city's draft); default: every other document",
    )
    title: BilingualName = Field(description="The site's name, e.g. {zh: 某某法 对照注释本, en: …, annotated}")
    languages: list[Literal["zh", "en"]] = Field(default=["zh", "en"], min_length=1, description="[zh] for a Chinese-only edition")

    @property
    def compared(self) -> tuple[str, str]:
        return self.before, self.after


class Catalogue(Strict):
    edition: Edition
    documents: list[DocumentEntry]
    laws: list[DocumentEntry] = Field(
        default=[],
        description="National laws the texts cite: parsed and counted like the documents, quoted where cited; no pages per article",
    )
    witnesses: list[WitnessEntry]

    @property
    def others(self) -> list[str]:
        """The documents shown beside the two compared: edition: others:, else every other document, in order."""
        compared = self.edition.compared
        return self.edition.others or [entry.id for entry in self.documents if entry.id not in compared]

    def law(self, law_id: str) -> DocumentEntry | None:
        return next((law for law in self.laws if law.id == law_id), None)

    def entry(self, entry_id: str) -> DocumentEntry:
        """A document's or a law's entry."""
        return self.law(entry_id) or self.document(entry_id)

    def witness(self, witness_id: str) -> WitnessEntry:
        return next(witness for witness in self.witnesses if witness.id == witness_id)

    def document(self, document_id: str) -> DocumentEntry:
        found = next((document for document in self.documents if document.id == document_id), None)
        if found is None:
            known = ", ".join(document.id for document in self.documents)
            raise InputError([Problem(str(CATALOGUE), 0, f"no document {document_id!r} (known: {known})")])
        return found


@dataclass(frozen=True)
class Corpus:
    catalogue: Catalogue
    witnesses: dict[str, Document]  # by witness id
    variants: tuple[Variant, ...]

    def document(self, document_id: str) -> Document:
        """The printed text of a document."""
        return self.witnesses[self.catalogue.document(document_id).printed]

    @property
    def before(self) -> Document:
        """The earlier of the two compared documents (the draft, or the older version)."""
        return self.document(self.catalogue.edition.before)

    @property
    def after(self) -> Document:
        """The later of the two compared documents (the adopted text, or the newer version)."""
        return self.document(self.catalogue.edition.after)

    @property
    def laws(self) -> dict[str, Document]:
        """The text of each national law in sources.yml, by its id."""
        return {law.id: self.witnesses[law.printed] for law in self.catalogue.laws}


def load_catalogue(root: Path) -> Catalogue:
    path = root / CATALOGUE
    catalogue, locate = validate(Catalogue, path)
    problems: list[Problem] = []

    def problem(location: tuple[int | str, ...], message: str, hint: str = "") -> None:
        problems.append(Problem(str(path), locate(location), message, hint))

    edition, ids = catalogue.edition, [document.id for document in catalogue.documents]
    roles = [("before", edition.before), ("after", edition.after), *((("others", i), other) for i, other in enumerate(edition.others))]
    for role, document_id in roles:
        where = ("edition", *role) if isinstance(role, tuple) else ("edition", role)
        if document_id not in ids:
            problem(where, f"edition: no document {document_id!r} under documents: (known: {', '.join(ids)})")
    named = [document_id for _, document_id in roles]
    for document_id in sorted({d for d in named if named.count(d) > 1}):
        problem(("edition",), f"edition: {document_id} is named twice (before, after and others are each a different document)")
    if edition.languages[0] != "zh":
        problem(("edition", "languages"), "an edition's first language is zh: its texts are Chinese")
    for index, document in enumerate(catalogue.documents):
        witness = next((w for w in catalogue.witnesses if w.id == document.printed), None)
        dated = witness is not None and any(d.event in ("adopted", "published") for d in witness.dates)
        if document.akn is not None and not dated and document.akn.date is None:
            message = f"{document.id}: its text states no adoption or publication date to name its Akoma Ntoso work by"
            hint = "give akn: a date: (a year, 2023, or a day, 2023-10-26), or leave akn: out to publish no Akoma Ntoso file"
            problem(("documents", index, "akn"), message, hint)
    seen: set[str] = set()
    for kind, index, document in [
        *(("documents", i, d) for i, d in enumerate(catalogue.documents)),
        *(("laws", i, d) for i, d in enumerate(catalogue.laws)),
    ]:
        if document.id in seen:
            problem((kind, index, "id"), f"duplicate document id {document.id!r}")
        if kind == "laws" and "prefix" in document.model_fields_set:
            problem((kind, index, "prefix"), f"{document.id}: a law listed under laws: has no pages of its own, so no article prefix",
                    "remove prefix:, or list the text under documents: if it is one to page")  # fmt: skip
        seen.add(document.id)
        printed = [w for w in catalogue.witnesses if w.id == document.printed and w.document == document.id]
        if not printed:
            problem((kind, index, "printed"), f"{document.id} prints witness {document.printed!r}, which is not a witness of it")
        for number, fact in enumerate(document.facts):
            where = ("documents", index, "facts", number)
            if fact.quote is None and fact.reading is None:
                problem(where, f"{document.id}: a fact needs a source line (witness, line, quote) or the editors' reading")
            elif fact.quote is not None and (fact.witness is None or fact.line is None):
                problem(where, f"{document.id}: a quoted fact needs its witness and line")
    seen = set()
    for index, witness in enumerate(catalogue.witnesses):
        if witness.id in seen:
            problem(("witnesses", index, "id"), f"duplicate witness id {witness.id!r}")
        seen.add(witness.id)
        if not witness.file.startswith(witness.id + "_"):
            problem(("witnesses", index, "file"), f"file {witness.file!r} does not start with the witness id {witness.id}_")
        if witness.document not in {document.id for document in [*catalogue.documents, *catalogue.laws]}:
            problem(("witnesses", index, "document"), f"unknown document {witness.document!r}", "add it under documents first")
        file = root / "sources" / witness.file
        if not file.is_file():
            problem(("witnesses", index, "file"), f"no such file: sources/{witness.file}")
            continue
        data = file.read_bytes()
        if hashlib.sha256(data).hexdigest() != witness.sha256:
            problem(
                ("witnesses", index, "sha256"),
                f"sources/{witness.file} is not the file as received (its sha256 differs)",
                "source files are never edited: repairs belong in the normaliser; a new copy is a new witness",
            )
        lines = data.decode("utf-8-sig", errors="replace").split("\n")
        for number, stated in enumerate(witness.dates):
            if stated.line > len(lines) or stated.quote not in lines[stated.line - 1]:
                message = f"line {stated.line} of sources/{witness.file} does not say {stated.quote!r}"
                problem(("witnesses", index, "dates", number, "quote"), message)
            elif not _states(stated.quote, stated.date):
                problem(("witnesses", index, "dates", number, "date"), f"{stated.quote!r} does not state {stated.date.isoformat()}")
        for document_index, document in enumerate(catalogue.documents):
            if document.printed == witness.id and document.authority and document.authority.zh not in data.decode("utf-8-sig", "replace"):
                message = f"sources/{witness.file} does not name the authority {document.authority.zh!r}"
                problem(("documents", document_index, "authority", "zh"), message)
            for number, fact in enumerate(document.facts):
                if fact.witness != witness.id or fact.quote is None or fact.line is None:
                    continue
                if fact.line > len(lines) or fact.quote not in lines[fact.line - 1]:
                    message = f"line {fact.line} of sources/{witness.file} does not say {fact.quote!r}"
                    problem(("documents", document_index, "facts", number, "quote"), message)
    known = {witness.id for witness in catalogue.witnesses}
    for index, document in enumerate(catalogue.documents):
        for number, fact in enumerate(document.facts):
            if fact.witness is not None and fact.witness not in known:
                problem(("documents", index, "facts", number, "witness"), f"no witness {fact.witness!r}")
    if problems:
        raise SourceError(problems)
    return catalogue


def _states(quote: str, day: date) -> bool:
    """Does `quote` write out this date (2023年10月26日, spaces allowed)?"""
    written = re.sub(r"\s+", "", quote)
    return f"{day.year}年{day.month}月{day.day}日" in written or (day.isoformat() in written)


def _expectation_line(root: Path, catalogue: Catalogue, entry_id: str) -> int:
    """The line of an entry's `expect:` (read again: only a wrong count needs it)."""
    listed = "documents" if any(document.id == entry_id for document in catalogue.documents) else "laws"
    index = next(i for i, entry in enumerate(getattr(catalogue, listed)) if entry.id == entry_id)
    return read(root / CATALOGUE).locate((listed, index, "expect"))


def load_corpus(root: Path) -> Corpus:
    """Validate the catalogue, parse every witness, check the expected counts and collate. Raises InputError
    with every problem found across all files."""
    catalogue = load_catalogue(root)
    witnesses: dict[str, Document] = {}
    problems: list[Problem] = []
    for entry in catalogue.witnesses:
        path = root / "sources" / entry.file
        breaks = frozenset(paragraph_break.line for paragraph_break in entry.paragraph_breaks)
        try:
            witnesses[entry.id] = parse_lines(read_source(path), f"sources/{entry.file}", entry.document, breaks)
        except ParseError as error:
            problems.extend(error.problems)
            continue
        parsed = witnesses[entry.id]
        expected = catalogue.entry(entry.document).expect
        found = (len(parsed.chapters), len(parsed.articles))
        if found != (expected.chapters, expected.articles):
            problems.append(
                Problem(
                    str(root / CATALOGUE),
                    _expectation_line(root, catalogue, entry.document),
                    f"sources/{entry.file} parses to {found[0]} chapters and {found[1]} articles; "
                    f"{entry.document} expects {expected.chapters} and {expected.articles}",
                    "a heading the parser did not recognise, or a wrong count here",
                )
            )
    if problems:
        raise InputError(problems)
    variants: list[Variant] = []
    for listed in catalogue.documents:
        printed = witnesses[listed.printed]
        printed_script = catalogue.witness(listed.printed).script
        for entry in catalogue.witnesses:
            if entry.document == listed.id and entry.id != listed.printed:
                variants.extend(collate(printed, printed_script, witnesses[entry.id], entry.id, entry.script))
    return Corpus(catalogue, witnesses, tuple(variants))
