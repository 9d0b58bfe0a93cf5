"""The benchmark: how long the build takes and how heavy the pages are, with a baseline built in the same run.

    ./dev bench            (or: make bench; .venv/bin/python -m bench.run [--runs N])

Prints one table. Times are medians of --runs runs on this machine (its CPU is printed first); the baseline
is stock Material building one plain page per article of the three texts (no generator, no custom layout,
Material's own search), built alternately with ours, so the ratio says what the generator, both languages,
the comparison pages and Pagefind cost. Our build is timed as after any earlier build on the machine (jieba's
dictionary cache and the compiled templates in the temporary directory) and as on a fresh machine (an empty
temporary directory). Nothing here asserts: the numbers are for people to read and compare.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from generator.corpus.sources import ArticlePrefix, Catalogue, load_catalogue, load_corpus
from generator.strict import BilingualName
from generator.yamlfile import validate

if TYPE_CHECKING:
    from playwright.sync_api import Request

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}


def copy_project(folder: Path) -> None:
    """What a build reads, without the generated pages (docs/ keeps only what is written by hand)."""
    for name in ("sources", "annotations", "generator", "hooks", "overrides"):
        shutil.copytree(ROOT / name, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "docs" / "assets", folder / "docs" / "assets")
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")


def median_time(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def mkdocs_build(project: Path, site: Path, environment: dict[str, str] = ENV) -> None:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]
    subprocess.run(command, cwd=project, env=environment, check=True, capture_output=True)


def fresh_machine_build(project: Path, site: Path) -> None:
    """A build as on a fresh machine: an empty temporary directory, so jieba builds its dictionary cache and
    Jinja compiles every template (our Python modules are compiled from source in every run here anyway)."""
    with tempfile.TemporaryDirectory() as empty:  # and no generator cache (~/.cache/annotated-law) either
        mkdocs_build(project, site, {**ENV, "TMPDIR": empty, "XDG_CACHE_HOME": empty})


def paired_medians(first: Callable[[], object], second: Callable[[], object], runs: int) -> tuple[float, float]:
    """Medians of `runs` timings of each, alternating, so that a slow spell of the machine hits both."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for action, timings in ((first, times[0]), (second, times[1])):
            start = time.perf_counter()
            action()
            timings.append(time.perf_counter() - start)
    return statistics.median(times[0]), statistics.median(times[1])


def generator_stages(runs: int) -> list[tuple[str, float]]:
    from generator.annotations.annotate import load_annotations
    from generator.build import Pipeline, outputs
    from generator.compare.align import align
    from generator.corpus.sources import load_corpus

    rows = []
    rows.append(("parse + normalise + collate", median_time(lambda: load_corpus(ROOT), runs)))
    corpus = load_corpus(ROOT)
    documents = {entry.id: corpus.document(entry.id) for entry in corpus.catalogue.documents}
    rows.append(("load and check annotations", median_time(lambda: load_annotations(ROOT, documents), runs)))
    annotations = load_annotations(ROOT, documents)
    rows.append(("align", median_time(lambda: align(corpus.before, corpus.after, annotations.overrides), runs)))
    alignment = align(corpus.before, corpus.after, annotations.overrides)
    pipeline = Pipeline(corpus, annotations, alignment)
    rows.append(("render both languages, cold (jieba loads, every redline made)", median_time(lambda: outputs(pipeline), 1)))
    rows.append(("render both languages, warm (as under mkdocs serve)", median_time(lambda: outputs(pipeline), runs)))
    return rows


PAIRS = {  # ../shared/pairs/: another law's two versions, made into an edition as a new user makes one
    "Statistics Law 2009 -> 2024": ("statistics-law-2009-06-27.md", "statistics-law-2024-09-13.md"),
    "Administrative Reconsideration Law 2017 -> 2023": (
        "administrative-reconsideration-law-2017-09-01.md",
        "administrative-reconsideration-law-2023-09-01.md",
    ),
}


