"""`python -m generator new DIR --before FILE --after FILE`: a new edition of any two versions of a Chinese law.

Reads: the two files, and what their own metadata lines state (a LawRefBook file names every adoption,
amendment and revision: `2009年6月27日 第十一届全国人民代表大会常务委员会第九次会议修订`). Writes, without asking
anything, a folder that builds at once (`./dev build DIR`, `./dev serve DIR`):
- `sources/` with the two files byte for byte, and a `sources.yml` naming them, their sha256, the dates each
  states (line and words), the two documents with their roles, titles, counts and facts, the edition's kind
  (amendment 修正, revision 修订, or a draft and its adopted text) and identity;
- an empty `annotations/`; a `mkdocs.yml` that inherits everything from this project's.
What the texts cannot tell (the English title, the work's name in Akoma Ntoso URIs) comes from flags or is
written into sources.yml marked `# editor:`, never guessed silently. Everything is checked in a temporary folder
first: on any problem nothing is written.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from generator.corpus.model import Document
from generator.corpus.parse import parse_file
from generator.corpus.sources import load_corpus
from generator.errors import InputError, Problem
from generator.render.locale import LOCALES

PROJECT = Path(__file__).resolve().parent.parent
# A metadata line: its date, the body that acted, and what it did (the last of these words on the line).
STATED = re.compile(r"(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日")
ACTS = {"通过": "adopted", "批准": "approved", "公布": "promulgated", "修正": "amended", "修订": "revised"}
BODY = re.compile(r"([^\s《》，。]*?人民代表大会(?:常务委员会)?)")
LABELS = {
    "adopted": ("通过", "Adopted"),
    "approved": ("批准", "Approved"),
    "promulgated": ("公布", "Promulgated"),
    "amended": ("修正", "Amended"),
    "revised": ("修订", "Revised"),
    "published": ("发布", "Published"),
}
DRAFT_WORDS = ("征求意见稿", "草案")
EDITOR = "# editor: not in the text — check or replace"
SCHEMA_PLACEHOLDER = "<schema>"


@dataclass(frozen=True)
class Stated:
    """A date a metadata line states: what happened, by which body."""

    line: int
    text: str
    event: str
    day: date
    body: str


def stated_dates(document: Document) -> list[Stated]:
    """The adoption, approval, amendments and revisions a text's metadata lines state, in order."""
    found = []
    for front in document.front_matter:
        if front.kind != "metadata" or not (match := STATED.search(front.text)):
            continue
        acts = [(front.text.rfind(word), event) for word, event in ACTS.items() if word in front.text]
        if not acts:
            continue
        event = max(acts)[1]
        body = BODY.search(front.text[match.end() :])
        day = date(int(match["year"]), int(match["month"]), int(match["day"]))
        found.append(Stated(front.line, front.text, event, day, body.group(1) if body else ""))
    return found


def _fail(file: str, message: str, hint: str = "") -> InputError:
    return InputError([Problem(file, 0, message, hint)])


def _read(path: Path, role: str) -> tuple[bytes, Document]:
    if not path.is_file():
        raise _fail(str(path), f"no such file (the {role} text)")
    data = path.read_bytes()
    if not data.strip():
        raise _fail(str(path), f"the file is empty (the {role} text)")
    try:
        return data, parse_file(path, role)
    except InputError as error:
        first = error.problems[0]
        raise _fail(f"{first.file}:{first.line}", f"not readable as the text of a law: {first.message}", first.hint) from None


