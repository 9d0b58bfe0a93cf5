"""MkDocs hook: index the built site with Pagefind once both languages are built.

Under `mkdocs build` the index is written before the build ends (a failure fails the build). Under
`mkdocs serve` it is written in the background, so an edited page is served at once and search catches up a
second later.

Pagefind (extended build, from requirements.lock) writes pagefind/ into the site: one index per <html lang>
(zh with jieba segmentation, en with stemming), loaded in chunks by docs/assets/search.js. Pages opt in with
data-pagefind-body (overrides/main.html), so whole-text, chapter and list pages do not crowd out articles.
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import threading
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.search")
_serving = False


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built the other languages
def on_post_build(config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # a nested build of one language: the outer build indexes everything once it is done
    command = [sys.executable, "-m", "pagefind", "--site", config.site_dir, "--silent"]
    if _serving:
        threading.Thread(target=_index_quietly, args=(command,), daemon=True).start()
        return
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise PluginError(f"pagefind failed:\n{result.stdout}{result.stderr}")
    _stable_entry(Path(config.site_dir) / "pagefind" / "pagefind-entry.json")
    log.info("pagefind: search index written")


def _stable_entry(path: Path) -> None:
    """Pagefind lists the languages in its entry file in no fixed order; sort them, so that the same sources
    build the same site byte for byte."""
    path.write_text(json.dumps(json.loads(path.read_text(encoding="utf-8")), sort_keys=True, separators=(",", ":")), encoding="utf-8")


def _index_quietly(command: list[str]) -> None:
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        log.warning(f"pagefind failed (the preview's search may be out of date):\n{result.stderr}")