def new_editions(runs: int) -> list[tuple[str, str]]:
    """`python -m generator new` and the first strict build of each pair, as whole processes."""
    pairs = ROOT.parent / "shared" / "pairs"
    rows = []
    for name, (before, after) in PAIRS.items():
        if not (pairs / before).is_file():
            rows.append((f"new edition: {name}", "— (../shared/pairs/ not found)"))
            continue
        with tempfile.TemporaryDirectory() as temporary:
            folder = Path(temporary) / "edition"
            make = [sys.executable, "-m", "generator", "new", str(folder), "--before", str(pairs / before), "--after", str(pairs / after)]
            build = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(folder / "mkdocs.yml")]
            times: list[tuple[float, float]] = []
            for _ in range(runs):  # each build is the first in a folder `new` has just made
                start = time.perf_counter()
                _new_edition(folder, make)
                middle = time.perf_counter()
                subprocess.run(build, env=ENV, check=True, capture_output=True)
                times.append((middle - start, time.perf_counter() - middle))
            made, built = statistics.median(t[0] for t in times), statistics.median(t[1] for t in times)
            pages = len(list((folder / "site").rglob("*.html")))
        rows.append((f"new edition: {name}: new + first build", f"{made:.2f} s + {built:.2f} s ({pages} pages)"))
    return rows


def _new_edition(folder: Path, command: list[str]) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)


def baseline_project(folder: Path) -> int:
    """Stock Material, one plain page per article of the three texts, the same Chinese text."""
    from generator.corpus.sources import load_corpus

    corpus = load_corpus(ROOT)
    docs = folder / "docs"
    count = 0
    for entry in corpus.catalogue.documents:
        for article in corpus.document(entry.id).articles:
            page = docs / entry.id / f"{article.number}.md"
            page.parent.mkdir(parents=True, exist_ok=True)
            body = "\n\n".join(p.text + "".join(f"\n\n（{i.number}）{i.text}" for i in p.items) for p in article.paragraphs)
            page.write_text(f"# {entry.title.zh} 第{article.number}条\n\n{body}\n", encoding="utf-8")
            count += 1
    (docs / "index.md").write_text("# 基线\n", encoding="utf-8")
    (folder / "mkdocs.yml").write_text(
        "site_name: baseline\ntheme:\n  name: material\n  language: zh\n  font: false\nplugins:\n  - search\n", encoding="utf-8"
    )
    return count


def gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 9))


