"""MkDocs hook: make the generated pages before MkDocs reads docs/. No logic lives here."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from generator.build import generate
from generator.errors import InputError
from generator.prerendered import START, anchor_ids
from generator.render import Settings

log = logging.getLogger("mkdocs.hooks.generate")


def on_pre_build(config: MkDocsConfig) -> None:
    root = Path(config.config_file_path).parent
    try:
        settings = Settings(site_url=config.site_url or Settings.site_url, repository=config.repo_url)
        result = generate(root, Path(config.docs_dir), settings=settings)
    except InputError as error:
        # Stop the build: a site with a page missing or wrong is worse than no new site.
        raise PluginError(f"the sources or annotations have {len(error.problems)} problem(s):\n{error}") from None
    if result is not None:
        log.info(f"generator: {result.pages} pages, {result.written} written, {result.removed} removed")


def on_page_content(html: str, page: Page, **_: object) -> str:
    """MkDocs checks links to #anchors against the ids it found while reading a page's HTML; it did not read
    the generator's finished HTML (generator/prerendered.py), so give it those ids."""
    if page.markdown and START in page.markdown and page.present_anchor_ids is not None:
        page.present_anchor_ids |= anchor_ids(html)
    return html
