"""Property tests: whatever bytes arrive, readers and cleaners answer with articles or named
problems, never an exception that would stop a batch (Hypothesis, fixed seed, bounded)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chronicler.errors import Problem
from chronicler.ingest import read_inputs
from chronicler.ingest.html import clean_html
from chronicler.ingest.plaintext import clean_plaintext
from chronicler.types import Article

# derandomize: the same examples on every run, so CI is deterministic.
BOUNDED = settings(max_examples=60, derandomize=True, deadline=None,
                   suppress_health_check=[HealthCheck.function_scoped_fixture])

SUFFIXES = st.sampled_from([".txt", ".html", ".jsonl", ".warc", ".warc.gz", ".json", ".gz"])
TEXTISH = st.text(alphabet=st.characters(codec="utf-8"), max_size=400)
MARKUP = st.lists(st.sampled_from(["<p>", "</p>", "<div>", "<script>", "</script>", "<!--",
                                   "-->", "&amp;", "&#0;", "<html>", "<title>", "\x00", "\n\n",
                                   "WARC/1.0\r\n", '{"text": ', '"}', "Ministers met.", "é"]),
                  max_size=40).map("".join)


@BOUNDED
@given(data=st.one_of(st.binary(max_size=600), MARKUP.map(str.encode)), suffix=SUFFIXES)
def test_any_file_gives_articles_or_problems(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    good = tmp_path / "good.txt"
    good.write_text("Talks in Berlin\n\nThe ministers met in Berlin on Monday.\n", "utf-8")
    items = list(read_inputs([str(path), str(good)]))
    assert all(isinstance(i, Article | Problem) for i in items)
    assert any(isinstance(i, Article) and i.text.startswith("The ministers") for i in items)


@BOUNDED
@given(raw=st.one_of(TEXTISH, MARKUP))
def test_plaintext_cleaner_is_total(raw: str) -> None:
    cleaned = clean_plaintext(raw)
    assert isinstance(cleaned.text, str)


@BOUNDED
@given(html=st.one_of(TEXTISH, MARKUP))
def test_html_cleaner_is_total(html: str) -> None:
    cleaned = clean_html(html)
    assert isinstance(cleaned.text, str)
