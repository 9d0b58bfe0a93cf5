"""MkDocs hook: index each language with Pagefind as soon as its pages are built.

mkdocs-static-i18n builds the languages one after another (zh at the site root, then en under en/). When the
build of one language starts, the one before it is finished, so its index is made then, by Pagefind on the
other cores (it is told to leave one to MkDocs), while MkDocs builds the next language; the last language is
indexed, on every core, once the build is over. Under `mkdocs build` the build waits for every index (a
failure fails the build). Under `mkdocs serve` nothing waits: an edited page is served at once and search
catches up a second later.

Each language has its own bundle, pagefind/<lang>/ (docs/assets/search.js loads the one named by the page's
<html lang>): zh with jieba segmentation, en with stemming. Pagefind is the extended build, from
requirements.lock. Pages opt in with data-pagefind-body (overrides/main.html), so whole-text, chapter and list
pages do not crowd out articles.
"""

from __future__ import annotations

import logging
import os
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from pagefind_bin_extended import get_executable

log = logging.getLogger("mkdocs.hooks.search")
_serving = False


@dataclass
class _Indexing:
    language: str
    process: subprocess.Popen[str]


_started: list[_Indexing] = []  # this build's indexing, in the order the languages were built
_building: str | None = None  # the language whose pages are being built
_waiting: threading.Thread | None = None  # under serve: waits for the last rebuild's indexing


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_pre_build(config: MkDocsConfig) -> None:
    global _building
    if not _nested(config):  # a new build of the whole site (under serve: a rebuild)
        if _waiting is not None:
            _waiting.join()  # the last rebuild's index may still be being written
        _started.clear()
    elif _building is not None:
        _start(config, _building, alongside_mkdocs=True)  # its pages are all written: index them while the next builds
    _building = _language(config)


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built the other languages
def on_post_build(config: MkDocsConfig) -> None:
    global _building, _waiting
    if _nested(config) or _building is None:
        return  # a nested build of one language: the outer build finishes the indexing once everything is built
    _start(config, _building, alongside_mkdocs=False)
    _building = None
    if _serving:
        _waiting = threading.Thread(target=_finish, args=(list(_started),), daemon=True)
        _waiting.start()
        return
    _finish(_started)


def _finish(started: list[_Indexing]) -> None:
    failed = []
    for indexing in started:
        stdout, stderr = indexing.process.communicate()
        if indexing.process.returncode != 0:
            failed.append(f"pagefind ({indexing.language}) failed:\n{stdout}{stderr}")
    if failed and _serving:
        log.warning("the preview's search may be out of date: " + "\n".join(failed))
    elif failed:
        raise PluginError("\n".join(failed))
    else:
        log.info("pagefind: search index written (" + ", ".join(indexing.language for indexing in started) + ")")


def _nested(config: MkDocsConfig) -> bool:
    i18n = config.plugins.get("i18n")
    return i18n is not None and bool(getattr(i18n, "building", False))


def _language(config: MkDocsConfig) -> str:
    i18n = config.plugins.get("i18n")
    return str(getattr(i18n, "current_language", None) or config.theme["language"])


def _glob(config: MkDocsConfig, language: str) -> str:
    """The pages of one language: the default language's are the site outside the other languages' folders."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return "**/*.html"
    if language != i18n.default_language:
        return f"{language}/**/*.html"
    others = {*i18n.all_languages, "pagefind"} - {language}
    folders = sorted(path.name for path in Path(config.site_dir).iterdir() if path.is_dir() and path.name not in others)
    return "{" + ",".join(["*.html", *(f"{folder}/**/*.html" for folder in folders)]) + "}"


def _start(config: MkDocsConfig, language: str, alongside_mkdocs: bool) -> None:
    glob = _glob(config, language)
    command = [str(get_executable()), "--site", config.site_dir, "--glob", glob, "--output-subdir", f"pagefind/{language}"]
    command += ["--exclude-selectors", ".headerlink", "--silent"]  # the headings' ¶ permalinks, out of the excerpts
    environment = dict(os.environ)
    if alongside_mkdocs:  # leave MkDocs a core of its own (Pagefind's threads are rayon's)
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
        environment["RAYON_NUM_THREADS"] = str(max(1, cores - 1))
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment)
    _started.append(_Indexing(language, process))
