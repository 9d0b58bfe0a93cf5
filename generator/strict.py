"""The base of every schema of a YAML file people write (sources.yml and everything under annotations/), and
the kinds of text those files hold.

Strict: an unknown key is an error (a misspelt key must not be silently ignored), and the parsed values are
frozen. Keys may also be given by their field names where a field has an alias (`from:` of a reference).

Text: every field that holds words people read (a title, a translation, a why, a note) is one of the types
below, marked with `Text`. The mark carries the longest such text the site accepts — far longer than any real
one, so that a paste gone wrong is refused with its length, not published — and lets the YAML loader tell where
the schema expects text (generator/yamlfile.py flags a value YAML cut short at a ` #`). Text is text wherever it
lands: the renderer escapes it (generator/render/env.py); only notes are Markdown, and raw HTML is refused there.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field


@dataclass(frozen=True)
class Text:
    """Marks a field of words people read (not an id, a date, a path or a reference)."""

    limit: int  # characters
    what: str  # what the limit is for, in the message: "a name or title"


NAME = Text(300, "a name or title")  # the longest real one: 94 characters (a document's English title)
PROSE = Text(6000, "a paragraph")  # the longest real one: 1,281 (an English paragraph of the Heilongjiang draft)
MARKDOWN = Text(30000, "a note")  # the longest real one: 3,105 (a chapter note)

Name = Annotated[str, Field(min_length=1, max_length=NAME.limit), NAME]
MaybeName = Annotated[str, Field(max_length=NAME.limit), NAME]  # may be empty (a document's article prefix)
Prose = Annotated[str, Field(min_length=1, max_length=PROSE.limit), PROSE]
MaybeProse = Annotated[str, Field(max_length=PROSE.limit), PROSE]  # empty while not yet written (a translation)
Markdown = Annotated[str, Field(min_length=1, max_length=MARKDOWN.limit), MARKDOWN]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Bilingual(Strict):
    """The same words in both languages."""

    zh: Prose
    en: Prose


class BilingualName(Strict):
    """A name or title in both languages."""

    zh: Name
    en: Name


def text_fields(value: Any, location: tuple[int | str, ...] = ()) -> Iterator[tuple[tuple[int | str, ...], Text]]:
    """Where a validated file holds text: (location of the value as in the YAML, its kind), in file order."""
    if not isinstance(value, BaseModel):
        return
    for name, field in type(value).model_fields.items():
        if name not in value.model_fields_set:
            continue  # a default: not in the file
        key = field.alias or name
        yield from _text_in(getattr(value, name), (*location, key), _mark(field.metadata))
        if _mark(field.metadata) is None:
            item_mark = _item_mark(field.annotation)
            if item_mark is not None and isinstance(getattr(value, name), list):
                for index, item in enumerate(getattr(value, name)):
                    if isinstance(item, str):
                        yield (*location, key, index), item_mark


def _text_in(value: Any, location: tuple[int | str, ...], mark: Text | None) -> Iterator[tuple[tuple[int | str, ...], Text]]:
    if isinstance(value, str) and mark is not None:
        yield location, mark
    elif isinstance(value, BaseModel):
        yield from text_fields(value, location)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, BaseModel):
                yield from text_fields(item, (*location, index))


def _mark(metadata: list[Any]) -> Text | None:
    return next((item for item in metadata if isinstance(item, Text)), None)


def _item_mark(annotation: Any) -> Text | None:
    """The mark of a list's items (`list[Name]`)."""
    if get_origin(annotation) is not list:
        return None
    (item,) = get_args(annotation)
    return _mark(list(get_args(item)[1:])) if get_origin(item) is Annotated else None
