"""Run the pipeline and write the generated pages into docs/.

Reads: sources/, annotations/ (through the stages). Writes: Markdown pages and data downloads under docs/
(git-ignored), rewriting only files whose content changed — so `mkdocs serve` does not loop on its own
output — and removing generated files that no longer have a page.

The generator owns whole folders of docs/: one per language and downloads/; nothing in them is written by hand.
The pipeline runs once per process for the same inputs: MkDocs builds each language in a nested build and
calls the hook each time, and the second call costs only a hash of the inputs.
"""

from __future__ import annotations

import functools
import hashlib
import json
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
from generator.exports.wordtable import comparison_docx
from generator.render import urls
from generator.render.front import downloads
from generator.render.locale import LANGUAGES
from generator.render.pages import pages
from generator.render.site import Settings, Site

PROJECT = Path(__file__).resolve().parent.parent  # this repository: its generator, and its docs/assets
# An edition's inputs whose change means the pages must be made again, beside the generator's own code.
INPUTS = ("sources", "annotations")
# The folders of docs/ the generator owns (see .gitignore); everything else there is written by hand. An edition
# made with `python -m generator new` has no docs/ of its own: the generator writes this project's assets there too.
GENERATED = (*LANGUAGES, "downloads", "api")
ASSETS = PROJECT / "docs" / "assets"


@dataclass(frozen=True)
class Result:
    pages: int
    written: int
    removed: int


_last_run: dict[Path, str] = {}


def fingerprint(root: Path) -> str:
    digest = hashlib.sha256()
    for base, folder in [*((root, folder) for folder in INPUTS), (PROJECT, "generator"), (PROJECT, "docs/assets")]:
        for path in sorted((base / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(base)).encode())
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
    annotations = load_annotations(root, documents, corpus.laws, corpus.catalogue.edition.compared)
    alignment = _align(corpus.before, corpus.after, annotations.overrides)
    problems = correction_problems(alignment, corpus.before, corpus.after, annotations.corrections)
    if problems:
        raise InputError(problems)
    return Pipeline(corpus, annotations, alignment)


@functools.lru_cache(maxsize=4)
def _align(draft: Document, final: Document, overrides: tuple[Override, ...]) -> Alignment:
    """Under `mkdocs serve` the process stays: an edit to a translation or a note does not re-align."""
    return align(draft, final, overrides)


def outputs(pipeline: Pipeline, settings: Settings | None = None) -> dict[str, str | bytes]:
    """Every generated file: path under docs/ -> content."""
    site = Site(pipeline.corpus, pipeline.alignment, pipeline.annotations, settings or Settings())
    data = _downloads(pipeline, site)
    sizes = {name: len(content.encode("utf-8") if isinstance(content, str) else content) for name, content in data.items()}
    listed = {f"{language}/downloads.md": downloads(site, language, sizes) for language in site.languages}
    return {**dict(pages(site)), **listed, **data}


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


def generate(root: Path, docs: Path, force: bool = False, settings: Settings | None = None) -> Result | None:
    """Write the site's generated files into `docs`. Returns None when nothing could have changed."""
    settings = settings or Settings()
    key = fingerprint(root) + repr(settings)
    if not force and _last_run.get(docs) == key:
        return None
    files = outputs(run_pipeline(root), settings)
    own_assets = docs.resolve() != (PROJECT / "docs").resolve()
    if own_assets:
        files.update(assets())
    written = _write(docs, files)
    removed = _remove_stale(docs, set(files), (*GENERATED, "assets") if own_assets else GENERATED)
    _last_run[docs] = key
    return Result(len(files), written, removed)


def _write(docs: Path, files: dict[str, str | bytes]) -> int:
    """Write each file whose content changed (so `mkdocs serve` does not loop on its own output)."""
    written = 0
    for name, content in files.items():
        path = docs / name
        data = content.encode("utf-8") if isinstance(content, str) else content
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
