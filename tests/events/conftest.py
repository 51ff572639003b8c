"""Fixtures for the event coder tests: the real spaCy model and knowledge base, loaded once per
test module. Every sentence in these tests was written for them."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from chronicler.types import Event


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from chronicler.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="module")
def coder():  # type: ignore[no-untyped-def]
    from chronicler.events import EventCoder

    return EventCoder()


@pytest.fixture(scope="module")
def code(nlp, coder) -> Callable[..., list[Event]]:  # type: ignore[no-untyped-def]
    """Parse a text, resolve its actors and code its events."""
    from chronicler.actors import ActorResolver, load_kb

    resolver = ActorResolver(load_kb())

    def run(text: str, published: str | None = "2018-05-24") -> list[Event]:
        doc = nlp(text)
        table = resolver.resolve(doc, day=published)
        return coder.code(doc, table, published=published)

    return run


def types_of(events: list[Event], counted: bool = True) -> set[str]:
    """PLOVER types of the events (by default only those with a counted modality)."""
    from chronicler.types import COUNTED_MODALITIES

    return {e.type for e in events if not counted or e.modality in COUNTED_MODALITIES}


def first(events: list[Event], typ: str) -> Event:
    """The first event of a type (fails the test when there is none)."""
    hits = [e for e in events if e.type == typ]
    assert hits, f"no {typ} event in {[(e.type, e.cameo) for e in events]}"
    return hits[0]
