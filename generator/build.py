"""Run the pipeline and write the generated pages into docs/.

Reads: sources/, annotations/ (through the stages). Writes: Markdown pages and data downloads under docs/
(git-ignored), rewriting only files whose content changed — so `mkdocs serve` does not loop on its own
output — and removing generated files that no longer have a page.

The generator owns whole folders of docs/: one per language and downloads/; nothing in them is written by hand.
The pipeline runs once per process for the same inputs: MkDocs builds each language in a nested build and
calls the hook each time, and the second call costs only a hash of the inputs. Across processes, a record in
the user's cache folder (~/.cache/annotated-law/, safe to delete) says which files the last run wrote for which
inputs: a second build of the same tree renders nothing while every file is as written. Under `mkdocs serve`
the pages come first and the downloads after them (`finish_preview`); `./dev build` and CI write everything.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.annotations.annotate import Annotations, load_annotations
from generator.compare.align import Alignment, Override, align
from generator.compare.changes import correction_problems
from generator.corpus.model import Document
from generator.corpus.sources import Corpus, load_catalogue, load_corpus
from generator.errors import InputError
from generator.exports.akn import akn_document
from generator.exports.api import article_files, llms_txt
from generator.exports.export import concordance_csv, corpus_json, search_data
from generator.exports.searchindex import index_site
from generator.exports.wordtable import comparison_docx
from generator.render import urls
from generator.render.front import downloads
from generator.render.incremental import Rendered, render_pages
from generator.render.locale import LANGUAGES
from generator.render.pages import pages
from generator.render.site import Settings, Site

PROJECT = Path(__file__).resolve().parent.parent  # this repository: its generator, and its docs/assets
# An edition's inputs whose change means the pages must be made again, beside the generator's own code.
INPUTS = ("sources", "annotations")
# The folders of docs/ the generator owns (see .gitignore); everything else there is written by hand. An edition
# made with `python -m generator new` has no docs/ of its own: the generator writes this project's assets there too.
GENERATED = (*LANGUAGES, "downloads", "api")
DATA = ("downloads", "api")  # the folders of downloads, which a preview writes after its pages
ASSETS = PROJECT / "docs" / "assets"
KEPT_RECORDS = 20  # records of earlier runs kept in the cache folder, the most recent


@dataclass(frozen=True)
class Result:
    pages: int
    written: int
    removed: int


_last_run: dict[Path, str] = {}
_pending: dict[Path, tuple[Pipeline, Site, str, dict[str, str | bytes]]] = {}  # what a preview still owes docs/
_corpora: dict[Path, tuple[str, Corpus]] = {}  # the texts last parsed from each root, by their fingerprint
_rendered: dict[Path, tuple[str, Alignment, Rendered]] = {}  # the last preview's pages, and what they rest on


def fingerprint(root: Path, inputs: tuple[str, ...] = INPUTS) -> str:
    """Everything the generated files depend on: the edition's inputs, the generator's code, templates and
    assets, and the exact versions of the libraries it runs on (requirements.lock)."""
    digest = hashlib.sha256()
    for base, folder in [*((root, folder) for folder in inputs), (PROJECT, "generator"), (PROJECT, "docs/assets")]:
        for path in sorted((base / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(base)).encode())
                digest.update(path.read_bytes())
    lock = PROJECT / "requirements.lock"
    digest.update(lock.read_bytes() if lock.is_file() else b"")
    return digest.hexdigest()


def _manifest(docs: Path) -> Path:
    """Where the last run's record for this docs folder is kept: the user's cache folder ($XDG_CACHE_HOME, else
    ~/.cache), safe to delete (the next build then renders everything)."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "annotated-law"
    return base / (hashlib.sha256(str(docs.resolve()).encode()).hexdigest()[:16] + ".json")


