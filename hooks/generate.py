"""MkDocs hooks: each document in the navigation, the generated pages before MkDocs reads docs/, the theme's
compiled templates kept, the ids of the generator's finished HTML for MkDocs' anchor check, and the search index
once every language is built. No logic lives here: each hook calls the generator."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from generator.build import after_preview, generate, navigation
from generator.errors import InputError
from generator.exports.searchindex import index_site
from generator.render.prerendered import START, anchor_ids
from generator.render.site import Settings
from generator.render.templatecache import TEMPLATE_CACHE

log = logging.getLogger("mkdocs.hooks.generate")
_serving = False
_indexing: threading.Thread | None = None  # under serve: the last rebuild's search index, written meanwhile


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_pre_build(config: MkDocsConfig) -> None:
    if _indexing is not None:
        _indexing.join()  # it writes into the site the rebuild is about to write
    root, settings = (
        Path(config.config_file_path).parent,
        Settings(site_url=config.site_url or Settings.site_url, repository=config.repo_url),
    )
    try:  # in the nested build of each further language this costs only a hash of the inputs
        config.nav = navigation(root, config.nav or [])  # each document's whole text, from sources.yml
        result = generate(root, Path(config.docs_dir), settings=settings, preview=_serving)  # downloads after the pages
    except InputError as error:  # stop the build: a site with a page missing or wrong is worse than no new site
        raise PluginError(f"the sources or annotations have {len(error.problems)} problem(s):\n{error}") from None
    if result is not None:
        log.info(f"generator: {result.pages} pages, {result.written} written, {result.removed} removed")


def on_env(env: Environment, config: MkDocsConfig, **_: object) -> Environment:
    env.bytecode_cache = TEMPLATE_CACHE
    return env


def on_page_content(html: str, page: Page, **_: object) -> str:
    """MkDocs did not read the generator's finished HTML (generator/render/prerendered.py): give it the ids in it."""
    if page.markdown and START in page.markdown and page.present_anchor_ids is not None:
        page.present_anchor_ids |= anchor_ids(html)
    return html


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built the other languages
def on_post_build(config: MkDocsConfig) -> None:
    global _indexing
    if _nested_language_build(config):
        return  # the outer build indexes the whole site once
    if _serving:  # the preview does not wait: the downloads and search catch up after the pages
        _indexing = after_preview(Path(config.docs_dir), Path(config.site_dir), log.warning)
    elif problem := index_site(Path(config.site_dir)):
        raise PluginError(problem)


def _nested_language_build(config: MkDocsConfig) -> bool:
    """mkdocs-static-i18n builds each further language in a nested build that calls these hooks again, and
    offers no public way to tell; its `building` attribute (1.3.1) is true during one."""
    return bool(getattr(config.plugins.get("i18n"), "building", False))
