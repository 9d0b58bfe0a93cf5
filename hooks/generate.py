"""MkDocs hook: make the generated pages before MkDocs reads docs/. No logic lives here."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from generator.build import finish, generate
from generator.errors import InputError
from generator.prerendered import START, anchor_ids
from generator.render import Settings

log = logging.getLogger("mkdocs.hooks.generate")


def on_pre_build(config: MkDocsConfig) -> None:
    root, docs = Path(config.config_file_path).parent, Path(config.docs_dir)
    try:
        settings = Settings(site_url=config.site_url or Settings.site_url, repository=config.repo_url)
        # The first call writes the first language's pages, and a forked process the others' meanwhile
        # (generator/build.py); the call for mkdocs-static-i18n's build of the next language waits for them.
        nested = bool(getattr(config.plugins.get("i18n"), "building", False))
        result = generate(root, docs, settings=settings, later=not nested)
        later = finish(docs) if nested else 0
    except InputError as error:
        # Stop the build: a site with a page missing or wrong is worse than no new site.
        raise PluginError(f"the sources or annotations have {len(error.problems)} problem(s):\n{error}") from None
    if result is not None:
        log.info(f"generator: {result.pages} pages, {result.written} written, {result.removed} removed")
    if later:
        log.info(f"generator: {later} pages of the other languages written")


def on_page_content(html: str, page: Page, **_: object) -> str:
    """MkDocs checks links to #anchors against the ids it found while reading a page's HTML; it did not read
    the generator's finished HTML (generator/prerendered.py), so give it those ids."""
    if page.markdown and START in page.markdown and page.present_anchor_ids is not None:
        page.present_anchor_ids |= anchor_ids(html)
    return html
