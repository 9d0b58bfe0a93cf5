"""The comparison table (对照表) as a Word document, in Chinese and in English: one row per draft→final link in
the order of the final text — deleted draft articles in their place with an empty final cell, new final articles
with an empty draft cell — under chapter headings, with the redline as strike-through (deleted) and underline
(inserted), and the source and licence in the footer. A4 landscape; every run tagged with its language (zh-CN, or
en-US as the edition spells), so that Word checks each in its own language and a screen reader reads it aloud so.

Reads: the `Site` (texts, translations, alignment, the order of generator/render/compared.py). Writes: the
bytes of a .docx (python-docx), for downloads/comparison.<language>.docx.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from docx import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import _Cell
from docx.text.run import Run

from generator.compare.redline import Segment, redline
from generator.render.columns import Line, lines_of, row_lines
from generator.render.compared import sequence
from generator.render.locale import LOCALES
from generator.render.site import Site

LICENCE = {
    "zh": "条文取自所收文本（法律、法规不受著作权法保护，《著作权法》第五条）；英文译文、条标题与注释以 CC BY 4.0 许可。",
    "en": "The texts as published (laws are not subject to copyright: Copyright Law, art. 5); the English translation,"
    " captions and notes are licensed under CC BY 4.0.",
}


def _text(lines: list[Line]) -> str:
    return "\n".join(line.marker + line.text for line in lines)


def comparison_docx(site: Site, language: str) -> bytes:
    labels = site.labels[language]
    english = site.english(language)
    draft, final = site.corpus.before, site.corpus.after
    document = WordDocument()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)  # A4 (python-docx's template is US Letter)
    style = document.styles["Normal"]
    style.font.size = Pt(9)
    _tag(style.element.get_or_add_rPr(), language)
    document.add_heading(labels["regulation_title"] + labels["compare_suffix"], level=1)
    dates = labels["compare_version"].format(draft=site.version_date(site.before, language), final=site.version_date(site.after, language))
    document.add_paragraph(dates)
    footer = section.footer.paragraphs[0]
    footer.text = f"{site.settings.site_url} · {LICENCE[language]}"
    table = document.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    header = table.rows[0].cells
    header[0].text = labels["draft_column"].format(date=site.version_date(site.before, language))
    header[1].text = labels["final_column"].format(date=site.version_date(site.after, language))
    chapter = None
    for entry in sequence(site):
        if entry.chapter != chapter:
            chapter = entry.chapter
            heading = table.add_row().cells
            merged = heading[0].merge(heading[1])
            merged.text = site.chapter_name(final.chapters[chapter - 1], language)
            merged.paragraphs[0].runs[0].bold = True
        cells = table.add_row().cells
        names = [site.article_name(site.before, n, language) for n in entry.link.draft]
        if entry.final is not None:
            rows = list(row_lines(final.article(entry.final), entry.link, draft, final, english))
            shown = [line for d, f in rows for line in d + f]
            old = "\n".join(_text(d) for d, _ in rows if d)
            new = "\n".join(_text(f) for _, f in rows if f)
            title = site.captioned(site.after, entry.final, language)
        else:
            assert entry.draft is not None
            shown = lines_of(draft.article(entry.draft), english=english)
            old, new = _text(shown), ""
            title = site.captioned(site.before, entry.draft, language)
        segments = redline(old, new, "en" if shown and all(line.lang == "en" for line in shown) else "zh")
        cells[0].paragraphs[0].add_run(" · ".join(names) or "—").bold = True
        cells[0].add_paragraph()
        cells[1].paragraphs[0].add_run(title if entry.final is not None else "—").bold = True
        cells[1].add_paragraph()
        _fill_after_heading(cells[0], segments, "delete", labels["no_counterpart"])
        _fill_after_heading(cells[1], segments, "insert", labels["article_dropped"])
    made = site.version(site.after)
    edited = max((placed.note.date for placed in site.annotations.apparatus.notes), default=made.date if made else None)
    properties = document.core_properties
    if edited is not None:  # the same bytes for the same inputs: the date of the last note, or of the text
        properties.created = properties.modified = datetime(edited.year, edited.month, edited.day, tzinfo=UTC)
    properties.author = properties.last_modified_by = "the contributors to this project"
    properties.title = labels["regulation_title"] + labels["compare_suffix"]
    for paragraph in _paragraphs(document):
        for run in paragraph.runs:
            _tag_run(run, language)
    out = io.BytesIO()
    document.save(out)
    return _fixed_zip(out.getvalue(), datetime(*(edited.timetuple()[:3] if edited else (1980, 1, 1)), tzinfo=UTC))


def _paragraphs(document: Any) -> Iterator[Any]:
    yield from document.paragraphs
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs
    for section in document.sections:
        yield from section.footer.paragraphs


def _tag_run(run: Run, language: str) -> None:
    """A run is Chinese where it has a Han character and the page is Chinese or the run is the original, else the
    page's language."""
    chinese = language == "zh" or any("\u4e00" <= char <= "\u9fff" for char in run.text)
    _tag(run.element.get_or_add_rPr(), "zh" if chinese else language)


def _tag(properties: Any, language: str) -> None:
    """<w:lang>: Word's language of the text (w:val) and of its East Asian characters (w:eastAsia)."""
    for old in properties.findall(qn("w:lang")):
        properties.remove(old)
    tag = OxmlElement("w:lang")
    tag.set(qn("w:val"), LOCALES[language].tag)
    tag.set(qn("w:eastAsia"), LOCALES["zh"].tag)
    properties.append(tag)


def _fixed_zip(data: bytes, moment: datetime) -> bytes:
    """The same .docx with every entry dated `moment` (1980-01-01, ZIP's first day, where nothing is dated): the build
    makes the same bytes every time."""
    stamp = (moment.year, moment.month, moment.day, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(zipfile.ZipInfo(info.filename, date_time=stamp), source.read(info.filename), zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _fill_after_heading(cell: _Cell, segments: tuple[Segment, ...], keep: str, empty: str) -> None:
    """Like `_fill`, into the paragraph after the cell's article name."""
    holder = cell.paragraphs[-1]
    shown = [s for s in segments if s.op in ("equal", keep)]
    if not shown:
        holder.add_run(empty).italic = True
        return
    paragraph = holder
    for segment in shown:
        for index, chunk in enumerate(segment.text.split("\n")):
            if index:
                paragraph = cell.add_paragraph()
            if chunk:
                run = paragraph.add_run(chunk)
                if segment.op == "delete":
                    run.font.strike = True
                elif segment.op == "insert":
                    run.font.underline = True
