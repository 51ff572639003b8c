"""Over every article of the news corpora beside the project (../shared/corpus/news): no actor
carries a synthetic "Country (SECTOR)" name, and no quote's speaker is a bare pronoun or a
dateline. Skips when ../shared is absent (a user's clone). Runs the whole pipeline on about
1,560 articles (about 90 s with two processes on an idle two-core machine)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

SECTORS = ["COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR",
           "BUS", "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL",
           "SOC"]
SYNTHETIC = re.compile(r"\((" + "|".join(SECTORS) + r")\)\s*$")
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "his",
            "its", "their", "this", "that"}
DATELINE = re.compile(r"[A-Z][A-Z .'-]+,")


NEWS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "news"


@pytest.fixture(scope="module")
def news_records():
    from chronicler.ingest import read_inputs
    from chronicler.pipeline import PipelineConfig, build
    from chronicler.types import Article

    if not NEWS.is_dir():
        pytest.skip("../shared/corpus/news is absent (a user's clone): nothing to check")
    folder = NEWS
    articles = [a for a in read_inputs([str(folder)]) if isinstance(a, Article)]
    assert len(articles) > 1000
    return list(build(PipelineConfig(n_process=2)).run(articles))


def test_no_synthetic_actor_names(news_records):
    bad = [(r.article.id, a.name) for r in news_records for a in r.actors
           if SYNTHETIC.search(a.name or "")]
    assert bad == []


def test_no_pronoun_or_dateline_speakers(news_records):
    pronouns, datelines = [], []
    for r in news_records:
        text = r.article.text
        for q in r.quotes:
            s = q.speaker
            if s is None:
                continue
            if (s.name or "").strip().lower() in PRONOUNS:
                pronouns.append((r.article.id, s.name, s.text))
            if s.start is not None:
                line = text.rfind("\n", 0, s.start) + 1
                m = DATELINE.match(text, line, line + 60)
                if m and s.start < m.end():
                    datelines.append((r.article.id, s.text))
    assert pronouns == [] and datelines == []
