"""Load a YAML file that people edit, keeping where each value stands so errors can name the line.

Reads: a YAML file (UTF-8, safe loader only). Writes: the data, and a `locate` function from a pydantic
error location (`("witnesses", 2, "sha256")`) to the line of that value.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from generator.errors import InputError, Problem

Location = tuple[int | str, ...]
ModelT = TypeVar("ModelT", bound=BaseModel)


# libyaml reads the annotation files about ten times faster than the pure-Python loader; both give the same
# nodes with the same marks. A syntax error is reported by the pure-Python loader, whose messages are clearer.
FastLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(path: Path) -> tuple[Any, Callable[[Location], int]]:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise InputError([Problem(str(path), line, "not UTF-8 text", "save the file as UTF-8")]) from None
    try:
        return _load(text, FastLoader)
    except yaml.MarkedYAMLError:
        pass
    try:
        return _load(text, yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 0
        message = f"YAML syntax: {error.problem or error.context}"
        raise InputError([Problem(str(path), line, message, "check the indentation and quoting on this line and the one above")]) from None


def _load(text: str, loader_class: type[yaml.SafeLoader] | type[yaml.CSafeLoader]) -> tuple[Any, Callable[[Location], int]]:
    loader = loader_class(text)
    try:
        root = loader.get_single_node()
        value = loader.construct_document(root) if root is not None else None
    finally:
        loader.dispose()

    def locate(location: Location) -> int:
        node = root
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
        return node.start_mark.line + 1 if node is not None else 0

    return value, locate


def validate(model: type[ModelT], path: Path) -> tuple[ModelT, Callable[[Location], int]]:
    """Load `path` and check it against `model`; every mismatch becomes a Problem with its line."""
    data, locate = load_yaml(path)
    try:
        return model.model_validate(data), locate
    except ValidationError as error:
        problems = []
        for detail in error.errors():
            where = ".".join(str(part) for part in detail["loc"]) or "(top level)"
            received = detail.get("input")
            shown = repr(received) if not isinstance(received, dict | list) else type(received).__name__
            hint = (
                "put it in quotes: YAML reads 12345678 as a number"
                if detail["type"] == "string_type" and isinstance(received, int | float)
                else ""
            )
            if detail["type"] == "missing":
                field = detail["loc"][-1]
                problems.append(Problem(str(path), locate(detail["loc"]), f"{where}: {detail['msg']}", f"add `{field}:` here"))
                continue
            problems.append(Problem(str(path), locate(detail["loc"]), f"{where}: {detail['msg']} (received {shown})", hint))
        raise InputError(problems) from None
