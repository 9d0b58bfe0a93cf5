"""Compiled Jinja templates, kept between builds: the generator's (generator/render/env.py) and the theme's
(hooks/generate.py, on_env).

Each MkDocs build — and mkdocs-static-i18n builds each language as one — makes a fresh Jinja environment,
which would compile every template again (about 0.7 s a build here, the theme's and the generator's). Jinja's
own file-system bytecode cache keeps the compiled code in a folder of the system's temporary directory that
only this user can write; Jinja checks each entry against a checksum of the template's source and the Python
version, so an edited template, or another Python, is compiled anew.
"""

from __future__ import annotations

from jinja2 import FileSystemBytecodeCache

TEMPLATE_CACHE = FileSystemBytecodeCache(pattern="annotated-law-%s.cache")
