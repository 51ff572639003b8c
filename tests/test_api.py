"""The Python API: chronicler.extract on text and paths; the package docstring example runs."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

import chronicler
from chronicler.errors import InputError


def test_package_docstring_example_runs():
    result = doctest.testmod(chronicler, verbose=False)
    assert result.attempted >= 3 and result.failed == 0


def test_extract_text_keeps_offsets():
    text = "  Turkish troops shelled positions near Afrin on Sunday.  "
    record = chronicler.extract(text)
    assert record.article.text == text
    for actor in record.actors:
        for m in actor.mentions:
            assert text[m.start:m.end] == m.text


def test_extract_path_cleans_scraped_text(tmp_path: Path):
    path = tmp_path / "page.txt"
    path.write_text("Talks in Geneva\n\nTalks in Geneva\n\nby Jane Roe\n\nThe envoy met both "
                    "delegations in Geneva on Monday, the UN said.\n\nLeave a Reply\n\n"
                    "Fill in your details below or click an icon to log in:\n", encoding="utf-8")
    record = chronicler.extract(path)
    assert record.article.title == "Talks in Geneva" and record.article.author == "Jane Roe"
    assert "Leave a Reply" not in record.article.text


def test_extract_bad_path_raises_a_named_error(tmp_path: Path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    with pytest.raises(InputError, match="empty.txt"):
        chronicler.extract(empty)


def test_extract_missing_path_is_an_error_not_text():
    with pytest.raises(InputError, match="no such file"):
        chronicler.extract("news/missing-article.txt")
