"""The JSON Schema of chronicler's record, shipped with the package."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=1)
def record_schema() -> dict[str, Any]:
    """The record schema (draft 2020-12) as a dict."""
    text = resources.files(__package__).joinpath("record.schema.json").read_text("utf-8")
    return json.loads(text)


def validate_record(record: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` when ``record`` breaks the contract.

    Beyond the schema, every span must point at its own text in ``article.text``.
    """
    import jsonschema

    jsonschema.validate(record, record_schema())
    text = record["article"]["text"]
    for span in _spans(record):
        if text[span["start"]:span["end"]] != span["text"]:
            raise jsonschema.ValidationError(
                f"span {span['start']}:{span['end']} says {span['text']!r} but the text there "
                f"is {text[span['start']:span['end']]!r}")


def _spans(record: dict[str, Any]):  # type: ignore[no-untyped-def]
    for actor in record["actors"]:
        yield from actor["mentions"]
    for place in record["places"]:
        yield from place["mentions"]
    for event in record["events"]:
        yield event["evidence"]
    for quote in record["quotes"]:
        yield quote
        speaker = quote["speaker"]
        if speaker and speaker["start"] is not None:
            yield {"start": speaker["start"], "end": speaker["end"], "text": speaker["text"]}
