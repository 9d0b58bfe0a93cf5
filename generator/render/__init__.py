"""Render the site's pages as Markdown (with finished HTML where Markdown has no construct), in both languages.

Reads: the corpus, the alignment, the annotations. Writes: nothing itself — `pages.pages(site)` yields
{path under docs/: content}; generator/build.py writes what changed. One job per module:

    site       the one frozen object every page takes: texts, alignment, annotations, labels, names
    env        the Jinja environment, its filters, the interface's words (templates/labels.yml)
    urls       every page path and link, and the one anchor format (p2, p2-3)
    locale     how each language names articles, chapters, paragraphs, citations and dates
    columns    the comparison rows, the redline laid onto each column
    apparatus  views of notes, variant readings, cross-references, backlinks and citations
    pages      one function per page; `pages()` lists them all
    witnesses  the sources page;  feed  what's new and the Atom feed;  svg  the relation bar and the flow diagram
"""