def page_weight(site: Path, page: str) -> dict[str, int]:
    """Bytes transferred (gzip) for a page and what it links: HTML, CSS, JS, fonts (search index excluded)."""
    html_path = site / page / "index.html"
    html = html_path.read_text(encoding="utf-8")
    weights = {"html": gzipped(html_path), "css": 0, "js": 0, "fonts": 0}
    for kind, pattern in (("css", r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"'), ("js", r'<script[^>]+src="([^"]+)"')):
        for link in re.findall(pattern, html):
            if link.startswith("http"):
                continue
            target = (html_path.parent / link.split("?")[0]).resolve()
            if target.exists():
                weights[kind] += gzipped(target)
    weights["fonts"] = sum(gzipped(p) for p in site.rglob("*") if p.suffix in (".woff", ".woff2", ".ttf"))
    return weights


def _count_search_bytes(fetched: list[int], request: Request) -> None:
    """What a search fetches, as transferred (compressed, as GitHub Pages serves it): Pagefind's files and the
    search box's data."""
    if "/pagefind/" in request.url or request.url.endswith("/downloads/search.json"):
        fetched.append(request.sizes()["responseBodySize"])


def index_bytes(bundle: Path, language: str) -> int:
    """The bytes of one language's index in the Pagefind bundle (its files are named <lang>_<hash> or <lang>.)."""
    return sum(path.stat().st_size for path in bundle.rglob("*") if path.is_file() and re.match(rf"(?:\w+\.)?{language}[_.]", path.name))


def search_measures(site: Path, project: Path = ROOT) -> dict[str, object]:
    """Search as the box runs it (window.siteSearch), in Chromium, on the built `site` of `project`: hit@1 and
    hit@3 of each query set, the bytes and time of a first search on a fresh page, the median query time, the
    index's size per language."""
    from playwright.sync_api import sync_playwright

    from generator.build import run_pipeline
    from tests.browser import CHROMIUM_ARGS, chromium_executable
    from tests.test_search import SEED, copied_citations, holders, holds, queries, spans

    pipeline = run_pipeline(project)
    sets: dict[str, list[tuple[str, str, Callable[[list[str]], list[bool]]]]] = {}
    for name in ("eval-queries.tsv", "search-queries.tsv"):
        sets[name.removesuffix(".tsv")] = [
            (language, query, functools.partial(_final_articles, set(expected))) for language, query, expected in queries(name)
        ]
    sets["phrases"] = []
    sets["citations"] = []
    for language in ("zh", "en"):
        everyone = holders(pipeline, language)
        for _, span in spans(pipeline, language, SEED):
            holding = {holder.url for holder in everyone if holds(holder, span, language)}
            sets["phrases"].append((language, span, functools.partial(_among, holding)))
        for text, where in copied_citations(pipeline, language):
            sets["citations"].append((language, text, functools.partial(_among, {where}, keep_anchor=True)))
    found: dict[str, object] = {}
    latencies: list[float] = []
    first_bytes: dict[str, int] = {}
    first_ms: dict[str, int] = {}
    with serve_gzip(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_executable(), args=CHROMIUM_ARGS)
        for language, path, short, phrase in (("zh", "/", "数据", "数据交易平台"), ("en", "/en/", "data", "data trading platform")):
            for first in (short, phrase):  # a first search of a fresh page: a word, then a phrase
                fresh = browser.new_page()
                fetched: list[int] = []
                fresh.on("requestfinished", functools.partial(_count_search_bytes, fetched))
                fresh.goto(url + path)
                fresh.wait_for_load_state("load")
                start = time.perf_counter()
                fresh.evaluate("q => window.siteSearch(q, 10)", first)
                first_ms[f"{language} {first}"] = round((time.perf_counter() - start) * 1000)
                first_bytes[f"{language} {first}"] = sum(fetched)
                fresh.close()
            page = browser.new_page()
            page.goto(url + path)
            page.wait_for_load_state("load")
            for name, entries in sets.items():
                hits = found.setdefault(name, [0, 0, 0])
                assert isinstance(hits, list)
                for lang, query, judge in entries:
                    if lang != language:
                        continue
                    started = time.perf_counter()
                    urls = page.evaluate("async q => (await window.siteSearch(q, 5)).results.map(r => r.url)", query)
                    latencies.append(time.perf_counter() - started)
                    right = judge(list(urls))
                    hits[0] += bool(right[:1] and right[0])
                    hits[1] += any(right[:3])
                    hits[2] += 1
            page.close()
        browser.close()
    rows: dict[str, object] = {}
    for name, hits in found.items():
        assert isinstance(hits, list)
        rows[f"{name}: hit@1, hit@3"] = f"{hits[0] / hits[2]:.2f}, {hits[1] / hits[2]:.2f} ({hits[2]} queries)"
    rows["first search ms (loading the index)"] = first_ms
    rows["first search bytes, as transferred"] = first_bytes
    rows["median query ms"] = round(statistics.median(latencies) * 1000)
    rows["index bytes"] = {language: index_bytes(site / "pagefind", language) for language in ("zh", "en")}
    return rows


def _final_articles(expected: set[int], urls: list[str]) -> list[bool]:
    return [bool((m := re.search(r"/articles/(\d+)/", u)) and int(m.group(1)) in expected) for u in urls]


def _among(wanted: set[str], urls: list[str], keep_anchor: bool = False) -> list[bool]:
    return [(u if keep_anchor else u.split("#")[0]) in wanted for u in urls]


@contextmanager
def serve_gzip(directory: Path) -> Iterator[str]:
    """Like GitHub Pages, compress text responses (Lighthouse judges what travels)."""
    import http.server
    import threading
    from functools import partial

    class Compressing(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def send_head(self):  # type: ignore[no-untyped-def]
            path = Path(self.translate_path(self.path))
            if path.is_dir():
                path = path / "index.html"
            compressible = path.suffix in (".html", ".css", ".js", ".json", ".xml", ".svg")
            if not compressible or "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
                return super().send_head()
            body = gzip.compress(path.read_bytes(), 6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(Compressing, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def lighthouse(site: Path) -> list[tuple[str, str]]:
    """Lighthouse 12 (bench/package.json and its lock; ./dev bench installs it with npm) with the system Chromium: scores for the
    home page and a heavy article. Skipped, and said so, where npm or Chromium is missing."""
    from tests.browser import CHROMIUM_ARGS, chromium_executable

    binary = ROOT / "bench" / "node_modules" / ".bin" / "lighthouse"
    chromium = chromium_executable() or shutil.which("chromium") or shutil.which("google-chrome")
    if not binary.exists() and shutil.which("npm"):
        subprocess.run(["npm", "install", "--prefix", str(ROOT / "bench"), "--no-audit", "--no-fund"], check=False, capture_output=True)
    if not binary.exists() or not chromium:
        return [("lighthouse", "skipped (needs npm and a Chromium)")]
    rows = []
    with serve_gzip(site) as url, tempfile.TemporaryDirectory() as output:
        for name, page in (("home", "/"), ("article 59, en", "/en/articles/59/")):
            report = Path(output) / "report.json"
            command = [
                str(binary), url + page, "--output=json", f"--output-path={report}", "--quiet",
                "--only-categories=performance,accessibility,best-practices,seo", f"--chrome-flags={' '.join(CHROMIUM_ARGS)}",
            ]  # fmt: skip
            subprocess.run(command, env={**ENV, "CHROME_PATH": chromium}, check=False, capture_output=True, timeout=300)
            if not report.exists():
                rows.append((f"lighthouse {name}", "failed"))
                continue
            categories = json.loads(report.read_text(encoding="utf-8"))["categories"]
            scores = " / ".join(f"{round(categories[c]['score'] * 100)}" for c in ("performance", "accessibility", "best-practices", "seo"))
            rows.append((f"lighthouse {name}: performance/a11y/best-practices/seo", scores))
    return rows


def rebuild_after_edit(project: Path) -> float:
    """`./dev serve` (mkdocs serve --dirty): seconds from saving one annotation file to the changed page being
    served."""
    port = 8391
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload", "--dirty"],
        cwd=project,
        env={**ENV, "MKDOCS_STRICT": "false"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip  (as ./dev serve runs it)
    page = f"http://127.0.0.1:{port}/en/articles/10/"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(page, timeout=1).read()
                break
            except OSError:
                time.sleep(0.2)
        annotation = project / "annotations" / "final" / "10.yml"
        marker = f"bench-{time.time_ns()}"
        note = f"  - {{id: {marker}, kind: context, author: bench, date: 2026-01-01, zh: 测试, en: test}}\n"
        text = annotation.read_text(encoding="utf-8")  # into its notes: a second `notes:` key is refused
        annotation.write_text(
            text.replace("\nnotes:\n", "\nnotes:\n" + note, 1) if "\nnotes:\n" in text else text + "notes:\n" + note, encoding="utf-8"
        )
        start = time.perf_counter()
        while time.perf_counter() - start < 60:
            try:
                if marker in urllib.request.urlopen(page, timeout=2).read().decode("utf-8"):
                    return time.perf_counter() - start
            except OSError:
                pass
            time.sleep(0.05)
        return float("nan")
    finally:
        server.terminate()
        server.wait()


def scaled_project(folder: Path, documents: int) -> dict[str, int]:
    """The project with the Heilongjiang text copied in as further documents, up to `documents` in all: the
    real texts replicated, so that growth can be measured on realistic pages. The copies are added to the
    catalogue's model (documents and witnesses, as sources.yml declares them), not spliced into its text, so they
    follow the catalogue's shape. Returns the article pages each copy must get, by its folder."""
    copy_project(folder)
    path = folder / "sources" / "sources.yml"
    catalogue, _ = validate(Catalogue, path)
    model = next(entry for entry in catalogue.documents if entry.id == "heilongjiang")
    witness = catalogue.witness(model.printed)
    added_documents, added_witnesses, expected = [], [], {}
    for copy in range(2, documents - 1):
        number = f"{100 + copy:03d}"
        shutil.copy(folder / "sources" / witness.file, folder / "sources" / f"{number}_copy.txt")
        title = BilingualName(zh=f"黑龙江省促进数字经济条例（副本{copy}）", en=f"Heilongjiang copy {copy}")
        prefix = ArticlePrefix(zh=f"副本{copy}", en=f"Copy {copy} ")
        added_documents.append(
            model.model_copy(update={"id": f"heilongjiang-{copy}", "title": title, "printed": number, "prefix": prefix, "short": None})
        )
        added_witnesses.append(witness.model_copy(update={"id": number, "file": f"{number}_copy.txt", "document": f"heilongjiang-{copy}"}))
        expected[f"heilongjiang-{copy}"] = model.expect.articles
    scaled = catalogue.model_copy(
        update={"documents": [*catalogue.documents, *added_documents], "witnesses": [*catalogue.witnesses, *added_witnesses]}
    )
    data = scaled.model_dump(mode="json", by_alias=True, exclude_unset=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")
    load_catalogue(folder)  # the scaled catalogue is valid, or the bench stops here with the checker's words
    return expected


def corpus_size(project: Path) -> tuple[int, int]:
    """(documents, articles) of a project's catalogue, as its parser reads them."""
    corpus = load_corpus(project)
    return len(corpus.catalogue.documents), sum(len(corpus.document(entry.id).articles) for entry in corpus.catalogue.documents)


def missing_pages(site: Path, expected: dict[str, int]) -> list[str]:
    """The copies whose article pages the scaled build did not write (a set-up gone wrong, not a slow build)."""
    found = []
    for document, articles in expected.items():
        for language in ("", "en/"):
            written = len(list((site / language / document).glob("*/index.html")))
            if written != articles:
                found.append(f"{language}{document}: {written} of {articles} article pages")
    return found


def scale(runs: int) -> list[tuple[str, str]]:
    rows = []
    with tempfile.TemporaryDirectory() as temporary:
        for documents in (3, 5, 10):
            project = Path(temporary) / f"project-{documents}"
            expected = scaled_project(project, documents)
            generate = [sys.executable, "-m", "generator", "--root", str(project), "build"]
            generator = median_time(functools.partial(subprocess.run, generate, env=ENV, check=True, capture_output=True), runs)
            site = Path(temporary) / f"site-{documents}"
            build = median_time(functools.partial(mkdocs_build, project, site), runs)
            if missing := missing_pages(site, expected):
                raise SystemExit(f"bench: the {documents}-document corpus did not build the pages it should: {'; '.join(missing)}")
            pages = len(list(site.rglob("*.html")))
            count, articles = corpus_size(project)
            per_page = build / pages * 1000
            rows.append(
                (
                    f"scale: {documents} documents",
                    f"{count} documents, {articles} articles, {pages} pages; generator {generator:.2f} s; build {build:.2f} s "
                    f"({per_page:.1f} ms per page)",
                )
            )
            rows.append((f"scale: {documents} documents: rebuild after one annotation edit", f"{rebuild_after_edit(project):.2f} s"))
            rows += [
                (f"scale: {documents} documents: search: {name}", str(value)) for name, value in search_measures(site, project).items()
            ]
    return rows


def cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return f"{line.split(':', 1)[1].strip()} × {os.cpu_count()}"
    except OSError:
        pass
    return f"{platform.processor() or platform.machine()} × {os.cpu_count()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--scale", action="store_true", help="also build the corpus replicated to 5 and 10 documents")
    parser.add_argument("--only-scale", action="store_true", help="only the scaled corpora (3, 5 and 10 documents)")
    parser.add_argument("--only-editions", action="store_true", help="only `new` and the first build of the two pairs")
    arguments = parser.parse_args()
    rows: list[tuple[str, str]] = [("machine", cpu()), ("python", platform.python_version())]
    if arguments.only_editions:
        for label, measured in [*rows, *new_editions(arguments.runs)]:
            print(f"{label:<60}  {measured}")
        return
    if arguments.only_scale:
        for label, measured in [*rows, *scale(arguments.runs)]:
            print(f"{label:<60}  {measured}")
        return
    for stage, seconds in generator_stages(arguments.runs):
        rows.append((f"generator: {stage}", f"{seconds:.2f} s"))
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        project = work / "project"
        copy_project(project)
        site = work / "site"
        baseline = work / "baseline"
        pages = baseline_project(baseline)
        mkdocs_build(project, site)  # once first: caches as after any earlier build on this machine
        ours, theirs = paired_medians(
            lambda: mkdocs_build(project, site), lambda: mkdocs_build(baseline, work / "baseline-site"), arguments.runs
        )
        fresh = median_time(lambda: fresh_machine_build(project, work / "fresh-site"), arguments.runs)
        html = list(site.rglob("*.html"))
        rows += [
            ("full build (both languages, search index)", f"{ours:.2f} s"),
            (f"baseline: stock Material, {pages} plain pages", f"{theirs:.2f} s"),
            ("build ratio (ours / baseline)", f"{ours / theirs:.2f}"),
            ("build ratio per HTML page", f"{(ours / len(html)) / (theirs / (pages + 1)):.2f}"),
            ("full build on a fresh machine (no jieba or template cache yet)", f"{fresh:.2f} s"),
            ("  ratio to the baseline", f"{fresh / theirs:.2f}"),
            ("pages (HTML files)", str(len(html))),
            ("site size", f"{sum(p.stat().st_size for p in site.rglob('*') if p.is_file()) / 1e6:.1f} MB"),
        ]
        weighed = (("home", ""), ("heavy article (final 59, en)", "en/articles/59"), ("whole-document comparison (en)", "en/compare"))
        for name, page in weighed:
            weights = page_weight(site, page)
            rows.append((f"{name}: gzip bytes html/css/js/fonts", " / ".join(f"{weights[k]:,}" for k in ("html", "css", "js", "fonts"))))
            rows.append((f"{name}: total (no search index)", f"{sum(weights.values()) / 1024:.0f} KB"))
        for name, pattern in (
            ("download: corpus.json", "downloads/corpus.json"),
            ("download: Word comparison tables (zh + en)", "downloads/*.docx"),
            ("download: Akoma Ntoso (6 files)", "downloads/akn/*.xml"),
            ("download: per-article JSON and CSL-JSON (all)", "api/*/*.json"),
        ):
            found = list(site.glob(pattern))
            rows.append((f"{name}, bytes / gzip", f"{sum(p.stat().st_size for p in found):,} / {sum(gzipped(p) for p in found):,}"))
        for key, value in search_measures(site).items():
            rows.append((f"search: {key}", str(value)))
        rows += lighthouse(site)
        rows.append(("rebuild after one annotation edit (./dev serve)", f"{rebuild_after_edit(project):.2f} s"))
    rows += new_editions(arguments.runs)
    if arguments.scale:
        rows += scale(arguments.runs)
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
