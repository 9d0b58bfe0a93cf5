"""Run the pipeline and write the generated pages into docs/.

Reads: sources/, annotations/ (through the stages). Writes: Markdown pages and data downloads under docs/
(git-ignored), rewriting only files whose content changed — so `mkdocs serve` does not loop on its own
output — and removing generated files that no longer have a page.

The pipeline runs once per process for the same inputs: MkDocs builds each language in a nested build and
calls the hook each time, and the second call costs only a hash of the inputs. Under `mkdocs build` on Linux
the pages of the second language are rendered by a forked process while MkDocs builds the first (generate,
later=True): the same pages (tests/test_render.py compares them), off the build's critical path.
"""

from __future__ import annotations

import functools
import hashlib
import json
import multiprocessing
import sys
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from generator.align import Alignment, Override, align
from generator.annotate import Annotations, load_annotations
from generator.diff import load_jieba
from generator.export import concordance_csv, corpus_json
from generator.model import Document
from generator.render import LANGUAGES, Renderer, Settings
from generator.sources import Corpus, load_corpus

# Inputs whose change means the pages must be made again.
INPUTS = ("sources", "annotations", "generator")
# What the generator owns under docs/; everything else there is written by hand.
GENERATED = [
    *(
        f"{language}/{name}"
        for language in LANGUAGES
        for name in ("index.md", "concordance.md", "about.md", "glossary.md", "sources.md", "whats-new.md", "feed.xml")
    ),
    *(f"{language}/{folder}" for language in LANGUAGES for folder in ("articles", "chapters")),
    "downloads",
]


@dataclass(frozen=True)
class Result:
    pages: int
    written: int
    removed: int


_last_run: dict[Path, str] = {}


def fingerprint(root: Path) -> str:
    digest = hashlib.sha256()
    for folder in INPUTS:
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


@dataclass(frozen=True)
class Pipeline:
    corpus: Corpus
    annotations: Annotations
    alignment: Alignment


def run_pipeline(root: Path) -> Pipeline:
    """parse, normalise, collate (in load_corpus), then annotate and align: once for everything after."""
    corpus = load_corpus(root)
    documents = {entry.id: corpus.document(entry.id) for entry in corpus.catalogue.documents}
    annotations = load_annotations(root, documents)
    alignment = _align(documents["draft"], documents["final"], annotations.overrides)
    return Pipeline(corpus, annotations, alignment)


@functools.lru_cache(maxsize=4)
def _align(draft: Document, final: Document, overrides: tuple[Override, ...]) -> Alignment:
    """Under `mkdocs serve` the process stays: an edit to a translation or a note does not re-align."""
    return align(draft, final, overrides)


def outputs(pipeline: Pipeline, settings: Settings | None = None) -> dict[str, str]:
    """Every generated file: path under docs/ -> content."""
    return {**_pages(pipeline, settings, LANGUAGES), **_downloads(pipeline)}


def _pages(pipeline: Pipeline, settings: Settings | None, languages: tuple[str, ...]) -> dict[str, str]:
    return dict(Renderer(pipeline.corpus, pipeline.alignment, pipeline.annotations, settings).pages(languages))


def _downloads(pipeline: Pipeline) -> dict[str, str]:
    data = corpus_json(pipeline.corpus, pipeline.alignment, pipeline.annotations)
    return {
        "downloads/corpus.json": json.dumps(data, ensure_ascii=False, indent=1) + "\n",
        "downloads/concordance.csv": concordance_csv(pipeline.alignment),
    }


def generate(root: Path, docs: Path, force: bool = False, settings: Settings | None = None, later: bool = False) -> Result | None:
    """Write the site's generated files into `docs`. Returns None when nothing could have changed.

    later=True (the MkDocs hook): where forking is safe, only the first language's pages are written before
    this returns; a forked process renders and writes the others meanwhile, while MkDocs builds the first
    language. Their files exist already, empty if new: mkdocs-static-i18n pairs each page with its translation
    by file name, and the first language's build reads nothing else of them. `finish(docs)` waits for them;
    the hook calls it before MkDocs reads the second language."""
    settings = settings or Settings()
    key = fingerprint(root) + repr(settings)
    if not force and _last_run.get(docs) == key:
        return None
    finish(docs)  # an earlier generation's forked process is still writing
    pipeline = run_pipeline(root)
    if later and sys.platform == "linux" and threading.active_count() == 1:
        load_jieba()  # before the fork, so that both processes have it
        files = {**_pages(pipeline, settings, LANGUAGES[:1]), **_downloads(pipeline)}
        others = _counterparts(files)
        for path in (docs / name for name in others):
            if not path.exists():  # (an existing file keeps its time: MkDocs' --dirty compares times)
                path.parent.mkdir(parents=True, exist_ok=True)
                path.touch()
        global _forked
        _forked = (pipeline, settings, docs, others)
        pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
        _pending[docs] = (pool, pool.submit(_write_other_languages))
    else:
        files, others = outputs(pipeline, settings), set()
    written = _write(docs, files)
    removed = _remove_stale(docs, {*files, *others})
    _last_run[docs] = key
    return Result(len(files) + len(others), written, removed)


def finish(docs: Path) -> int:
    """Wait for the forked process of generate(later=True), if any; the number of files it wrote."""
    if docs not in _pending:
        return 0
    pool, written = _pending.pop(docs)
    try:
        return written.result()
    finally:
        pool.shutdown()


_pending: dict[Path, tuple[ProcessPoolExecutor, Future[int]]] = {}
# What the forked process works from: it sees this process's memory as it was at the fork, nothing is pickled.
_forked: tuple[Pipeline, Settings, Path, set[str]] | None = None


def _write_other_languages() -> int:
    assert _forked is not None, "only in the process generate() forks"
    pipeline, settings, docs, expected = _forked
    files = _pages(pipeline, settings, LANGUAGES[1:])
    if set(files) != expected:
        raise RuntimeError(f"the pages of {LANGUAGES[1:]} are not those of {LANGUAGES[0]}: {sorted(set(files) ^ expected)[:5]}")
    return _write(docs, files)


def _counterparts(files: dict[str, str]) -> set[str]:
    """The other languages' pages: each language has the same pages as the first (Renderer.pages)."""
    first = f"{LANGUAGES[0]}/"
    return {f"{language}/{name.removeprefix(first)}" for name in files if name.startswith(first) for language in LANGUAGES[1:]}


def _write(docs: Path, files: dict[str, str]) -> int:
    """Write each file whose content changed (so `mkdocs serve` does not loop on its own output)."""
    written = 0
    for name, content in files.items():
        path = docs / name
        if path.exists() and path.read_text(encoding="utf-8") == content:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
        written += 1
    return written


def _remove_stale(docs: Path, names: set[str]) -> int:
    """Remove generated files that no longer have a page."""
    removed = 0
    # Beside the fixed list, every folder the generator writes pages into (one per document) is its own.
    folders = {"/".join(name.split("/")[:2]) for name in names if name.count("/") >= 2}
    for owned in sorted(set(GENERATED) | folders):
        place = docs / owned
        candidates = [place] if place.is_file() else sorted(place.rglob("*")) if place.is_dir() else []
        for path in candidates:
            if path.is_file() and path.relative_to(docs).as_posix() not in names:
                path.unlink()
                removed += 1
    return removed
