"""The words of the interface for one edition: labels.yml with the edition's own names put in.

Reads: the edition (sources.yml) and its two compared documents' stated dates. Writes: the labels by language.
An edition of a draft and its adopted text keeps labels.yml's words (征求意见稿 / 终稿); an edition of two
versions of a law (amendment 修正, revision 修订) takes the `versions` words instead, which name each text by its
role and year: 2009年文本 / 2024年修正文本, the 2009 text / the text as amended in 2024. A text that states no
date is the earlier text / the amended text, never a guessed year.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from typing import Any

from generator.corpus.sources import Catalogue, StatedDate

VERSION_EVENTS = ("published", "adopted", "amended", "revised")  # the events that make a text what it is
PLACEHOLDER = re.compile(r"\{([A-Za-z_]+)\}")


def version(stated: list[StatedDate]) -> StatedDate | None:
    """The event that made a text what it is, by its own statement: a draft's publication, the adoption of a
    final text, the last amendment or revision of a version; None where the text states no date."""
    return max((s for s in stated if s.event in VERSION_EVENTS), key=lambda s: s.date, default=None)


def names(catalogue: Catalogue, language: str) -> dict[str, str]:
    """What the labels' {placeholders} stand for in this edition and language."""
    edition = catalogue.edition
    after = catalogue.document(edition.after)
    found = {
        "site_title": str(getattr(edition.title, language)),
        "law": str(getattr(after.title, language)),
        "law_zh": after.title.zh,
        "before_id": edition.before,
        "after_id": edition.after,
        "akn_uri": _akn_uris(catalogue),
    }
    if edition.kind == "adoption":
        return found
    made = {
        role: version(catalogue.witness(catalogue.document(document_id).printed).dates)
        for role, document_id in (("before", edition.before), ("after", edition.after))
    }
    years = {role: (str(stated.date.year) if stated else None) for role, stated in made.items()}
    amended = edition.kind == "amendment"
    zh = {
        "before": f"{years['before']}年文本" if years["before"] else "修改前的文本",
        "after": f"{years['after']}年{'修正' if amended else '修订'}文本"
        if years["after"]
        else ("修正后的文本" if amended else "修订后的文本"),
    }
    verb = "amended" if amended else "revised"
    en_short = {
        "before": f"{years['before']} text" if years["before"] else "Earlier text",
        "after": f"As {verb} {years['after']}" if years["after"] else f"As {verb}",
    }
    en = {
        "before": f"the {years['before']} text" if years["before"] else "the earlier text",
        "after": f"the text as {verb} in {years['after']}" if years["after"] else f"the text as {verb}",
    }
    for role in ("before", "after"):
        found[f"{role}_zh"] = zh[role]
        if language == "zh":
            found[role] = found[role.title()] = found[f"{role}_short"] = found[f"{role.title()}_short"] = zh[role]
        else:
            found[role], found[role.title()] = en[role], en[role][0].upper() + en[role][1:]
            found[f"{role}_short"] = en_short[role][0].lower() + en_short[role][1:]
            found[f"{role.title()}_short"] = en_short[role]
    return found


def _akn_uris(catalogue: Catalogue) -> str:
    """The works' URIs the Akoma Ntoso files use, e.g. /akn/cn/act/… (a national law) or /akn/cn-sjz/…."""
    places = sorted({f"/akn/cn{'-' + d.akn.locality if d.akn.locality else ''}/…" for d in catalogue.documents if d.akn})
    return " / ".join(places)


def labels_for(raw: Mapping[str, Any], catalogue: Catalogue) -> dict[str, dict[str, Any]]:
    """labels.yml for this edition: the `versions` words where it compares versions, the names put in."""
    result: dict[str, dict[str, Any]] = {}
    for language, words in raw.items():
        own = copy.deepcopy(dict(words))
        versions = own.pop("versions", {})
        if catalogue.edition.kind != "adoption":
            _merge(own, versions)
        result[language] = _fill(own, names(catalogue, language))
    return result


def _merge(into: dict[str, Any], over: Mapping[str, Any]) -> None:
    for key, value in over.items():
        if isinstance(value, Mapping) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = value


def _fill(value: Any, names: Mapping[str, str]) -> Any:
    """Put the edition's names into every string; placeholders the pages fill ({date}, {witness} …) stay, and in
    a string that keeps one (the pages call str.format on it) a brace in a name is doubled, so it reads as typed."""
    if isinstance(value, str):
        later = any(m.group(1) not in names for m in PLACEHOLDER.finditer(value))

        def name(match: re.Match[str]) -> str:
            found = names.get(match.group(1))
            if found is None:
                return match.group(0)
            return found.replace("{", "{{").replace("}", "}}") if later else found

        return PLACEHOLDER.sub(name, value)
    if isinstance(value, list):
        return [_fill(v, names) for v in value]
    if isinstance(value, dict):
        return {k: _fill(v, names) for k, v in value.items()}
    return value
