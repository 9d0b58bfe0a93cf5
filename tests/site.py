"""Building the site once for the tests that need it, and reading the built HTML."""

from __future__ import annotations

import os
import subprocess
from html.parser import HTMLParser
from pathlib import Path

from tests.conftest import MKDOCS, ROOT

SITE_URL = "http://127.0.0.1:8000/"


def build_site(destination: Path, site_url: str = SITE_URL, repository: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url}
    env.pop("REPO_URL", None)
    if repository:
        env["REPO_URL"] = repository
    return subprocess.run(
        [*MKDOCS, "build", "--strict", "--site-dir", str(destination)],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip


class Page(HTMLParser):
    """The links, resources and ids of one HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.resources: list[str] = []
        self.ids: set[str] = set()
        self.described_by: list[str] = []  # the ids aria-describedby and aria-labelledby refer to

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(str(values["id"]))
        for name in ("aria-describedby", "aria-labelledby"):
            self.described_by.extend(str(values[name]).split() if values.get(name) else [])
        if tag == "a" and values.get("href"):
            self.links.append(str(values["href"]))
        if tag == "link" and values.get("href"):
            (self.links if values.get("rel") in ("alternate", "canonical", "prev", "next") else self.resources).append(str(values["href"]))
        if tag in ("script", "img", "iframe", "source") and values.get("src"):
            self.resources.append(str(values["src"]))


def read_page(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page
