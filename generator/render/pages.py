"""The site's pages, one function each, all taking the one frozen `Site`; `pages()` lists every page of both
languages.

Reads: the `Site` (texts, alignment, annotations, labels). Writes: nothing itself — `pages()` yields (path under
docs/, content); generator/build.py writes what changed. Pages are Markdown with the finished HTML of the
comparison, notes and references marked for Markdown to pass through unread (generator/render/prerendered.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from functools import partial
from typing import Any

from markupsafe import Markup, escape

from generator.annotations.apparatus import note_html
from generator.annotations.terms import TermMarker
from generator.compare.align import RELATIONS, Link
from generator.compare.changes import CHANGE_KINDS, removals
from generator.corpus.model import Article, Chapter
from generator.render.apparatus import apparatus, links_from, note_view
from generator.render.columns import comparison, lines_of, parallel
from generator.render.compared import chapter_comparison, document_comparison, sequence
from generator.render.env import render
from generator.render.feed import feed, whats_new
from generator.render.findby import search_grams, search_synonyms
from generator.render.front import about, glossary, home
from generator.render.laws import cited_laws, law, laws_index
from generator.render.locale import LANGUAGES
from generator.render.searchtext import document_word
from generator.render.site import Site
from generator.render.svg import flow_svg
from generator.render.urls import chapter_page, glossary_anchor, law_page, relative
from generator.render.witnesses import sources_page


def _terms_list(terms: TermMarker) -> list[dict[str, str]]:
    """The glossary terms an article uses, in order, each with its meaning, its rendering note and its entry."""
    return [
        {
            "id": f"term-{number}",
            "zh": term.zh,
            "en": term.en,
            "definition": term.meaning(terms.language),
            "note": getattr(term.note, terms.language) if term.note else "",
            "entry": glossary_anchor(term.en),
        }
        for number, term in enumerate(terms.used, start=1)
    ]


def _neighbours(numbers: list[int], number: int) -> dict[str, int | None]:
    position = numbers.index(number)
    return {"previous": numbers[position - 1] if position else None, "next": numbers[position + 1] if position + 1 < len(numbers) else None}


def _document_word(site: Site, document_id: str) -> str:
    return document_word(list(site.documents).index(document_id))


def _about(site: Site, document_id: str, language: str, open_: bool = False) -> dict[str, object]:
    """The "what this text is" panel of a document's pages (_about_text.md.j2)."""
    facts = [
        {
            "label": getattr(fact.label, language),
            "value": getattr(fact.value, language),
            "witness": fact.witness if fact.quote else None,
            "line": fact.line,
            "reading": getattr(fact.reading, language) if fact.reading else "",
        }
        for fact in site.corpus.catalogue.document(document_id).facts
    ]
    return {"about": {"facts": facts, "open": open_}}


def _parallel_view(site: Site, article: Article, language: str, terms: TermMarker, first_view: str) -> dict[str, object]:
    """What the view switch and the parallel view of an article page need (_view_switch, _parallel)."""
    return {
        "parallel": parallel(article, site.annotations.english, {language: terms}),
        "parallel_order": [language, *(other for other in LANGUAGES if other != language)],
        "first_view": first_view,
    }


def _change_views(site: Site, link: Link, language: str) -> list[dict[str, str]]:
    """The kinds of change of a final article's link, each with where it is and the words that show it."""
    views = []
    for change in site.changes_of(link):
        document, number, *rest = change.where.split("/")
        article = site.documents[document].article(int(number))
        place = site.locale(language).subdivision(*map(int, rest)) if len(article.paragraphs) > 1 or len(rest) > 1 else ""
        where = place if document == site.after else site.article_name(document, int(number), language) + place
        views.append(
            {
                "kind": change.kind,
                "where": where,
                "evidence": change.evidence,
                "by": change.by,
                "why": getattr(change.why, language) if change.why else "",
            }
        )
    return views


