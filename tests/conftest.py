"""Shared fixtures. Tests that read ../shared skip cleanly when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "corpus" / "seed" / "000_0d338e59a798ac51.txt"


@pytest.fixture(scope="session")
def pipeline():
    """One loaded pipeline for the whole session (loading spaCy takes about a second)."""
    from chronicler.pipeline import PipelineConfig, build

    return build(PipelineConfig(n_process=1))


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is absent (a user's clone): nothing to measure against")
    return SHARED


@pytest.fixture
def seed_path() -> Path:
    if not SEED.is_file():
        pytest.skip("the seed article in ../shared is absent")
    return SEED
