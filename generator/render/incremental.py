"""Pages made again only where what they read changed: under `mkdocs serve` an edit to an annotation file
re-renders the pages that read something it changed and keeps every other page as it was.

Every page is made through a `Site` whose annotations write down what the page reads: a translation by its
id, the notes on one article, the glossary as a whole, and so on (`_Recorded`). The site's own derived data
(the kinds of change, the resolver, the labels) is read once before the pages and counts as read by every
page. After an edit, each page's reads are made again of the new annotations: a page whose reads all give
what they gave before is, byte for byte, the page it was, since pages are functions of the site and the
caller makes sure nothing but the annotations changed (the texts, the code and the settings are the same,
and so is the alignment). The dependencies come from the model as the pages use it, not from a list.

Reads: a `Site` and the last `Rendered`. Writes: a new `Rendered` (the pages, and what each read).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

from generator.annotations.annotate import Annotations
from generator.render.pages import page_makers
from generator.render.site import Site

# What a page read: a field read whole (args None), or a method called with these arguments.
Read = tuple[str, tuple[Any, ...] | None]
NESTED = ("apparatus",)  # fields whose own fields and methods are recorded one by one
DERIVED = ("changes", "resolver", "labels", "documents")  # the site's cached data read from the annotations


class _Log:
    def __init__(self) -> None:
        self.current: set[Read] = set()


class _Recorded:
    """The annotations (or one of their parts) as a page sees them, writing down each read into the log."""

    def __init__(self, target: object, prefix: str, log: _Log) -> None:
        self._target, self._prefix, self._log = target, prefix, log

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._target, name)
        key = self._prefix + name
        if key in NESTED:
            return _Recorded(value, key + ".", self._log)
        if callable(value) and hasattr(value, "__self__"):  # a bound method: its result depends on its arguments

            def call(*args: Any) -> Any:
                self._log.current.add((key, args))
                return value(*args)

            return call
        self._log.current.add((key, None))
        return value


def value_of(annotations: Annotations, read: Read) -> Any:
    """What a read gives of these annotations."""
    name, args = read
    value: Any = annotations
    for part in name.split("."):
        value = getattr(value, part)
    return value if args is None else value(*args)


@dataclass(frozen=True)
class Rendered:
    annotations: Annotations
    contents: dict[str, str]  # page path under docs/ -> content
    reads: dict[str, frozenset[Read]]  # page path -> what it read
    made: int  # pages rendered (the rest kept from the last time)


def render_pages(site: Site, previous: Rendered | None = None) -> Rendered:
    """Every page, rendering again only those whose reads changed since `previous` (None: all of them)."""
    log = _Log()
    recording = dataclasses.replace(site, annotations=cast(Annotations, _Recorded(site.annotations, "", log)))
    for name in DERIVED:  # computed once, from the annotations, for all pages
        getattr(recording, name)
    makers: list[tuple[str, Callable[[], str]]] = list(page_makers(recording))  # which pages there are is read too
    shared = frozenset(log.current)
    changed: dict[Read, bool] = {}

    def same(reads: frozenset[Read]) -> bool:
        assert previous is not None
        for read in reads:
            if read not in changed:
                changed[read] = value_of(previous.annotations, read) != value_of(site.annotations, read)
            if changed[read]:
                return False
        return True

    contents, reads, made = {}, {}, 0
    for path, make in makers:
        if previous is not None and path in previous.contents and same(previous.reads[path]):
            contents[path], reads[path] = previous.contents[path], previous.reads[path]
            continue
        log.current = set()
        contents[path] = make()
        reads[path] = frozenset(log.current) | shared
        made += 1
    return Rendered(site.annotations, contents, reads, made)