def _change_review(site: Site, link: Link, language: str) -> dict[str, object]:
    """When the editors reviewed the pair's kinds of change, and the computed kinds they removed, with why."""
    reviewed = site.annotations.reviewed.get(f"{site.after}/{link.final[0]}") if link.final else None
    removed = []
    for fix in removals(link, site.annotations.corrections, site.edition.compared):
        document, number, *rest = fix.where.split("/")
        place = site.locale(language).subdivision(*map(int, rest))
        where = place if document == site.after else site.article_name(document, int(number), language) + place
        removed.append({"kind": fix.kind, "where": where, "why": getattr(fix.why, language) if fix.why else ""})
    return {"reviewed": site.locale(language).date(reviewed) if reviewed else "", "removed": removed}


def _second_sources(site: Site, article: Article, language: str, page: str) -> list[dict[str, str]]:
    """Clauses of this final article's paragraphs that come from another draft article (alignment.yml)."""
    views = []
    for second in site.annotations.second_sources:
        if not second.final.startswith(article.id + "/"):
            continue
        _, number, paragraph = second.draft.split("/")
        where = site.locale(language).subdivision(int(second.final.split("/")[2])) if len(article.paragraphs) > 1 else ""
        name = site.article_name(site.before, int(number), language) + site.locale(language).subdivision(int(paragraph))
        url = relative(page, site.page_of(site.before, int(number)), f"p{paragraph}")
        views.append(
            {"where": where, "name": name, "url": url, "why": getattr(second.why, language), "anchor": "p" + second.final.split("/")[2]}
        )
    return views


def final_article(site: Site, article: Article, language: str) -> str:
    page = site.page_of(site.after, article.number)
    final, draft = site.corpus.after, site.corpus.before
    link = site.alignment.for_final(article.number)
    labels = site.labels[language]
    terms = TermMarker(site.annotations.glossary, language)
    rows, shown = comparison(article, link, draft, final, labels, site.english(language), terms)
    translated = language == "en" and all(site.annotations.english(unit.id) for unit in article.units())
    original = comparison(article, link, draft, final, labels, None, None, "zh-")[0] if language == "en" and "en" in shown else []
    parallel_view = _parallel_view(site, article, language, terms, "compare")  # marks terms too: before the term list
    return render(
        "final_article.md.j2",
        **site.context(language, page),
        article=article,
        chapter=final.chapter_of(article.number),
        alignment=link,
        rows=rows,
        original=original,
        translated=translated,
        terms=_terms_list(terms),
        **_neighbours([a.number for a in final.articles], article.number),
        final_date=site.version_date(site.after, language),
        draft_date=site.version_date(site.before, language),
        **apparatus(site, site.after, article, language, page),
        search_grams=search_grams(site, site.after, article, language),
        document_word=_document_word(site, site.after),
        search_synonyms=search_synonyms(site, site.after, article, language),
        **parallel_view,
        **_about(site, site.after, language),
        changes=_change_views(site, link, language),
        **_change_review(site, link, language),
        second_sources=_second_sources(site, article, language, page),
        change_kinds=kinds_of(site, link),
    )


def plain_article(site: Site, document_id: str, article: Article, language: str) -> str:
    """An article of a document other than the later compared text: the earlier one (with where it went) or
    one shown for comparison."""
    document = site.documents[document_id]
    page = site.page_of(document_id, article.number)
    terms = TermMarker(site.annotations.glossary, language)
    lines = lines_of(article, english=site.english(language))
    translated = bool(lines) and lines[0].lang == language
    marked = [(line, Markup(terms.mark(line.marker + line.text))) for line in lines]
    parallel_view = _parallel_view(site, article, language, terms, "text")  # marks terms too: before the term list
    return render(
        "document_article.md.j2",
        **site.context(language, page),
        document_id=document_id,
        document_title=site.corpus.catalogue.document(document_id).title,
        article=article,
        title=site.article_title(article, language),
        lines=marked,
        original=[(line, escape(line.marker + line.text)) for line in lines_of(article)] if language == "en" and translated else [],
        translated=translated,
        terms=_terms_list(terms),
        chapter=document.chapter_of(article.number),
        alignment=site.alignment.for_draft(article.number) if document_id == site.before else None,
        **_neighbours([a.number for a in document.articles], article.number),
        **apparatus(site, document_id, article, language, page),
        search_grams=search_grams(site, document_id, article, language),
        document_word=_document_word(site, document_id),
        search_synonyms=search_synonyms(site, document_id, article, language),
        **parallel_view,
        **_about(site, document_id, language),
        went_on=[
            {
                "name": site.article_name(site.after, int(second.final.split("/")[1]), language)
                + site.locale(language).subdivision(int(second.final.split("/")[2])),
                "url": relative(page, site.page_of(site.after, int(second.final.split("/")[1])), "p" + second.final.split("/")[2]),
            }
            for second in site.annotations.second_sources
            if second.draft.startswith(article.id + "/")
        ],
    )


