"""Compiled Jinja templates, kept between builds: the generator's (generator/render/env.py) and the theme's
(hooks/generate.py, on_env).

Each MkDocs build — and mkdocs-static-i18n builds each language as one — makes a fresh Jinja environment,
which would compile every template again (about 0.7 s a build here, the theme's and the generator's). Jinja's
own file-system bytecode cache keeps the compiled code in a folder of the system's temporary directory that
only this user can write; Jinja checks each entry against a checksum of the template's source and the Python
version, so an edited template, or another Python, is compiled anew. It does not check the environment's own
compile settings (autoescaping, white-space control), which change the code a template compiles to: so each
environment keys its entries by its settings too (`cache_for`), and a change of settings compiles anew.
"""

from __future__ import annotations

import hashlib

from jinja2 import FileSystemBytecodeCache

TEMPLATE_CACHE = FileSystemBytecodeCache(pattern="annotated-law-%s.cache")  # the theme's (MkDocs' settings)


def cache_for(**settings: object) -> FileSystemBytecodeCache:
    """A cache whose entries belong to an environment with these compile settings only."""
    key = hashlib.sha256(repr(sorted(settings.items())).encode()).hexdigest()[:12]
    return FileSystemBytecodeCache(pattern=f"annotated-law-{key}-%s.cache")
