"""Stories: events of one type between the same actors, close in time and place, linked across
articles; brought up to date key by key after each write, equal to a full rebuild."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

import pytest

from chronicler.store.db import Store
from chronicler.store.stories import build_stories

DAY0 = date(2024, 3, 1)


def _event(akey: str, n: int, etype: str, source: tuple, target: tuple, day: int,
           lat: float | None = None, lon: float | None = None,
           modality: str = "asserted") -> list:
    return [akey, f"e{n}", etype, None, None, None, None, *source, None, *target,
            "Paris" if lat is not None else None, lat, lon, None,
            DAY0 + timedelta(days=day), None, modality, None, 0.8, 0, 5, "text"]


def _write(store: Store, articles: dict[str, list[list]]) -> None:
    for akey, events in articles.items():
        store.con.execute("INSERT INTO articles (article_key, id, published, producer) "
                          "VALUES (?, ?, ?, 'test')", [akey, akey, DAY0])
        for row in events:
            store.con.execute(f"INSERT INTO events VALUES ({', '.join('?' * len(row))})", row)


def _stories(store: Store) -> tuple[list, list]:
    return (store.con.execute("SELECT * FROM stories ORDER BY story_id").fetchall(),
            store.con.execute("SELECT * FROM story_events ORDER BY ALL").fetchall())


FRA, DEU = ("france", "FRA", "GOV"), ("germany", "DEU", "GOV")
NOBODY, MIL_ONLY = (None, None, None), (None, None, "MIL")


@pytest.fixture
def store(tmp_path: Path):
    s = Store(tmp_path / "stories.duckdb")
    yield s
    s.close()


def test_same_actors_within_a_day_link_across_articles(store: Store) -> None:
    _write(store, {"a1": [_event("a1", 1, "CONSULT", FRA, DEU, 0)],
                   "a2": [_event("a2", 1, "CONSULT", FRA, DEU, 1)],
                   "a3": [_event("a3", 1, "CONSULT", FRA, DEU, 5)],     # too late
                   "a4": [_event("a4", 1, "ACCUSE", FRA, DEU, 0)]})     # another type
    assert build_stories(store.con) == 3
    sizes = store.con.execute("SELECT type, n_articles, n_events, first_date, last_date "
                              "FROM stories ORDER BY type, first_date").fetchall()
    assert sizes == [("ACCUSE", 1, 1, DAY0, DAY0),
                     ("CONSULT", 2, 2, DAY0, DAY0 + timedelta(days=1)),
                     ("CONSULT", 1, 1, DAY0 + timedelta(days=5), DAY0 + timedelta(days=5))]


def test_events_without_both_actors_or_a_place_stay_alone(store: Store) -> None:
    _write(store, {"a1": [_event("a1", 1, "ASSAULT", NOBODY, NOBODY, 0),
                          _event("a1", 2, "ASSAULT", MIL_ONLY, NOBODY, 0)],
                   "a2": [_event("a2", 1, "ASSAULT", NOBODY, NOBODY, 0),
                          _event("a2", 2, "ASSAULT", MIL_ONLY, NOBODY, 0),
                          _event("a2", 3, "ASSAULT", MIL_ONLY, NOBODY, 0, 48.8, 2.3),
                          _event("a2", 4, "ASSAULT", MIL_ONLY, NOBODY, 0, 48.9, 2.4)]})
    assert build_stories(store.con) == 5   # only the two located one-sided events link
    (key,) = store.con.execute("SELECT source_key FROM stories WHERE n_events = 2").fetchone()
    assert key == "?/MIL"


def test_far_apart_places_are_different_stories(store: Store) -> None:
    _write(store, {"a1": [_event("a1", 1, "PROTEST", MIL_ONLY, FRA, 0, 48.8, 2.3)],
                   "a2": [_event("a2", 1, "PROTEST", MIL_ONLY, FRA, 0, 35.7, 139.7)],
                   "a3": [_event("a3", 1, "PROTEST", MIL_ONLY, FRA, 1)]})  # joins the first
    assert build_stories(store.con) == 2
    rows = store.con.execute("SELECT n_events, lat FROM stories ORDER BY lat").fetchall()
    assert rows == [(1, 35.7), (2, 48.8)]


def test_negated_and_undated_events_make_no_story(store: Store) -> None:
    _write(store, {"a1": [_event("a1", 1, "CONSULT", FRA, DEU, 0, modality="negated")]})
    assert build_stories(store.con) == 0


def _random_articles(seed: int, n: int) -> dict[str, list[list]]:
    rng = random.Random(seed)
    actors = [FRA, DEU, NOBODY, MIL_ONLY, ("nato", None, "IGO")]
    places = [(None, None), (48.85, 2.35), (50.45, 30.52), (None, None)]
    articles = {}
    for i in range(n):
        akey = f"k{seed}-{i:03d}"
        articles[akey] = [
            _event(akey, j, rng.choice(["CONSULT", "ASSAULT", "ACCUSE"]), rng.choice(actors),
                   rng.choice(actors), rng.randrange(12), *rng.choice(places),
                   modality=rng.choice(["asserted", "asserted", "asserted", "negated"]))
            for j in range(rng.randrange(4))]
    return articles


def test_updating_after_each_write_equals_a_full_rebuild(tmp_path: Path) -> None:
    batches = [_random_articles(seed, 40) for seed in range(4)]
    whole, steps = Store(tmp_path / "whole.duckdb"), Store(tmp_path / "steps.duckdb")
    try:
        for batch in batches:
            _write(whole, batch)
            _write(steps, batch)
            build_stories(steps.con)
        build_stories(whole.con, full=True)
        assert _stories(steps) == _stories(whole)
        assert len(_stories(whole)[0]) > 50

        gone = [key for batch in batches[1:3] for key in list(batch)[::3]]
        steps.delete(gone)                                 # as ingest --force does
        steps.con.execute("DELETE FROM events WHERE article_key = ?", [list(batches[0])[1]])
        build_stories(steps.con)
        updated = _stories(steps)
        build_stories(steps.con, full=True)
        assert updated == _stories(steps)
    finally:
        whole.close()
        steps.close()


def test_a_run_that_stopped_before_its_stories_is_caught_up_by_the_next(store: Store) -> None:
    _write(store, {"a1": [_event("a1", 1, "CONSULT", FRA, DEU, 0)]})   # no stories pass
    _write(store, {"a2": [_event("a2", 1, "CONSULT", FRA, DEU, 0)]})
    assert build_stories(store.con) == 1
    assert _stories(store)[0][0][6:8] == (2, 2)                        # n_articles, n_events
