"""The base of every schema of a YAML file people write (sources.yml and everything under annotations/).

Strict: an unknown key is an error (a misspelt key must not be silently ignored), and the parsed values are
frozen. Keys may also be given by their field names where a field has an alias (`from:` of a reference).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Bilingual(Strict):
    """The same words in both languages."""

    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)