def _unchanged(docs: Path, key: str) -> bool:
    """Did an earlier run write these very files for these very inputs, and are they all still as written?"""
    try:
        record = json.loads(_manifest(docs).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(record, dict) or record.get("key") != key or not isinstance(record.get("files"), dict):
        return False
    for name, digest in record["files"].items():
        path = docs / name
        if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            return False
    return True


def _remember(docs: Path, key: str, files: dict[str, str | bytes]) -> None:
    record = {"key": key, "files": {name: hashlib.sha256(_bytes(content)).hexdigest() for name, content in files.items()}}
    path = _manifest(docs)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(record), encoding="utf-8")
        kept = sorted(path.parent.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in kept[KEPT_RECORDS:]:  # one record per docs folder built (tests build many): the latest only
            old.unlink(missing_ok=True)
    except OSError:
        pass  # no cache folder: the next build renders everything again, as without one


def _bytes(content: str | bytes) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content


@dataclass(frozen=True)
class Pipeline:
    corpus: Corpus
    annotations: Annotations
    alignment: Alignment


def run_pipeline(root: Path) -> Pipeline:
    """parse, normalise, collate (in load_corpus), then annotate and align: once for everything after."""
    corpus = _load_corpus(root)
    documents = {entry.id: corpus.document(entry.id) for entry in corpus.catalogue.documents}
    annotations = load_annotations(root, documents, corpus.laws, corpus.catalogue.edition.compared)
    alignment = _align(corpus.before, corpus.after, annotations.overrides)
    problems = correction_problems(alignment, corpus.before, corpus.after, annotations.corrections)
    if problems:
        raise InputError(problems)
    return Pipeline(corpus, annotations, alignment)


def _load_corpus(root: Path) -> Corpus:
    """The texts, parsed again only when a source file or the generator changed (under `mkdocs serve` the
    process stays, and an edit to an annotation does not touch them)."""
    key = fingerprint(root, ("sources",))
    last = _corpora.get(root)
    if last is not None and last[0] == key:
        return last[1]
    corpus = load_corpus(root)
    _corpora[root] = (key, corpus)
    return corpus


@functools.lru_cache(maxsize=4)
def _align(draft: Document, final: Document, overrides: tuple[Override, ...]) -> Alignment:
    """Under `mkdocs serve` the process stays: an edit to a translation or a note does not re-align."""
    return align(draft, final, overrides)


def outputs(pipeline: Pipeline, settings: Settings | None = None) -> dict[str, str | bytes]:
    """Every generated file: path under docs/ -> content."""
    site = Site(pipeline.corpus, pipeline.alignment, pipeline.annotations, settings or Settings())
    data = _downloads(pipeline, site)
    return {**dict(pages(site)), **_listed(site, {name: len(_bytes(content)) for name, content in data.items()}), **data}


def assets() -> dict[str, str | bytes]:
    """This project's stylesheet and scripts, for an edition kept in a folder of its own."""
    return {f"assets/{path.name}": path.read_bytes() for path in sorted(ASSETS.iterdir()) if path.is_file()}


def _downloads(pipeline: Pipeline, site: Site) -> dict[str, str | bytes]:
    data = corpus_json(pipeline.corpus, pipeline.alignment, pipeline.annotations)
    files: dict[str, str | bytes] = {
        "downloads/corpus.json": json.dumps(data, ensure_ascii=False, indent=1) + "\n",
        "downloads/concordance.csv": concordance_csv(pipeline.alignment, pipeline.corpus.catalogue.edition.compared),
        "downloads/search.json": json.dumps(search_data(pipeline.corpus, pipeline.annotations, site.labels), ensure_ascii=False) + "\n",
        "llms.txt": llms_txt(site),
    }
    files.update(article_files(pipeline.corpus, data, site.settings.site_url))
    for language in site.languages:
        files[f"downloads/comparison.{language}.docx"] = comparison_docx(site, language)
        for entry in pipeline.corpus.catalogue.documents:
            if entry.akn is not None:  # a document whose Akoma Ntoso work is named in sources.yml
                files[f"downloads/akn/{entry.id}.{language}.xml"] = akn_document(site, entry.id, language)
    return files


def navigation(root: Path, nav: list[Any]) -> list[Any]:
    """mkdocs.yml's navigation with the whole text of each document of sources/sources.yml."""
    catalogue = load_catalogue(root)
    return urls.navigation(nav, [entry.id for entry in catalogue.documents], catalogue.edition.after)


def generate(root: Path, docs: Path, force: bool = False, settings: Settings | None = None, preview: bool = False) -> Result | None:
    """Write the site's generated files into `docs`. Returns None when nothing could have changed. A preview
    (`mkdocs serve`) writes the pages only: `finish_preview` writes the downloads once the pages are served."""
    settings = settings or Settings()
    key = fingerprint(root) + repr(settings)
    if not force and (_last_run.get(docs) == key or _unchanged(docs, key)):
        _last_run[docs] = key  # a later build of the same inputs renders nothing: the files are there as written
        return None
    pipeline = run_pipeline(root)
    site = Site(pipeline.corpus, pipeline.alignment, pipeline.annotations, settings)
    if preview:  # only the pages that read what changed since the last preview are made again
        same = fingerprint(root, ("sources",)) + repr(settings)  # everything but the annotations
        last = _rendered.get(docs)
        previous = last[2] if last is not None and last[0] == same and last[1] == pipeline.alignment else None
        rendered = render_pages(site, previous)
        _rendered[docs] = (same, pipeline.alignment, rendered)
        files: dict[str, str | bytes] = {**rendered.contents, **_listed(site, _sizes_on_disk(docs))}
    else:
        files = dict(pages(site))
    if not preview:
        data = _downloads(pipeline, site)
        files.update(_listed(site, {name: len(_bytes(content)) for name, content in data.items()}))
        files.update(data)
    own_assets = docs.resolve() != (PROJECT / "docs").resolve()
    if own_assets:
        files.update(assets())
    written = _write(docs, files)
    folders = tuple(folder for folder in (*GENERATED, *(("assets",) if own_assets else ())) if not (preview and folder in DATA))
    removed = _remove_stale(docs, set(files), folders)
    _last_run[docs] = key
    if preview:
        _pending[docs] = (pipeline, site, key, files)
    else:
        _pending.pop(docs, None)
        _remember(docs, key, files)
    return Result(len(files), written, removed)


def finish_preview(docs: Path, site_dir: Path) -> None:
    """The downloads a preview build left out, made after its pages are served: written into docs/ and into the
    served site (MkDocs copies them there on the next build anyway). The downloads page shows the sizes of
    the files as they were when the pages were made."""
    pending = _pending.pop(docs, None)
    if pending is None:
        return
    pipeline, site, key, files = pending
    data = _downloads(pipeline, site)
    _write(docs, data)
    _write(site_dir, data)
    _remove_stale(docs, set(files) | set(data), DATA)
    _remember(docs, key, {**files, **data})


def after_preview(docs: Path, site_dir: Path, warn: Callable[[str], None]) -> threading.Thread:
    """Under `mkdocs serve`, once the pages are served: the downloads, then the search index (a failure is a
    warning there), in the background."""

    def finish() -> None:
        finish_preview(docs, site_dir)
        if problem := index_site(site_dir):
            warn(f"the preview's search may be out of date: {problem}")

    thread = threading.Thread(target=finish, daemon=True)
    thread.start()
    return thread


def _listed(site: Site, sizes: dict[str, int]) -> dict[str, str | bytes]:
    return {f"{language}/downloads.md": downloads(site, language, sizes) for language in site.languages}


def _sizes_on_disk(docs: Path) -> dict[str, int]:
    found = [path for folder in DATA for path in (docs / folder).rglob("*") if path.is_file()]
    return {path.relative_to(docs).as_posix(): path.stat().st_size for path in found}


def _write(docs: Path, files: dict[str, str | bytes]) -> int:
    """Write each file whose content changed (so `mkdocs serve` does not loop on its own output)."""
    written = 0
    for name, content in files.items():
        path = docs / name
        data = _bytes(content)
        if path.exists() and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written += 1
    return written


def _remove_stale(docs: Path, names: set[str], folders: tuple[str, ...]) -> int:
    """Remove generated files that no longer have a page."""
    removed = 0
    for folder in folders:
        for path in sorted((docs / folder).rglob("*")):
            if path.is_file() and path.relative_to(docs).as_posix() not in names:
                path.unlink()
                removed += 1
    return removed
