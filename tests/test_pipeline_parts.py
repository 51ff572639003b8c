"""Long bodies are parsed in parts and joined back over the original text; memory zones keep
the vocabulary from growing over a stream."""

from __future__ import annotations

import pytest

from chronicler import pipeline as P
from chronicler.types import Article

PARAGRAPH = ("Russian President Vladimir Putin met Syrian President Bashar al-Assad in Sochi on "
             "Thursday. Putin said the talks in Sochi were useful, the Kremlin said.")


@pytest.mark.parametrize("text", [
    "\n\n".join([PARAGRAPH] * 40), "\n".join([PARAGRAPH] * 40), " ".join([PARAGRAPH] * 40),
    "x" * 1000, "", "short"])
def test_split_text_parts_join_to_the_text_and_respect_the_limit(text: str) -> None:
    parts = P.split_text(text, 300)
    assert "".join(parts) == text
    assert all(len(p) <= 300 for p in parts)


def test_split_text_cuts_after_a_paragraph_break() -> None:
    text = "\n\n".join([PARAGRAPH] * 10)
    parts = P.split_text(text, 400)
    assert all(p.endswith("\n\n") for p in parts[:-1])


def test_part_batches_bound_texts_and_characters() -> None:
    articles = [Article(id="a", text="a" * 50), Article(id="b", text="b" * 50),
                Article(id="c", text="c" * 50)]
    batches = list(P.part_batches(articles, 2, 120))
    assert [[a.id for _, a, _ in b] for b in batches] == [["a", "b"], ["c"]]
    assert all(last for b in batches for _, _, last in b)


def test_long_article_is_parsed_in_parts_with_offsets_into_its_text(pipeline, monkeypatch):
    text = "\n\n".join(f"{PARAGRAPH} Report {i}." for i in range(30))
    whole = pipeline.process(Article(id="w", text=text))
    monkeypatch.setattr(P, "PART_CHARS", 1_000)
    monkeypatch.setattr(P, "BATCH_CHARS", 2_000)
    parted = pipeline.process(Article(id="p", text=text))
    assert parted.article.text == text
    for actor in parted.actors:
        assert all(text[m.start:m.end] == m.text for m in actor.mentions)
    for place in parted.places:
        assert all(text[m.start:m.end] == m.text for m in place.mentions)
    assert {a.name for a in parted.actors} == {a.name for a in whole.actors}
    assert len(parted.events) == len(whole.events)


def test_vocabulary_does_not_grow_over_a_stream(pipeline) -> None:
    def stream(start: int):
        return [Article(id=str(i), text=f"Minister Zorblat{i} visited Quexville{i} on Monday.")
                for i in range(start, start + 40)]

    list(pipeline.run(stream(0)))
    size = len(pipeline.nlp.vocab.strings)
    list(pipeline.run(stream(1000)))
    assert len(pipeline.nlp.vocab.strings) == size


def test_article_over_the_parser_cap_gets_a_warning_not_an_error(pipeline) -> None:
    text = "word " * (pipeline.nlp.max_length // 5 + 1)
    record = pipeline.process(Article(id="huge", text=text))
    assert record.actors == () and "E013" in record.warnings[0]
