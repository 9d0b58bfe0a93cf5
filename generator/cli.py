"""`python -m generator …`: the command line. The only place (with the MkDocs hook) that turns errors into
messages: exit 0 on success, 1 with every problem listed on bad input, never a traceback.

    parse FILE        print any regulation text's structure as JSON
    variants          the variant readings of the witnesses (--format tsv|json)
    check             validate sources and annotations, the translations and the content rules; print what was found
    align [BEFORE AFTER]  the draft -> final alignment, or any two files' (--format tsv|json, --no-overrides, --clauses)
    suggest DOCUMENT  comparable provisions of another document, by wording (--against heilongjiang)
    export            the whole corpus and alignment as JSON (--format json)
    build             write the generated pages into docs/ (MkDocs' hook does this on every build)
    stub DOCUMENT     write skeleton translation files (annotations/DOCUMENT/*.yml) where none has English yet
    schema            write the JSON Schemas editors' tools use (schema/*.schema.json)
    new DIR --before FILE --after FILE   make a new edition of two versions of a law in DIR
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from dataclasses import asdict
from pathlib import Path
from typing import Any

from generator.annotations.alignmentfile import AlignmentFile
from generator.annotations.annotate import read_annotations
from generator.annotations.apparatus import LawsFile
from generator.annotations.glossary import GlossaryFile
from generator.annotations.stubs import stub_article, stub_chapters
from generator.annotations.synonyms import SynonymsFile
from generator.annotations.themes import ThemesFile
from generator.annotations.translations import ArticleFile, ChaptersFile
from generator.build import generate, run_pipeline
from generator.compare.align import RELATIONS, align, moved_clauses, similar
from generator.corpus.model import Article, Document
from generator.corpus.parse import parse_file
from generator.corpus.sources import Catalogue, load_corpus
from generator.edition import make_edition
from generator.errors import InputError, Problem
from generator.exports.export import concordance_columns, concordance_rows, corpus_json
from generator.rules.checks import check_translations
from generator.rules.editorial import content_problems

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def article_json(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "number": article.number,
        "title": article.title,
        "paragraphs": [
            {
                "id": paragraph.id,
                "number": paragraph.number,
                "text": paragraph.text,
                "items": [{"id": item.id, "number": item.number, "text": item.text} for item in paragraph.items],
            }
            for paragraph in article.paragraphs
        ],
    }


def document_json(document: Document) -> dict[str, Any]:
    """The shape `parse` prints: chapters (with sections when present) or, without chapters, articles."""
    if not document.chapters:
        return {"title": document.title, "articles": [article_json(a) for a in document.articles]}
    chapters = []
    for chapter in document.chapters:
        entry: dict[str, Any] = {"number": chapter.number, "title": chapter.title}
        if chapter.sections:
            entry["sections"] = [
                {"number": s.number, "title": s.title, "articles": [article_json(a) for a in s.articles]} for s in chapter.sections
            ]
        entry["articles"] = [article_json(a) for a in chapter.articles]
        chapters.append(entry)
    result: dict[str, Any] = {"title": document.title, "chapters": chapters}
    if document.articles_outside_chapters:
        result["articles"] = [article_json(a) for a in document.articles_outside_chapters]
    return result


def command_parse(arguments: argparse.Namespace) -> None:
    document = parse_file(Path(arguments.file), arguments.id)
    for warning in document.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    json.dump(document_json(document), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def command_variants(arguments: argparse.Namespace) -> None:
    corpus = load_corpus(arguments.root)
    if arguments.format == "json":
        json.dump([asdict(variant) for variant in corpus.variants], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    writer = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(["witness", "article", "paragraph", "printed", "reading", "node", "kind"])
    for v in corpus.variants:
        writer.writerow([v.witness, v.article, v.paragraph, v.printed, v.reading, v.node, v.kind])


def command_align(arguments: argparse.Namespace) -> None:
    if arguments.files:
        _align_files(arguments)
        return
    pipeline = run_pipeline(arguments.root)
    overrides = () if arguments.no_overrides else pipeline.annotations.overrides
    before, after = pipeline.corpus.before, pipeline.corpus.after
    alignment = align(before, after, overrides)
    if arguments.clauses:
        confirmed = {(c.final, c.draft) for c in pipeline.annotations.second_sources}
        writer = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
        writer.writerow([after.id, before.id, "similarity", "confirmed", "clause", f"{before.id}_clause"])
        for move in moved_clauses(before, after, alignment):
            writer.writerow([move.final, move.draft, move.similarity, (move.final, move.draft) in confirmed, move.clause, move.source])
        return
    if arguments.format == "json":
        json.dump(corpus_json(pipeline.corpus, alignment, pipeline.annotations)["alignment"], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    writer = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    writer.writerow(concordance_columns(pipeline.corpus.catalogue.edition.compared))
    writer.writerows(concordance_rows(alignment))


def _align_files(arguments: argparse.Namespace) -> None:
    """`align BEFORE AFTER`: any two versions of a law, outside any project (no editors' corrections)."""
    if len(arguments.files) != 2:
        raise InputError([Problem("align", 0, "give two files: the older version, then the newer (align BEFORE AFTER)")])
    before, after = (parse_file(Path(name), role) for name, role in zip(arguments.files, ("before", "after"), strict=True))
    alignment = align(before, after)
    writer = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    if arguments.clauses:
        writer.writerow(["after", "before", "similarity", "clause", "before_clause"])
        for move in moved_clauses(before, after, alignment):
            writer.writerow([move.final, move.draft, move.similarity, move.clause, move.source])
        return
    if arguments.format == "json":
        links = [
            {
                "after": list(link.final),
                "before": list(link.draft),
                "relation": link.relation,
                "similarity": round(link.similarity, 3),
                "changed": link.changed,
                "paragraphs": [{"before": [list(p) for p in row.draft], "after": [list(p) for p in row.final]} for row in link.rows],
            }
            for link in alignment.links
        ]
        json.dump(links, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    writer.writerow(["after_article", "before_articles", "relation", "similarity", "changed"])
    for row in concordance_rows(alignment):
        writer.writerow([row[0], row[1], row[2], row[3], row[5]])


def command_suggest(arguments: argparse.Namespace) -> None:
    """Comparable provisions by wording: for each article of one document, the most alike of another."""
    corpus = load_corpus(arguments.root)
    others = corpus.catalogue.others
    against = arguments.against or (others[0] if others else corpus.catalogue.edition.before)
    found = similar(corpus.document(arguments.document), corpus.document(against), arguments.top)
    writer = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    writer.writerow([arguments.document, against, "similarity"])
    for number, candidates in found.items():
        for other, score in candidates:
            writer.writerow([number, other, f"{score:.2f}"])


def command_export(arguments: argparse.Namespace) -> None:
    pipeline = run_pipeline(arguments.root)
    json.dump(corpus_json(pipeline.corpus, pipeline.alignment, pipeline.annotations), sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


def command_build(arguments: argparse.Namespace) -> None:
    result = generate(arguments.root, arguments.root / "docs", force=True)
    assert result is not None
    print(f"{result.pages} pages and downloads; {result.written} written, {result.removed} removed")


def _numbers(text: str) -> set[int]:
    """'3,5,10-12' -> {3, 5, 10, 11, 12}"""
    numbers: set[int] = set()
    for part in filter(None, text.split(",")):
        low, _, high = part.partition("-")
        numbers.update(range(int(low), int(high or low) + 1))
    return numbers


def command_stub(arguments: argparse.Namespace) -> None:
    """Skeletons for the translation files of a document, English filled in wherever the same Chinese is
    already translated (in any valid file). A file that already has any English is left alone."""
    corpus = load_corpus(arguments.root)
    documents = {entry.id: corpus.document(entry.id) for entry in corpus.catalogue.documents}
    annotations, _ = read_annotations(arguments.root, documents, corpus.laws, corpus.catalogue.edition.compared)
    law = arguments.document in corpus.laws
    document = corpus.laws[arguments.document] if law else corpus.document(arguments.document)
    known = {unit.zh: unit.en for unit in annotations.units.values()}
    folder = arguments.root / "annotations" / ("laws" if law else "") / document.id
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    only = _numbers(arguments.only) if arguments.only else None
    if law and only is None:  # a national law: only the provisions the texts cite are translated
        cited = annotations.apparatus.references
        only = {r.target.law_article for r in cited if r.target.law and r.target.law.source == document.id and r.target.law_article}
    drafts = {
        f"{article.number}.yml": stub_article(article, known, 3 if law else 2)
        for article in document.articles
        if only is None or article.number in only
    }
    if only is None:
        drafts["chapters.yml"] = stub_chapters(document, known)
    translated = {unit.file for unit in annotations.units.values()}
    for name, content in drafts.items():
        path = folder / name
        if path.exists() and path.relative_to(arguments.root).as_posix() in translated:
            continue
        path.write_text(content, encoding="utf-8")
        written += 1
    where = folder.relative_to(arguments.root).as_posix()
    print(f"wrote {written} skeleton files in {where}/ ({len(drafts) - written} already translated, left alone)")


def command_check_only(arguments: argparse.Namespace) -> None:
    """Check some annotation files while others are being edited: problems elsewhere are not shown, nor the
    content rules (generator/rules/editorial.py), which are about the whole edition: a file being translated may be
    unfinished."""
    corpus = load_corpus(arguments.root)
    documents = {entry.id: corpus.document(entry.id) for entry in corpus.catalogue.documents}
    annotations, problems = read_annotations(arguments.root, documents, corpus.laws, corpus.catalogue.edition.compared)
    wanted = tuple(Path(name).as_posix().removeprefix("./") for name in arguments.only)
    mine = [p for p in [*problems, *check_translations(annotations)] if p.file.startswith(wanted)]
    if mine:
        raise InputError(mine)
    units = [unit for unit in annotations.units.values() if unit.file.startswith(wanted)]
    print(f"{len(units)} translated units in {', '.join(wanted)}: no problems")


def command_check(arguments: argparse.Namespace) -> None:
    if arguments.only:
        command_check_only(arguments)
        return
    pipeline = run_pipeline(arguments.root)
    corpus, alignment, annotations = pipeline.corpus, pipeline.alignment, pipeline.annotations
    for entry in corpus.catalogue.witnesses:
        document = corpus.witnesses[entry.id]
        articles = document.articles
        paragraphs = sum(len(article.paragraphs) for article in articles)
        items = sum(len(paragraph.items) for article in articles for paragraph in article.paragraphs)
        repairs = Counter(repair.kind for repair in document.repairs())
        shown = ", ".join(f"{kind} {count}" for kind, count in sorted(repairs.items())) or "none"
        print(
            f"{entry.id} {entry.document:<12} {len(document.chapters):>2} chapters {len(articles):>3} articles "
            f"{paragraphs:>3} paragraphs {items:>2} items; repairs: {shown}"
        )
        for warning in document.warnings:
            print(f"warning: {warning}")
    by_witness = Counter(variant.witness for variant in corpus.variants)
    print("variant readings: " + (", ".join(f"{w} {n}" for w, n in sorted(by_witness.items())) or "none"))
    counts = alignment.counts()
    curated = sum(1 for link in alignment.links if link.curated)
    print(
        "alignment: " + ", ".join(f"{relation} {counts[relation]}" for relation in RELATIONS if counts[relation]) + f"; {curated} curated"
    )
    if "en" in corpus.catalogue.edition.languages:
        for listed in corpus.catalogue.documents:
            done, total = annotations.coverage(listed.id)
            print(f"translation {listed.id:<12} {done:>3}/{total} units ({100 * done / total:.0f}%)")
        print(f"glossary: {len(annotations.glossary)} terms")
    else:
        print("English: not published (sources.yml edition: languages: [zh]); the rules for an English edition do not apply")
    problems = [*check_translations(annotations), *content_problems(corpus, alignment, annotations)]
    if problems:
        raise InputError(problems)
    print("check passed")


def schemas() -> dict[str, dict[str, Any]]:
    """File name -> JSON Schema, for every YAML file people edit."""
    return {
        "sources.schema.json": Catalogue.model_json_schema(),
        "alignment.schema.json": AlignmentFile.model_json_schema(),
        "article.schema.json": ArticleFile.model_json_schema(),
        "chapters.schema.json": ChaptersFile.model_json_schema(),
        "glossary.schema.json": GlossaryFile.model_json_schema(),
        "laws.schema.json": LawsFile.model_json_schema(),
        "synonyms.schema.json": SynonymsFile.model_json_schema(),
        "changes.schema.json": ThemesFile.model_json_schema(),
    }


def command_schema(arguments: argparse.Namespace) -> None:
    folder = arguments.root / "schema"
    folder.mkdir(exist_ok=True)
    for name, schema in schemas().items():
        (folder / name).write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"wrote schema/{name}")


def command_new(arguments: argparse.Namespace) -> None:
    folder = make_edition(
        arguments.folder, arguments.before, arguments.after, arguments.kind, arguments.title_en, arguments.akn_name,
        arguments.locality, arguments.english,
    )  # fmt: skip
    catalogue = load_corpus(folder).catalogue
    before, after = (catalogue.document(document_id) for document_id in catalogue.edition.compared)
    counts = f"{before.id} ({before.expect.articles} articles) -> {after.id} ({after.expect.articles} articles)"
    print(f"wrote {folder}: {catalogue.edition.kind} edition, {counts}")
    print(f"next: ./dev build {folder}   or   ./dev serve {folder}   (check what sources/sources.yml marks '# editor:')")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, default=PROJECT_ROOT, help="the project folder (default: %(default)s)")
    commands = parser.add_subparsers(dest="command", required=True)
    parse = commands.add_parser("parse", help="print the structure of a regulation text as JSON")
    parse.add_argument("file")
    parse.add_argument("--id", default="doc", help="document id used in node ids (default: %(default)s)")
    parse.set_defaults(run=command_parse)
    variants = commands.add_parser("variants", help="list the witnesses' variant readings")
    variants.add_argument("--format", choices=["tsv", "json"], default="tsv")
    variants.set_defaults(run=command_variants)
    check = commands.add_parser("check", help="validate the sources, the annotations, the translations and the content rules")
    check.add_argument("--only", nargs="+", metavar="PATH", help="report only problems in these annotation files or folders")
    check.set_defaults(run=command_check)
    aligned = commands.add_parser("align", help="print the edition's before -> after alignment, or that of any two files")
    aligned.add_argument("files", nargs="*", metavar="FILE", help="BEFORE AFTER: two versions of a law, anywhere (default: the project's)")
    aligned.add_argument("--format", choices=["tsv", "json"], default="tsv")
    aligned.add_argument("--no-overrides", action="store_true", help="ignore annotations/alignment.yml")
    aligned.add_argument("--clauses", action="store_true", help="list clauses that seem to come from another article of the earlier text")
    aligned.set_defaults(run=command_align)
    suggest = commands.add_parser("suggest", help="suggest comparable provisions of another document, by wording")
    suggest.add_argument("document", help="a document id from sources/sources.yml, e.g. final")
    suggest.add_argument("--against", help="another document id (default: the first of sources.yml's edition: others)")
    suggest.add_argument("--top", type=int, default=3)
    suggest.set_defaults(run=command_suggest)
    export = commands.add_parser("export", help="print the corpus and alignment as JSON")
    export.add_argument("--format", choices=["json"], default="json")
    export.set_defaults(run=command_export)
    build = commands.add_parser("build", help="write the generated pages into docs/")
    build.set_defaults(run=command_build)
    stub = commands.add_parser("stub", help="write skeleton translation files for a document")
    stub.add_argument("document", help="a document id from sources/sources.yml: final, draft, heilongjiang, …")
    stub.add_argument("--only", metavar="NUMBERS", help="only these articles, e.g. 3,5,10-12 (chapters.yml is then left alone)")
    stub.set_defaults(run=command_stub)
    schema = commands.add_parser("schema", help="write the JSON Schemas of the YAML files editors write")
    schema.set_defaults(run=command_schema)
    new = commands.add_parser("new", help="make a new edition of two versions of a law in a new folder")
    new.add_argument("folder", type=Path, metavar="DIR", help="the new edition's folder (must not exist)")
    new.add_argument("--before", type=Path, required=True, metavar="FILE", help="the earlier text (the draft, or the older version)")
    new.add_argument("--after", type=Path, required=True, metavar="FILE", help="the later text (the adopted text, or the newer version)")
    new.add_argument("--kind", choices=["adoption", "amendment", "revision"], help="default: read from the texts (修正, 修订, 征求意见稿)")
    new.add_argument("--title-en", default="", help="the law's English title (the texts do not give it)")
    new.add_argument("--akn-name", default="", help="the work's name in Akoma Ntoso URIs, e.g. statistics (default: from the file name)")
    new.add_argument("--locality", default="", help="the Akoma Ntoso locality of a local regulation, e.g. sjz (none for a national law)")
    new.add_argument("--english", action="store_true", help="publish an English site too (then every English rule of check applies)")
    new.set_defaults(run=command_new)
    arguments = parser.parse_args(argv)
    try:
        arguments.run(arguments)
    except InputError as error:
        if arguments.command == "new":  # one clear line (and its hint): nothing was written
            print(f"error: {error}", file=sys.stderr)
            return 1
        print(f"error: {len(error.problems)} problem(s) found\n{error}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0  # the reader (e.g. head) stopped reading
    except OSError as error:
        print(f"error: {error.filename or ''}: {error.strerror}", file=sys.stderr)
        return 1
    return 0