def make_edition(folder: Path, before_file: Path, after_file: Path, kind: str | None = None, english_title: str = "",
                 akn_name: str = "", locality: str = "", english: bool = False) -> Path:  # fmt: skip
    """Write the new edition into `folder` (which must not exist). Raises InputError, writing nothing."""
    if folder.exists():
        raise _fail(str(folder), "already exists: give a new folder for the edition (nothing was written)")
    before_data, before = _read(before_file, "before")
    after_data, after = _read(after_file, "after")
    if hashlib.sha256(before_data).digest() == hashlib.sha256(after_data).digest():
        raise _fail(str(after_file), f"is the same text as {before_file}: give the older version, then the newer")
    before_dates, after_dates = stated_dates(before), stated_dates(after)
    kind = kind or _kind(before, after_dates)
    names = {"before": _ids(before_dates, "before"), "after": _ids(after_dates, "after")}
    if names["before"] == names["after"]:
        names = {"before": "before", "after": "after"}
    staging = Path(tempfile.mkdtemp(prefix=".new-edition-", dir=folder.parent if folder.parent.exists() else None))
    try:
        for name in ("sources", "annotations", "docs"):  # docs/: the generator writes the pages there
            (staging / name).mkdir()
        files = {}
        for number, (path, data) in enumerate(((before_file, before_data), (after_file, after_data))):
            files[number] = f"{number:03d}_{path.name}"
            (staging / "sources" / files[number]).write_bytes(data)
        texts = {"before": (before, before_dates, "000", before_data), "after": (after, after_dates, "001", after_data)}
        catalogue = _catalogue(kind, names, texts, files, english_title, akn_name or _akn_name(after_file), locality, english)
        schema = os.path.relpath(PROJECT / "schema" / "sources.schema.json", folder.resolve() / "sources")
        catalogue = catalogue.replace(SCHEMA_PLACEHOLDER, schema, 1)
        (staging / "sources" / "sources.yml").write_text(catalogue, encoding="utf-8")
        (staging / "annotations" / "README.md").write_text(ANNOTATIONS_README, encoding="utf-8")
        (staging / ".gitignore").write_text("docs/\nsite/\n", encoding="utf-8")
        (staging / "mkdocs.yml").write_text(_mkdocs(folder, str(after.title or ""), english, english_title), encoding="utf-8")
        load_corpus(staging)  # everything it wrote reads back, or nothing is kept
        folder.parent.mkdir(parents=True, exist_ok=True)
        staging.rename(folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return folder


def _kind(before: Document, after_dates: list[Stated]) -> str:
    if any(word in (before.title or "") for word in DRAFT_WORDS):
        return "adoption"
    last = max(after_dates, key=lambda s: s.day, default=None)
    return "revision" if last is not None and last.event == "revised" else "amendment"


def _made(dates: list[Stated]) -> Stated | None:
    """The adoption, amendment or revision that made the text what it is: the last of them."""
    return max((s for s in dates if s.event in ("adopted", "amended", "revised")), key=lambda s: s.day, default=None)


def _ids(dates: list[Stated], fallback: str) -> str:
    last = _made(dates)
    return f"v{last.day.year}" if last else fallback


def _akn_name(path: Path) -> str:
    """The work's name from the file's name where it is one already (statistics-law-2024-09-13.md -> statistics-law)."""
    stem = re.sub(r"[-_]?\d{4}(-\d{2}-\d{2})?$", "", path.stem.lower())
    return stem if re.fullmatch(r"[a-z][a-z0-9-]*", stem) else ""


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML string


def _version_names(kind: str, year: int | None, role: str) -> tuple[str, str]:
    """(Chinese, English) short names of a text by its role: 2009年文本 / 2009 text, 2024年修正文本 / As amended 2024."""
    if kind == "adoption":
        return ("征求意见稿", "Draft") if role == "before" else ("通过文本", "Adopted text")
    if role == "before":
        return (f"{year}年文本", f"{year} text") if year else ("修改前的文本", "Earlier text")
    zh, en = ("修正", "amended") if kind == "amendment" else ("修订", "revised")
    return (f"{year}年{zh}文本", f"As {en} {year}") if year else (f"{zh}后的文本", f"As {en}")


def _catalogue(kind: str, names: dict[str, str], texts: dict[str, Any], files: dict[int, str], english_title: str,
               akn_name: str, locality: str, english: bool) -> str:  # fmt: skip
    after_doc = texts["after"][0]
    law = str(after_doc.title or "")
    what = {"adoption": "征求意见稿与通过文本对照", "amendment": "修正前后对照", "revision": "修订前后对照"}[kind]
    out = [
        f"# yaml-language-server: $schema={SCHEMA_PLACEHOLDER}",
        "#",
        "# Written by `python -m generator new` from the two texts' own metadata lines. Lines marked `# editor:`",
        "# hold what the texts do not say: check them. `python -m generator check --root .` validates this file.",
        "",
        "edition:",
        f"  kind: {kind}",
        f"  before: {names['before']}",
        f"  after: {names['after']}",
        "  others: []",
        f"  title: {{zh: {_q(law + ' ' + what)}, en: {_q(english_title or law)}}}" + ("" if english_title else f"  {EDITOR}"),
        f"  languages: {'[zh, en]' if english else '[zh]'}",
        "",
        "documents:",
    ]
    for role in ("after", "before"):
        document, dates, witness, _ = texts[role]
        made = _made(dates)
        zh, en = _version_names(kind, made.day.year if made else None, role)
        title = str(document.title or law)
        counts = f"{{chapters: {len(document.chapters)}, articles: {len(document.articles)}}}"
        out += [
            f"  - id: {names[role]}",
            f"    title: {{zh: {_q(title)}, en: {_q(english_title or title)}}}" + ("" if english_title else f"  {EDITOR}"),
            f"    short: {{zh: {_q(zh)}, en: {_q(en)}}}",
            f"    printed: {_q(witness)}",
            f"    expect: {counts}",
        ]
        if role == "before":
            out.append(f"    prefix: {{zh: {_q(zh)}, en: {_q(en + ', ')}}}")
        if made and made.body:
            out.append(f"    authority: {{zh: {_q(made.body)}, en: {_q(made.body)}}}  # editor: the body's English name")
        document_type = "bill" if kind == "adoption" and role == "before" else "act"
        dated = any(s.event in ("adopted", "published") for s in dates)
        if akn_name and not dated:
            line = f"{{locality: {_q(locality)}, type: {document_type}, name: {akn_name}, date: …}}"
            out.append(f"    # akn: {line}  # editor: the text states no date to name the Akoma Ntoso work by")
        elif akn_name:
            out.append(f"    akn: {{locality: {_q(locality)}, type: {document_type}, name: {akn_name}}}")
        else:
            out.append(
                f"    # akn: {{locality: {_q(locality)}, type: {document_type}, name: …}}  # editor: name the work to publish Akoma Ntoso"
            )
        if dates:
            out.append("    facts:")
        for s in dates:
            label_zh, label_en = LABELS[s.event]
            out += [
                f"      - label: {{zh: {label_zh}, en: {label_en}}}",
                f"        value: {{zh: {_q(s.text)}, en: {_q(LOCALES['en'].date(s.day) + ': ' + s.text)}}}",
                f"        witness: {_q(witness)}",
                f"        line: {s.line}",
                f"        quote: {_q(s.text)}",
            ]
    out += ["", "witnesses:"]
    for number, role in enumerate(("before", "after")):
        document, dates, witness, data = texts[role]
        out += [
            f"  - id: {_q(witness)}",
            f"    file: {_q(files[number])}",
            f"    sha256: {hashlib.sha256(data).hexdigest()}",
            f"    document: {names[role]}",
            "    script: Hans",
            "    kind: {zh: 所给文本，未与官方来源核对, en: The text as given; not checked against an official source}",
            "    dates:" + ("" if dates else " []"),
        ]
        for s in dates:
            out += [
                f"      - event: {s.event}",
                f"        date: {s.day.isoformat()}",
                f"        line: {s.line}",
                f"        quote: {_q(s.text)}",
            ]
        out.append("    defects: []")
    return "\n".join(out) + "\n"


class _AnyTag(yaml.SafeLoader):
    """Reads mkdocs.yml's !ENV and !!python tags as nothing: only the i18n block is wanted."""


def _ignore(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_AnyTag.add_multi_constructor("", _ignore)


def _mkdocs(folder: Path, law: str, english: bool, english_title: str) -> str:
    """The edition's mkdocs.yml: this project's, with the edition's name, folders and languages."""
    target = folder.resolve()

    def relative(path: str) -> str:
        return os.path.relpath(PROJECT / path, target)

    project = yaml.load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_AnyTag)
    i18n = next(plugin["i18n"] for plugin in project["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)
    languages = [language for language in i18n["languages"] if english or language["locale"] == "zh"]
    for language in languages:
        if language["locale"] == "en":
            language["site_name"] = english_title or law
            language["site_description"] = f"{english_title or law}: two versions compared article by article"
    config: dict[str, Any] = {
        "INHERIT": relative("mkdocs.yml"),
        "site_name": f"{law} 对照本",
        "site_description": f"《{law}》两个文本逐条对照",
        "docs_dir": "docs",
        "site_dir": "site",
        "theme": {"custom_dir": relative("overrides")},
        "hooks": [relative("hooks/generate.py")],
        "watch": ["sources", "annotations", relative("generator")],
        "plugins": [{"i18n": {**i18n, "languages": languages}}],
    }
    head = "# This edition's site: the rest comes from the generator's own mkdocs.yml (INHERIT). Written by `python -m generator new`.\n"
    return head + yaml.safe_dump(config, allow_unicode=True, sort_keys=False)


ANNOTATIONS_README = """# Annotations

The editors' files for this edition: translations, captions and notes per article
(`<document>/<article>.yml`), corrections to the alignment (`alignment.yml`), the glossary (`glossary.yml`).
None is needed to build the site. See CONTRIBUTING.md in the generator's repository for the formats, and
`python -m generator stub <document> --root <this edition>` for skeleton files to fill in.
"""
