"""Run the pipeline and write the generated pages into docs/.

Reads: sources/, annotations/ (through the stages). Writes: Markdown pages and data downloads under docs/
(git-ignored), rewriting only files whose content changed — so `mkdocs serve` does not loop on its own
output — and removing generated files that no longer have a page.

The pipeline runs once per process for the same inputs: MkDocs builds each language in a nested build and
calls the hook each time, and the second call costs only a hash of the inputs. On Linux, in a process with no
other thread (`mkdocs build`), the pages of the second language are rendered in a forked process while this
one renders the first: the same pages (tests/test_render.py compares them), in about two thirds of the time.
"""

from __future__ import annotations

import functools
import hashlib
import json
import multiprocessing
import sys
import threading
from concurrent.futures import ProcessPoolExecutor
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


def outputs_in_parallel(pipeline: Pipeline, settings: Settings | None = None) -> dict[str, str]:
    """outputs(), with the languages after the first rendered in a forked process meanwhile, where forking is
    safe (Linux, and no other thread in this process that a fork could catch holding a lock)."""
    if sys.platform != "linux" or threading.active_count() > 1:
        return outputs(pipeline, settings)
    global _forked
    load_jieba()  # before the fork, so that both processes have it
    _forked = (pipeline, settings)
    try:
        with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork")) as pool:
            later = pool.submit(_forked_pages, LANGUAGES[1:])
            files = _pages(pipeline, settings, LANGUAGES[:1])
            files.update(later.result())
    finally:
        _forked = None
    return {**files, **_downloads(pipeline)}


_forked: tuple[Pipeline, Settings | None] | None = None  # what the forked process renders from (it is not pickled)


def _forked_pages(languages: tuple[str, ...]) -> dict[str, str]:
    assert _forked is not None, "called outside outputs_in_parallel"
    return _pages(*_forked, languages)


def _pages(pipeline: Pipeline, settings: Settings | None, languages: tuple[str, ...]) -> dict[str, str]:
    return dict(Renderer(pipeline.corpus, pipeline.alignment, pipeline.annotations, settings).pages(languages))


def _downloads(pipeline: Pipeline) -> dict[str, str]:
    data = corpus_json(pipeline.corpus, pipeline.alignment, pipeline.annotations)
    return {
        "downloads/corpus.json": json.dumps(data, ensure_ascii=False, indent=1) + "\n",
        "downloads/concordance.csv": concordance_csv(pipeline.alignment),
    }


def generate(root: Path, docs: Path, force: bool = False, settings: Settings | None = None) -> Result | None:
    """Write the site's generated files into `docs`. Returns None when nothing could have changed."""
    settings = settings or Settings()
    key = fingerprint(root) + repr(settings)
    if not force and _last_run.get(docs) == key:
        return None
    files = outputs_in_parallel(run_pipeline(root), settings)
    written = 0
    for name, content in files.items():
        path = docs / name
        if path.exists() and path.read_text(encoding="utf-8") == content:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
        written += 1
    removed = 0
    # Beside the fixed list, every folder the generator writes pages into (one per document) is its own.
    folders = {"/".join(name.split("/")[:2]) for name in files if name.count("/") >= 2}
    for owned in sorted(set(GENERATED) | folders):
        place = docs / owned
        candidates = [place] if place.is_file() else sorted(place.rglob("*")) if place.is_dir() else []
        for path in candidates:
            if path.is_file() and path.relative_to(docs).as_posix() not in files:
                path.unlink()
                removed += 1
    _last_run[docs] = key
    return Result(len(files), written, removed)
