"""Skeleton translation files for editors: the Chinese as comments, one entry per paragraph and item.

Reads: a parsed document (and English already given for the same Chinese). Writes: YAML text for
annotations/<document>/<article>.yml and chapters.yml; `python -m generator stub` writes the files that do
not exist yet.
"""

from __future__ import annotations

from generator.annotations.translations import fingerprint
from generator.corpus.model import Article, Document
from generator.corpus.numerals import to_numeral
from generator.render.locale import CHINESE


def _entry(indent: str, shown: str, chinese: str, known: dict[str, str], listed: bool = True) -> list[str]:
    """One translation entry: the Chinese as a comment, its fingerprint, and the English where it is known
    (a folded block scalar, so that editors never have to escape quotes)."""
    english = known.get(chinese, "")
    key = f"{indent}- zh:" if listed else f"{indent}zh:"
    inner = indent + ("  " if listed else "")
    value = ">-\n" + inner + "  " + english if english else '""'
    return [f"{indent}# {shown}", f'{key} "{fingerprint(chinese)}"', f"{inner}en: {value}"]


def stub_article(article: Article, known: dict[str, str], depth: int = 2) -> str:
    """A translation file for `article`, with the Chinese as comments beside each entry; English already
    given for the same Chinese elsewhere (`known`: Chinese -> English) is filled in. `depth`: how many folders
    below the project the file is (annotations/final/: 2; annotations/laws/<law>/: 3)."""
    lines = [
        f"# yaml-language-server: $schema={'../' * depth}schema/article.schema.json",
        f"# {CHINESE.article_name(article.number)} · {article.id}",
        "translation:",
    ]
    if article.title is not None:
        _, *entry = _entry("    ", "", article.title, known, listed=False)
        lines += [f"  # 【{article.title}】", "  title:", *entry]
    lines.append("  paragraphs:")
    for paragraph in article.paragraphs:
        lines += _entry("    ", paragraph.text, paragraph.text, known)
        if paragraph.items:
            lines.append("      items:")
            for item in paragraph.items:
                lines += _entry("        ", f"（{to_numeral(item.number)}）{item.text}", item.text, known)
    return "\n".join(lines) + "\n"


def stub_chapters(document: Document, known: dict[str, str]) -> str:
    lines = ["# yaml-language-server: $schema=../../schema/chapters.schema.json", f"# Chapter titles of {document.id}", "chapters:"]
    for chapter in document.chapters:
        lines += _entry("  ", CHINESE.chapter_name(chapter.number, chapter.title), chapter.title, known)
    return "\n".join(lines) + "\n"
