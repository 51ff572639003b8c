"""How the story-linking thresholds behave on real multi-article news.

    .venv/bin/python benchmarks/stories.py --db news.duckdb
    (build the store first: chronicler ingest ../shared/corpus/news --db news.duckdb)

For each (window_days, max_km) it rebuilds the stories in a scratch copy of the store and
reports how many events were linked across articles, and a precision proxy: the share of
cross-article links whose titles + evidence sentences share at least three content words.
No gold exists for story links; the proxy is what the thresholds in store/stories.py were
chosen on, and the README of the store says so.
"""

from __future__ import annotations

import argparse
import itertools
import re
import shutil
import sys
import tempfile
from pathlib import Path

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{3,}")
_STOP = {"that", "this", "with", "from", "have", "will", "said", "says", "after", "over", "into", "about", "their", "there", "were", "been", "what", "when", "they", "them", "more", "than", "also", "just", "your", "which", "would", "could", "should"}


def title_words(title: str | None) -> set[str]:
    return {w.lower() for w in _WORD.findall(title or "")} - _STOP


def measure(db: Path, window: int, max_km: float) -> dict[str, float]:
    import duckdb

    from chronicler.store.stories import build_stories

    con = duckdb.connect(str(db))
    try:
        n = build_stories(con, window_days=window, max_km=max_km, full=True)
        rows = con.execute("""SELECT se.story_id, a.article_key,
            a.title || ' ' || e.evidence_text FROM story_events se
            JOIN articles a USING (article_key) JOIN events e USING (article_key, event_id)
            """).fetchall()
    finally:
        con.close()
    by_story: dict[str, dict[str, str]] = {}
    for sid, key, title in rows:
        by_story.setdefault(sid, {})[key] = title
    pairs = same = 0
    for arts in by_story.values():
        for (_, t1), (_, t2) in itertools.combinations(sorted(arts.items()), 2):
            pairs += 1
            same += len(title_words(t1) & title_words(t2)) >= 3
    multi = sum(1 for arts in by_story.values() if len(arts) > 1)
    return {"stories": n, "multi_article": multi, "pairs": pairs,
            "same_topic": same / pairs if pairs else 0.0}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True, type=Path)
    args = parser.parse_args()
    if not args.db.exists():
        print(f"stories: no store at {args.db}; build it with chronicler ingest", file=sys.stderr)
        return 1
    print(f"{'window':>6} {'km':>5} {'stories':>8} {'multi':>6} {'pairs':>6} {'same-topic':>10}")
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp) / "scratch.duckdb"
        shutil.copy(args.db, scratch)
        for window, km in [(0, 200), (1, 200), (3, 200), (7, 200), (3, 50), (3, 1000)]:
            m = measure(scratch, window, km)
            print(f"{window:>6} {km:>5.0f} {m['stories']:>8} {m['multi_article']:>6} "
                  f"{m['pairs']:>6} {m['same_topic']:>10.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
