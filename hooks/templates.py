"""MkDocs hook: keep the theme's compiled templates between builds and between languages.

Each MkDocs build (and mkdocs-static-i18n builds each language as one) makes a fresh Jinja environment, which
compiles Material's templates again: about 0.1 s a build here. Jinja's own file-system bytecode cache (in a
folder of the system's temporary directory that only this user can write) keeps the compiled code; Jinja checks
each entry against a checksum of the template's source and the Python version, so an edited template, or
another Python, is compiled anew. The generator's templates use the same cache (generator/render.py).
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from generator.render import TEMPLATE_CACHE


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.bytecode_cache = TEMPLATE_CACHE
    return env
