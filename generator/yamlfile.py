"""Load a YAML file that people edit, keeping where each value stands so errors can name the line.

Reads: a YAML file (UTF-8, safe loader only). Writes: the data, and a `locate` function from a pydantic
error location (`("witnesses", 2, "sha256")`) to the line of that value.

YAML reads some things otherwise than they look, and PyYAML says nothing of them; here each is a Problem with
its line: a key given twice (PyYAML keeps the last), a date that cannot be (2023-13-45), and, where the schema
expects text (generator/strict.py), an unquoted value cut short by a ` #` (YAML reads the rest of the line as a
comment) or read as something else (`no` as false, 2023-10-26 as a date, 12 as a number).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from generator.errors import InputError, Problem
from generator.strict import text_fields

Location = tuple[int | str, ...]
ModelT = TypeVar("ModelT", bound=BaseModel)
SHOWN = 60  # characters of a wrong value quoted in a message


def _timestamp(loader: Any, node: yaml.ScalarNode) -> Any:
    """A date, or a message naming the value that cannot be one (PyYAML raises a bare ValueError)."""
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError) as error:
        raise yaml.constructor.ConstructorError(None, None, f"{node.value!r} is not a real date ({error})", node.start_mark) from None


# libyaml reads the annotation files about ten times faster than the pure-Python loader; both give the same
# nodes with the same marks. A syntax error is reported by the pure-Python loader, whose messages are clearer.
class FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    pass


class ClearLoader(yaml.SafeLoader):
    pass


for _loader in (FastLoader, ClearLoader):
    _loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


class YamlFile:
    """A loaded file: its data, and where each value of it stands."""

    def __init__(self, path: Path, text: str, root: yaml.Node | None, data: Any) -> None:
        self.path, self.lines, self.root, self.data = path, text.splitlines(), root, data

    def node(self, location: Location) -> yaml.Node | None:
        """The node of the value at `location`, or of the nearest enclosing value that exists."""
        node = self.root
        for key in location:
            if isinstance(node, yaml.MappingNode):
                found = next((v for k, v in node.value if k.value == str(key)), None)
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
                found = node.value[key]
            else:
                found = None
            if found is None:
                break
            node = found
        return node

    def locate(self, location: Location) -> int:
        node = self.node(location)
        return node.start_mark.line + 1 if node is not None else 1

    def cut_by_comment(self, location: Location) -> str | None:
        """The comment YAML took from an unquoted text value at `location` (`## or ### …`), if it did."""
        node = self.node(location)
        if not isinstance(node, yaml.ScalarNode) or node.style not in (None, ""):  # plain: libyaml says "", PyYAML None
            return None
        end = node.end_mark
        rest = self.lines[end.line][end.column :] if end.line < len(self.lines) else ""
        return rest.strip() if rest.lstrip().startswith("#") else None


def load_yaml(path: Path) -> tuple[Any, Callable[[Location], int]]:
    loaded = read(path)
    return loaded.data, loaded.locate


def read(path: Path) -> YamlFile:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise InputError([Problem(str(path), line, "not UTF-8 text", "save the file as UTF-8")]) from None
    try:
        return _load(path, text, FastLoader)
    except yaml.MarkedYAMLError:
        pass
    try:
        return _load(path, text, ClearLoader)
    except yaml.constructor.ConstructorError as error:
        mark = error.problem_mark or error.context_mark
        raise InputError([Problem(str(path), mark.line + 1 if mark else 1, str(error.problem), "write a date as YYYY-MM-DD")]) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        message = f"YAML syntax: {error.problem or error.context}"
        raise InputError([Problem(str(path), line, message, "check the indentation and quoting on this line and the one above")]) from None


def _load(path: Path, text: str, loader_class: type[yaml.SafeLoader]) -> YamlFile:
    loader = loader_class(text)
    try:
        root = loader.get_single_node()
        if root is not None:
            _refuse_repeated_keys(path, root)
        value = loader.construct_document(root) if root is not None else None
    finally:
        loader.dispose()
    return YamlFile(path, text, root, value)


def _refuse_repeated_keys(path: Path, root: yaml.Node) -> None:
    """PyYAML keeps the last of two equal keys and drops the first without a word: here both lines are named."""
    problems = []
    pending = [root]
    while pending:
        node = pending.pop()
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, yaml.Node] = {}
            for key, value in node.value:
                name = str(key.value)
                if isinstance(key, yaml.ScalarNode) and name in seen:
                    first = seen[name].start_mark.line + 1
                    line = key.start_mark.line + 1
                    message = f"`{name}:` is given twice (lines {first} and {line})"
                    problems.append(Problem(str(path), line, message, "keep one of them: YAML would silently use only the last"))
                seen.setdefault(name, key)
                pending.append(value)
        elif isinstance(node, yaml.SequenceNode):
            pending.extend(node.value)
    if problems:
        raise InputError(sorted(problems, key=lambda problem: problem.line))


# What each file last validated to, by its bytes: under `mkdocs serve` an edit re-reads only the file it touched.
# The models are frozen, so a result handed out twice cannot be changed by either holder.
_validated: dict[tuple[type[Any], str], tuple[bytes, Any]] = {}


def validate(model: type[ModelT], path: Path) -> tuple[ModelT, Callable[[Location], int]]:
    """Load `path` and check it against `model`; every mismatch becomes a Problem with its line."""
    data = path.read_bytes() if path.is_file() else None
    cached = _validated.get((model, str(path)))
    if data is not None and cached is not None and cached[0] == data:
        result: tuple[ModelT, Callable[[Location], int]] = cached[1]
        return result
    result = _validate(model, path)
    if data is not None:
        _validated[(model, str(path))] = (data, result)
    return result


def _validate(model: type[ModelT], path: Path) -> tuple[ModelT, Callable[[Location], int]]:
    loaded = read(path)
    if loaded.data is None:
        raise InputError([Problem(str(path), 1, "the file is empty", "write its keys, or delete the file")])
    try:
        parsed = model.model_validate(loaded.data)
    except ValidationError as error:
        raise InputError([_problem(loaded, detail) for detail in error.errors()]) from None
    problems = []
    for location, _kind in text_fields(parsed):
        comment = loaded.cut_by_comment(location)
        if comment is not None:
            where = ".".join(str(part) for part in location)
            message = f"{where}: the text stops before {_shorten(comment)!r}: YAML reads ` #` as the start of a comment"
            problems.append(Problem(str(path), loaded.locate(location), message, "put the whole text in double quotes"))
    if problems:
        raise InputError(problems)
    return parsed, loaded.locate


def _problem(loaded: YamlFile, detail: Any) -> Problem:
    where = ".".join(str(part) for part in detail["loc"]) or "(top level)"
    line = loaded.locate(detail["loc"])
    received = detail.get("input")
    if detail["type"] == "missing":
        return Problem(str(loaded.path), line, f"{where}: {detail['msg']}", f"add `{detail['loc'][-1]}:` here")
    if detail["type"] == "string_too_long":
        limit = detail.get("ctx", {}).get("max_length")
        return Problem(
            str(loaded.path), line, f"{where}: {len(received):,} characters, more than the {limit:,} this field accepts",
            "is something pasted twice, or a whole file pasted in? Shorten it, or split it",
        )  # fmt: skip
    if isinstance(received, str):
        shown = repr(_shorten(received))
    else:
        shown = type(received).__name__ if isinstance(received, dict | list) else repr(received)
    hint = ""
    if detail["type"] == "string_type" and isinstance(received, bool | int | float | date):
        read_as = "a yes/no value" if isinstance(received, bool) else "a date" if isinstance(received, date) else "a number"
        hint = f"YAML reads this unquoted value as {read_as}: put it in double quotes to keep it as text"
    return Problem(str(loaded.path), line, f"{where}: {detail['msg']} (received {shown})", hint)


def _shorten(text: str) -> str:
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"