def whole_text(site: Site, document_id: str, language: str) -> str:
    document = site.documents[document_id]
    badges = None
    if document_id == site.after:
        badges = {a.number: site.alignment.for_final(a.number) for a in document.articles}
    elif document_id == site.before:
        badges = {a.number: site.alignment.for_draft(a.number) for a in document.articles}
    english = site.english(language)
    return render(
        "whole_text.md.j2",
        **site.context(language, site.index_of(document_id)),
        title=getattr(site.corpus.catalogue.document(document_id).title, language),
        short=site.corpus.catalogue.document(document_id).short_name(language),
        notes=document.notes,
        document=document,
        articles={article.number: lines_of(article, english=english) for article in document.articles},
        article_title=lambda article: site.article_title(article, language),
        badges=badges,
        **_about(site, document_id, language, open_=True),
        chapter_notes={
            part.number: [
                note_view(site, placed, language, site.index_of(document_id))
                for placed in site.annotations.apparatus.notes_on_chapter(document_id, part.number)
            ]
            for part in document.chapters
        },
    )


def chapters_index(site: Site, language: str) -> str:
    return render("chapters.md.j2", **site.context(language, "chapters/index.md"), document=site.corpus.after)


def chapter(site: Site, chapter: Chapter, language: str) -> str:
    chapters = list(site.corpus.after.chapters)
    position = chapters.index(chapter)
    rows = [{"entry": e, "link": e.link, "kinds": kinds_of(site, e.link)} for e in sequence(site) if e.chapter == chapter.number]
    page = chapter_page(chapter.number)
    placed = site.annotations.apparatus.notes_on_chapter(site.after, chapter.number)
    return render(
        "chapter.md.j2",
        **site.context(language, page),
        chapter=chapter,
        rows=rows,
        filters=filters(rows),
        notes=[note_view(site, note, language, page) for note in placed],
        previous=chapters[position - 1] if position else None,
        next=chapters[position + 1] if position + 1 < len(chapters) else None,
    )


def kinds_of(site: Site, link: Link) -> list[str]:
    """The kinds of change of a link, each once, in the order of CHANGE_KINDS."""
    present = {change.kind for change in site.changes_of(link)}
    return [kind for kind in CHANGE_KINDS if kind in present]


def _seconds_of(site: Site, link: Link) -> list[dict[str, int]]:
    """The draft paragraphs a link's final articles also take clauses from (alignment.yml clauses:)."""
    finals = {f"{site.after}/{number}" for number in link.final}
    return [
        {"number": int(second.draft.split("/")[1]), "paragraph": int(second.draft.split("/")[2])}
        for second in site.annotations.second_sources
        if "/".join(second.final.split("/")[:2]) in finals
    ]


def filters(rows: Sequence[dict[str, Any]]) -> dict[str, list[str]]:
    """The relations and kinds a table's rows have: its filter buttons."""
    relations = {row["link"].relation for row in rows}
    kinds = {kind for row in rows for kind in row["kinds"]}
    return {"relations": [r for r in RELATIONS if r in relations], "kinds": [k for k in CHANGE_KINDS if k in kinds]}


