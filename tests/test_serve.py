"""The editor's preview, `./dev serve` (mkdocs serve --dirty, not strict): it serves both languages with their
search indexes, and an edit to an annotation file shows on the page without a restart."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import MKDOCS, copy_project

ENVIRONMENT = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return None


def wait_for(url: str, wanted: str, seconds: float) -> float:
    """Seconds until `url` serves a text containing `wanted`; fails after `seconds`."""
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        text = fetch(url)
        if text is not None and wanted in text:
            return time.perf_counter() - start
        time.sleep(0.1)
    pytest.fail(f"{url} did not show {wanted!r} within {seconds} s")


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A copy of the project (without generated pages) served as ./dev serve serves it, on a free port."""
    project = copy_project(tmp_path / "project")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [*MKDOCS, "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload", "--dirty"]
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(command, cwd=project, env={**ENVIRONMENT, "MKDOCS_STRICT": "false"}, stdout=log, stderr=log)
    try:
        yield project, f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        server.wait()
        log.close()


def test_the_preview_serves_both_languages_with_search_and_shows_an_edit(preview: tuple[Path, str]) -> None:
    project, url = preview
    wait_for(url + "en/articles/10/", "Article 10", 120)
    wait_for(url + "pagefind/pagefind-entry.json", '"zh"', 30)  # written in the background once the pages are served
    wait_for(url + "downloads/search.json", '"documents"', 30)  # so are the downloads
    entry = json.loads(fetch(url + "pagefind/pagefind-entry.json") or "{}")
    assert sorted(entry["languages"]) == ["en", "zh"]

    annotation = project / "annotations" / "final" / "10.yml"
    marker = f"preview-{time.time_ns()}"
    with annotation.open("a", encoding="utf-8") as file:
        file.write(f"notes:\n  - {{id: {marker}, kind: context, author: test, date: 2026-01-01, zh: 预览, en: preview}}\n")
    wait_for(url + "en/articles/10/", marker, 60)
    wait_for(url + "articles/10/", marker, 5)
    wait_for(url + "downloads/corpus.json", marker, 60)  # the downloads follow the pages, in the background
