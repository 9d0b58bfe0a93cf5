"""A Python-Markdown extension: HTML the generator has already written goes into the page as it stands.

Most of an article page is HTML made by the generator's templates (the comparison, notes, references, terms).
Markdown does nothing to raw HTML, but it does read it: Python-Markdown feeds every byte through its HTML
block parser and MkDocs through a second one that collects the anchor ids, and the two were the largest part
of the build. The templates mark such HTML with `{% filter prerendered %}`, which wraps it in START and END
comment lines; between them this extension stores the HTML in Markdown's stash directly, as Python-Markdown
itself stores a raw HTML block once it has found where the block ends. hooks/generate.py then tells MkDocs'
anchor check the ids in it (`anchor_ids`).

Without the extension the markers are plain HTML comments, and the page comes out the same but for them.

Reads: the Markdown of a page. Writes: the same with each marked region replaced by one stash placeholder.
"""

from __future__ import annotations

import re

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

START = "<!-- prerendered -->"
END = "<!-- /prerendered -->"
_ID = re.compile(r'<[a-zA-Z][^>]*?\sid="([^"]+)"')


def wrap(html: str) -> str:
    """The Jinja filter: mark `html` as finished (blank lines around the markers keep it a block of its own)."""
    return f"\n{START}\n{html.strip(chr(10))}\n{END}\n"


def anchor_ids(html: str) -> set[str]:
    """The ids in finished HTML, as MkDocs' own HTML scan would collect them (the generator quotes every
    attribute with double quotes)."""
    return set(_ID.findall(html))


class PrerenderedPreprocessor(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        if START not in lines:
            return lines
        result: list[str] = []
        index = 0
        while index < len(lines):
            line = lines[index]
            if line != START:
                result.append(line)
                index += 1
                continue
            try:
                end = lines.index(END, index + 1)
            except ValueError:
                raise ValueError(f"{START} without {END} (a template's filter block is broken)") from None
            html = "\n".join(lines[index + 1 : end])
            result.extend(["", self.md.htmlStash.store(html), ""])
            index = end + 1
        return result


class PrerenderedExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # Before MkDocs' anchor scan (21) and Python-Markdown's HTML blocks (20), after whitespace (30).
        md.preprocessors.register(PrerenderedPreprocessor(md), "prerendered", 25)


def makeExtension(**kwargs: object) -> PrerenderedExtension:  # noqa: N802 (Python-Markdown's name)
    return PrerenderedExtension(**kwargs)
