"""The search index: Pagefind over the built site, once every language is built.

Reads: the built site's HTML (pages opt in with data-pagefind-body, overrides/main.html, so whole-text, chapter
and list pages do not crowd out articles). Writes: one bundle, <site>/pagefind/, holding an index per
<html lang> — zh with jieba segmentation, en with stemming; docs/assets/search.js loads the bundle and
Pagefind searches the index of the reader's page's language. Pagefind is the extended build, from
requirements.lock.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from pagefind_bin_extended import get_executable

# The headings' ¶ permalinks are left out of the excerpts.
OPTIONS = ("--exclude-selectors", ".headerlink", "--silent")


def index_site(site: Path) -> str | None:
    """Index `site`; None on success, else what Pagefind said."""
    command = [str(get_executable()), "--site", str(site), *OPTIONS]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        return f"pagefind failed:\n{result.stdout}{result.stderr}"
    _stable_entry(site / "pagefind" / "pagefind-entry.json")
    return None


def _stable_entry(path: Path) -> None:
    """Pagefind lists the languages in its entry file in no fixed order; sort them, so that the same sources
    build the same site byte for byte."""
    entry = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(entry, sort_keys=True, separators=(",", ":")), encoding="utf-8")
