"""Skeleton translation files for editors: the Chinese as comments, one entry per paragraph and item.

Reads: a parsed document (and English already given for the same Chinese). Writes: YAML text for
annotations/<document>/<article>.yml and chapters.yml; `python -m generator stub` writes the files that do
not exist yet.
"""

from __future__ import annotations

from generator.annotate import fingerprint
from generator.model import Article, Document
from generator.numerals import to_numeral


def _yaml_text(text: str, indent: str) -> str:
    """A folded block scalar, so that editors never have to escape quotes."""
    return ">-\n" + indent + "  " + text if text else '""'


def stub_article(article: Article, known: dict[str, str], label: str) -> str:
    """A translation file for `article`, with the Chinese as comments beside each entry; English already
    given for the same Chinese elsewhere (`known`: Chinese -> English) is filled in."""
    lines = [
        "# yaml-language-server: $schema=../../schema/article.schema.json",
        f"# {label} · {article.id}",
        "translation:",
    ]
    if article.title is not None:
        lines += [
            f"  # 【{article.title}】",
            "  title:",
            f'    zh: "{fingerprint(article.title)}"',
            f"    en: {_yaml_text(known.get(article.title, ''), '    ')}",
        ]
    lines.append("  paragraphs:")
    for paragraph in article.paragraphs:
        lines += [
            f"    # {paragraph.text}",
            f'    - zh: "{fingerprint(paragraph.text)}"',
            f"      en: {_yaml_text(known.get(paragraph.text, ''), '      ')}",
        ]
        if paragraph.items:
            lines.append("      items:")
            for item in paragraph.items:
                lines += [
                    f"        # （{to_numeral(item.number)}）{item.text}",
                    f'        - zh: "{fingerprint(item.text)}"',
                    f"          en: {_yaml_text(known.get(item.text, ''), '          ')}",
                ]
    return "\n".join(lines) + "\n"


def stub_chapters(document: Document, known: dict[str, str]) -> str:
    lines = ["# yaml-language-server: $schema=../../schema/chapters.schema.json", f"# Chapter titles of {document.id}", "chapters:"]
    for chapter in document.chapters:
        lines += [
            f"  # 第{to_numeral(chapter.number)}章 {chapter.title}",
            f'  - zh: "{fingerprint(chapter.title)}"',
            f"    en: {_yaml_text(known.get(chapter.title, ''), '    ')}",
        ]
    return "\n".join(lines) + "\n"
