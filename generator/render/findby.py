"""What an article page is found by beyond its visible words: the hidden pairs of characters of its own lines, its
title and notes (Chinese pages, render/searchtext.py), the other expressions of the synonyms' groups it uses and
the names of the concepts that name it (annotations/synonyms.yml), and the national provisions it refers to, by
the number of the text quoted and by today's (a renumbered law).

Reads: the `Site`. Writes: the hidden block (Markup) and words for an article page's template (pages.py).
"""

from __future__ import annotations

from markupsafe import Markup

from generator.annotations.amendments import current_number
from generator.annotations.apparatus import LINK_TARGET
from generator.corpus.model import Article
from generator.render.columns import lines_of
from generator.render.searchtext import hidden_block
from generator.render.site import Site


def search_grams(site: Site, document_id: str, article: Article, language: str) -> Markup:
    """The hidden pairs of characters of a Chinese page (render/searchtext.py): each line of the article's own
    text under its anchor, its title and its notes. (A final article's page shows the draft beside it, but is
    not found by the draft's words: the draft's own page is.)"""
    if language != "zh":
        return Markup("")
    vocabulary = site.annotations.vocabulary
    lines = [("title", article.title)] if article.title else []
    lines += [(line.anchor, line.text) for line in lines_of(article)]
    lines += [("notes", LINK_TARGET.sub("", placed.note.zh)) for placed in site.annotations.apparatus.notes_on(document_id, article.number)]
    # Each line with the other expressions of its synonyms' groups, and the names of concepts that name it.
    lines = [
        (place, " ".join([text, *vocabulary.expand(text, "zh"), *_concepts(site, document_id, article, place)])) for place, text in lines
    ]
    names = " ".join([*vocabulary.names_of(document_id, article.number, "", "zh"), *_law_names(site, document_id, article, "zh")])
    return hidden_block([*lines, ("article", names)])


def _law_names(site: Site, document_id: str, article: Article, language: str) -> list[str]:
    """The national provisions the article refers to, by the number of the text quoted and, where an amendment
    renumbered it, by today's: a search for either finds the article (中华人民共和国网络安全法第五十三条)."""
    names = []
    locale = site.locale(language)
    for reference in site.annotations.apparatus.references_from(document_id, article.number):
        law, number = reference.target.law, reference.target.law_article
        if law is None or number is None:
            continue
        current = current_number(law.amendments, number)
        for shown in dict.fromkeys([number, *([current.number] if current and current.number else [])]):
            names.append(f"{getattr(law, language)}{'' if language == 'zh' else ' '}{locale.article_name(shown)}")
    return list(dict.fromkeys(names))


def _concepts(site: Site, document_id: str, article: Article, place: str) -> list[str]:
    """The Chinese names of the concepts that name this paragraph or item of the article (anchor p2, p2-3)."""
    if not place.startswith("p"):
        return []
    return site.annotations.vocabulary.names_of(document_id, article.number, place, "zh")


def search_synonyms(site: Site, document_id: str, article: Article, language: str) -> str:
    """English pages: the other expressions of the synonyms' groups the article's English holds, and the names of
    the concepts that name it or a paragraph of it (hidden words, after the text)."""
    if language != "en":
        return ""
    vocabulary = site.annotations.vocabulary
    lines = lines_of(article, english=site.english(language))
    words = [form for line in lines for form in vocabulary.expand(line.text, language)]
    words += [
        name
        for place in ["", *(line.anchor for line in lines)]
        for name in vocabulary.names_of(document_id, article.number, place, language)
    ]
    return " ".join(dict.fromkeys([*words, *_law_names(site, document_id, article, language)]))