def concordance(site: Site, language: str) -> str:
    page = "concordance.md"
    by_relation = {relation: [link for link in site.alignment.links if link.relation == relation] for relation in RELATIONS}
    rows = [{"link": link, "kinds": kinds_of(site, link), "seconds": _seconds_of(site, link)} for link in site.alignment.links]
    return render(
        "concordance.md.j2",
        **site.context(language, page),
        alignment=site.alignment,
        rows=rows,
        filters=filters(rows),
        relation_order={relation: index for index, relation in enumerate(RELATIONS)},
        by_relation={relation: links for relation, links in by_relation.items() if links},
        svg=flow_svg(site, language, page),
        notes=[
            note_view(site, placed, language, page)
            for document_id in (site.after, site.before)
            for placed in site.annotations.apparatus.notes_on_document(document_id)
        ],
    )


def key_changes(site: Site, language: str) -> str:
    """The key changes by theme (annotations/changes.yml), then every computed kind of change with its pairs."""
    page = "changes.md"
    themes = []
    for theme in site.annotations.themes:
        articles = []
        for article_id in theme.articles:
            target = site.resolve(article_id)
            assert target.document is not None and target.article is not None
            name = site.captioned(target.document, target.article, language)
            articles.append({"name": name, "url": relative(page, site.page_of(target.document, target.article))})
        themes.append(
            {
                "id": theme.id,
                "title": getattr(theme.title, language),
                "html": Markup(note_html(getattr(theme, language), links_from(site, page))),
                "articles": articles,
                "author": theme.author,
                "date": site.locale(language).date(theme.date),
                "iso_date": theme.date.isoformat(),
            }
        )
    by_kind = []
    for kind in CHANGE_KINDS:
        entries = []
        for link, found in site.changes.items():
            mine = [c for c in found if c.kind == kind]
            if not mine:
                continue
            views = [v for v in _change_views(site, link, language) if v["kind"] == kind]
            number = link.final[0]
            entries.append(
                {
                    "name": site.captioned(site.after, number, language),
                    "url": relative(page, site.page_of(site.after, number)),
                    "changes": views,
                }
            )
        if entries:
            by_kind.append((kind, entries))
    return render("changes.md.j2", **site.context(language, page), themes=themes, by_kind=by_kind)


def pages(site: Site, languages: Sequence[str] | None = None) -> Iterator[tuple[str, str]]:
    """(path under docs/, content) for every generated page, in the edition's languages (or those given)."""
    for path, make in page_makers(site, languages):
        yield path, make()


def page_makers(site: Site, languages: Sequence[str] | None = None) -> Iterator[tuple[str, Callable[[], str]]]:
    """(path under docs/, the function that makes it) for every generated page (generator/render/incremental.py
    calls only those whose inputs changed)."""
    for language in site.languages if languages is None else languages:
        yield f"{language}/index.md", partial(home, site, language)
        yield f"{language}/about.md", partial(about, site, language)
        yield f"{language}/glossary.md", partial(glossary, site, language)
        yield f"{language}/sources.md", partial(sources_page, site, language)
        yield f"{language}/whats-new.md", partial(whats_new, site, language)
        yield f"{language}/feed.xml", partial(feed, site, language)
        for document_id in site.documents:
            yield f"{language}/{site.index_of(document_id)}", partial(whole_text, site, document_id, language)
        yield f"{language}/chapters/index.md", partial(chapters_index, site, language)
        for part in site.corpus.after.chapters:
            yield f"{language}/{chapter_page(part.number)}", partial(chapter, site, part, language)
            yield f"{language}/compare/{part.number}.md", partial(chapter_comparison, site, part, language)
        yield f"{language}/compare/index.md", partial(document_comparison, site, language)
        yield f"{language}/concordance.md", partial(concordance, site, language)
        yield f"{language}/changes.md", partial(key_changes, site, language)
        yield f"{language}/laws/index.md", partial(laws_index, site, language)
        for cited in cited_laws(site):
            yield f"{language}/{law_page(cited.id)}", partial(law, site, cited, language)
        for article in site.corpus.after.articles:
            yield f"{language}/{site.page_of(site.after, article.number)}", partial(final_article, site, article, language)
        for document_id in [d for d in site.documents if d != site.after]:
            for article in site.documents[document_id].articles:
                yield (
                    f"{language}/{site.page_of(document_id, article.number)}",
                    partial(plain_article, site, document_id, article, language),
                )
