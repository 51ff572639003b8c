"""Fixtures of the places tests: the real gazetteer built once into a temporary cache."""

from __future__ import annotations

import os

import pytest


@pytest.fixture(scope="session")
def gazetteer_dir(tmp_path_factory: pytest.TempPathFactory):
    """CHRONICLER_CACHE_DIR pointed at a fresh directory for the whole session."""
    path = tmp_path_factory.mktemp("chronicler-cache")
    old = os.environ.get("CHRONICLER_CACHE_DIR")
    os.environ["CHRONICLER_CACHE_DIR"] = str(path)
    yield path
    if old is None:
        os.environ.pop("CHRONICLER_CACHE_DIR", None)
    else:
        os.environ["CHRONICLER_CACHE_DIR"] = old


@pytest.fixture(scope="session")
def resolver(gazetteer_dir):
    """A PlaceResolver over the real packaged data (built into the temporary cache)."""
    from chronicler.actors import load_kb
    from chronicler.places import PlaceResolver

    resolver = PlaceResolver(load_kb())
    resolver.gazetteer  # noqa: B018 - build and load now, once
    return resolver


@pytest.fixture(scope="session")
def nlp():
    from chronicler.nlp import load_nlp

    return load_nlp()
