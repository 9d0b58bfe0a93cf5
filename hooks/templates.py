"""MkDocs hook: compile the theme's templates once per process, not once per language.

mkdocs-static-i18n builds each language with a fresh Jinja environment, and each fresh environment compiles
Material's templates again (about 0.1 s a build here). A bytecode cache kept in memory for the life of the
process hands the second language the code the first compiled. Jinja keys each entry by the template's name
and a checksum of its source, so an edited template is compiled anew (under `mkdocs serve` too).
"""

from __future__ import annotations

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files


class MemoryBytecodeCache(BytecodeCache):
    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


_cache = MemoryBytecodeCache()


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    env.bytecode_cache = _cache
    return env
