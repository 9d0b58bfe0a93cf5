"""MkDocs hook: index the built site with Pagefind once both languages are built.

Pagefind (extended build, from requirements.lock) writes pagefind/ into the site: one index per <html lang>
(zh with jieba segmentation, en with stemming), loaded in chunks by docs/assets/search.js. Pages opt in with
data-pagefind-body (overrides/main.html), so whole-text, chapter and list pages do not crowd out articles.
"""

from __future__ import annotations

import logging
import subprocess
import sys

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.search")


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built the other languages
def on_post_build(config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # a nested build of one language: the outer build indexes everything once it is done
    command = [sys.executable, "-m", "pagefind", "--site", config.site_dir, "--silent"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise PluginError(f"pagefind failed:\n{result.stdout}{result.stderr}")
    log.info("pagefind: search index written")
