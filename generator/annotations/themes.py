"""The key changes (annotations/changes.yml): the changes that matter most, grouped by theme — who bears a duty,
how binding duties are, what was dropped, what is new — each with a short analysis in both languages.

Reads: annotations/changes.yml, validated (Markdown and links as in notes; every listed article exists).
Writes: `Theme`s for the key-changes page (generator/render/pages.py `key_changes`).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pydantic import Field

from generator.annotations.apparatus import SLUG, Resolver, markdown_problem
from generator.errors import InputError, Problem
from generator.strict import BilingualName, Markdown, Name, Strict
from generator.yamlfile import validate

THEMES = Path("annotations") / "changes.yml"


class Theme(Strict):
    id: str = Field(pattern=SLUG, description="The theme's anchor on the key-changes page (#<id>)")
    title: BilingualName
    zh: Markdown = Field(description="The analysis, Markdown, in Chinese: facts from the texts, opinion marked")
    en: Markdown = Field(description="The same in English")
    articles: list[str] = Field(min_length=1, description="The final (or deleted draft) articles it is about: final/12, draft/6")
    author: Name
    date: date


class ThemesFile(Strict):
    themes: list[Theme]


def load_themes(root: Path, resolver: Resolver, compared: tuple[str, str], problems: list[Problem]) -> tuple[Theme, ...]:
    path = root / THEMES
    if not path.exists():
        return ()
    shown = THEMES.as_posix()
    try:
        parsed, locate = validate(ThemesFile, path)
    except InputError as error:
        problems.extend(Problem(shown, p.line, p.message, p.hint) for p in error.problems)
        return ()
    seen: dict[str, int] = {}
    for index, theme in enumerate(parsed.themes):
        line = locate(("themes", index, "id"))
        if theme.id in seen:
            problems.append(Problem(shown, line, f"theme id {theme.id!r} is already used on line {seen[theme.id]}"))
        seen[theme.id] = line
        for language in ("zh", "en"):
            wrong = markdown_problem(getattr(theme, language), resolver)
            if wrong:
                problems.append(Problem(shown, locate(("themes", index, language)), wrong))
        for number, article in enumerate(theme.articles):
            target = resolver.resolve(article)
            if isinstance(target, str) or target.article is None or target.anchor or target.document not in compared:
                message = target if isinstance(target, str) else f"{article}: name an article of {' or '.join(compared)} ({compared[1]}/12)"
                problems.append(Problem(shown, locate(("themes", index, "articles", number)), message))
    return tuple(parsed.themes)
