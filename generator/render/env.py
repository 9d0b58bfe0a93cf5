"""The one Jinja environment of the generator's templates, its filters, and the interface's words.

Reads: templates/ and templates/labels.yml beside this module. Writes: nothing. Autoescaping: the one place
where text becomes HTML. StrictUndefined, so that a
missing value or label fails the build instead of printing nothing; filters registered explicitly; compiled
templates kept between builds (generator/render/templatecache.py).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from jinja2 import BytecodeCache, Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from generator.render import prerendered
from generator.render.templatecache import cache_for

TEMPLATES = Path(__file__).parent / "templates"
# Markdown's own specials; HTML's (& < > " ') are escaped as HTML after these, so the two never meet.
MARKDOWN_SPECIAL = str.maketrans({char: f"\\{char}" for char in "\\`*_{}[]()#+-.!|~"})


def markdown_text(text: str) -> Markup:
    """Text in a Markdown heading or table cell: shows as typed, whatever characters it has."""
    if isinstance(text, Markup):  # already HTML (a chapter name with its lang span): only Markdown's specials left
        return text
    return escape(text.translate(MARKDOWN_SPECIAL))


def yaml_string(text: str) -> Markup:
    """Text as a quoted string in a page's front matter. Material prints front-matter titles into the page as
    they stand (header, navigation, <title>), so the string holds the text as HTML (escaped); a JSON string is a
    YAML string, CJK kept as it is."""
    return Markup(json.dumps(str(escape(text)), ensure_ascii=False))


# How the templates compile. Every {{ value }} is text, escaped here and nowhere else; only Markup (HTML the
# generator made from escaped text: redlines, notes, chapter names) passes as it is. So editors' and sources'
# words can never become markup, whichever template or place they land in.
COMPILE = {"autoescape": True, "keep_trailing_newline": True, "trim_blocks": True, "lstrip_blocks": True}
GENERATOR_CACHE = cache_for(**COMPILE)  # compiled code depends on these settings: a change of them compiles anew


def make_environment(bytecode_cache: BytecodeCache | None = GENERATOR_CACHE) -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        undefined=StrictUndefined,
        bytecode_cache=bytecode_cache,
        autoescape=COMPILE["autoescape"],
        keep_trailing_newline=COMPILE["keep_trailing_newline"],
        trim_blocks=COMPILE["trim_blocks"],
        lstrip_blocks=COMPILE["lstrip_blocks"],
    )
    env.filters["md"] = markdown_text
    env.filters["yaml_string"] = yaml_string
    env.filters["prerendered"] = prerendered.wrap
    return env


@cache
def environment() -> Environment:
    """One environment for the process; Jinja reloads a template whose file changed (under `mkdocs serve`)."""
    return make_environment()


def load_labels() -> dict[str, dict[str, Any]]:
    """Every word of the interface, by language (templates/labels.yml), read anew for each render."""
    labels: dict[str, dict[str, Any]] = yaml.safe_load((TEMPLATES / "labels.yml").read_text(encoding="utf-8"))
    return labels


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)
