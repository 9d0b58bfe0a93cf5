"""The whole site, built as a user builds it: strict, complete, no broken link or anchor, no third-party
request, the same bytes every time."""

from __future__ import annotations

import hashlib
import json
import subprocess
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

import pytest

from generator.corpus.sources import Corpus
from tests.conftest import MKDOCS, copy_project
from tests.site import SITE_URL, build_site, read_page


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    destination = tmp_path_factory.mktemp("site")
    result = build_site(destination)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    return destination


def test_a_page_for_every_article_in_both_languages(site: Path, corpus: Corpus) -> None:
    for prefix in ("", "en/"):
        for folder, document_id in (("articles", "final"), ("draft", "draft"), ("heilongjiang", "heilongjiang")):
            for article in corpus.document(document_id).articles:
                assert (site / f"{prefix}{folder}/{article.number}/index.html").is_file()
        for page in (
            "index.html",
            "articles/index.html",
            "draft/index.html",
            "heilongjiang/index.html",
            "concordance/index.html",
            "about/index.html",
        ):
            assert (site / prefix / page).is_file()
    assert (site / "downloads" / "corpus.json").is_file()


def resolve(site: Path, page: Path, link: str) -> tuple[Path, str] | None:
    """The file and anchor an internal link points to; None for an external one."""
    if link.startswith(SITE_URL):
        link = "/" + link[len(SITE_URL) :]
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or link.startswith(("mailto:", "javascript:")):
        return None
    path, anchor = urldefrag(link)
    if not path:
        return page, unquote(anchor)
    base = site if path.startswith("/") else page.parent
    target = (base / unquote(path.lstrip("/"))).resolve()
    if target.is_dir() or path.endswith("/"):
        target = target / "index.html"
    return target, unquote(anchor)


def test_no_broken_internal_link_or_anchor(site: Path) -> None:
    pages = {path.resolve(): read_page(path) for path in site.rglob("*.html")}
    broken = []
    checked = 0
    for path, page in pages.items():
        for link in page.links:
            resolved = resolve(site, path, link)
            if resolved is None:
                continue
            target, anchor = resolved
            checked += 1
            if not target.exists():
                broken.append(f"{path.relative_to(site.resolve())}: {link} (no such file)")
            elif anchor and target.suffix == ".html" and anchor not in pages[target].ids:
                broken.append(f"{path.relative_to(site.resolve())}: {link} (no such anchor)")
    assert broken == []
    assert checked > 10_000


def test_no_third_party_requests(site: Path) -> None:
    for path in site.rglob("*.html"):
        for resource in read_page(path).resources:
            assert not urlsplit(resource).netloc or resource.startswith(SITE_URL), f"{path}: loads {resource}"


def test_the_build_is_deterministic(site: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    assert build_site(again).returncode == 0

    def digest(root: Path) -> dict[str, str]:
        return {
            str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(root.rglob("*"))
            if path.is_file() and path.name != "sitemap.xml.gz"  # gzip stores a timestamp
        }

    assert digest(again) == digest(site)


def test_one_search_bundle_holds_an_index_per_language_of_its_opted_in_pages(site: Path) -> None:
    """One Pagefind run over the whole site (generator/exports/searchindex.py) splits its bundle by <html lang>."""
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert sorted(entry["languages"]) == ["en", "zh"]
    for language in ("zh", "en"):
        pages = [path for path in site.rglob("*.html") if (path.relative_to(site).parts[0] == "en") == (language == "en")]
        opted_in = [path for path in pages if "data-pagefind-body" in path.read_text(encoding="utf-8")]
        assert entry["languages"][language]["page_count"] == len(opted_in) > 200


def test_language_switch_links_to_the_same_article(site: Path) -> None:
    zh = (site / "articles" / "12" / "index.html").read_text(encoding="utf-8")
    en = (site / "en" / "articles" / "12" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../en/articles/12/" hreflang="en"' in zh
    assert 'href="../../../articles/12/" hreflang="zh"' in en
    assert '<html lang="zh"' in zh and '<html lang="en"' in en


def test_bad_annotations_stop_the_build_with_a_message_and_no_site(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "annotations" / "alignment.yml").write_text(
        "links:\n  - {after: [70], before: [1], why: {zh: 理由, en: why}}\n", encoding="utf-8"
    )
    result = subprocess.run(
        [*MKDOCS, "build", "--strict"], cwd=project, capture_output=True, text=True, check=False,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(project), "NO_MKDOCS_2_WARNING": "1"},
    )  # fmt: skip
    assert result.returncode != 0
    assert "annotations/alignment.yml:2: links.0.after: there is no final article 70" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "site" / "index.html").exists()


def test_one_setting_moves_canonical_links_sitemap_feeds_and_edit_links(tmp_path: Path) -> None:
    """Where the site and its repository live is set once (SITE_URL, REPO_URL in mkdocs.yml; the deploy
    workflow sets both), and every absolute address follows it."""
    site_url, repository = "https://example.org/annotated/", "https://github.com/example/annotated-law"
    result = build_site(tmp_path, site_url, repository)
    assert result.returncode == 0, result.stderr
    sitemap = (tmp_path / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{site_url}articles/12/</loc>" in sitemap and "127.0.0.1" not in sitemap
    feed = (tmp_path / "en" / "feed.xml").read_text(encoding="utf-8")
    assert f'<link rel="self" href="{site_url}en/feed.xml"/>' in feed and "127.0.0.1" not in feed
    page = (tmp_path / "en" / "articles" / "12" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{site_url}en/articles/12/">' in page
    assert f'href="{repository}/edit/main/annotations/final/12.yml"' in page


def test_every_aria_reference_names_an_element_of_its_page(site: Path) -> None:
    """A term marked in the text refers to its entry in the page's term list (aria-describedby): every marked
    term has one, the parallel view's included."""
    missing = []
    for path in sorted(site.rglob("*.html")):
        page = read_page(path)
        missing += [f"{path.relative_to(site)}: {name}" for name in page.described_by if name not in page.ids]
    assert missing == []
