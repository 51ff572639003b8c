"""Ingest: every good article is read, every bad input is named, nothing stops the batch."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from chronicler.errors import Problem
from chronicler.ingest import IngestConfig, read_inputs
from chronicler.types import Article

BODY = ("The foreign ministers of France and Germany met in Berlin on Monday to discuss the "
        "crisis. They agreed to hold further talks next week, officials said.")


def _split(items):
    articles = [i for i in items if isinstance(i, Article)]
    problems = [i for i in items if isinstance(i, Problem)]
    return articles, problems


@pytest.fixture
def messy_folder(tmp_path: Path) -> Path:
    (tmp_path / "good.txt").write_text(f"Ministers meet in Berlin\n\n{BODY}\n", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes(
        ("Café talks\n\nLe café " + BODY).encode("latin-1", "replace"))
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    (tmp_path / "huge.txt").write_text("word " * 5000)
    lines = [json.dumps({"id": "a1", "text": BODY, "published": "May 6, 2018"}),
             "{broken json",
             json.dumps({"id": "a2", "title": "No body"}),
             json.dumps({"id": "a3", "text": "  " + BODY + "  "})]
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path


def test_folder_gives_good_articles_and_names_bad_inputs(messy_folder: Path):
    articles, problems = _split(list(read_inputs([str(messy_folder)],
                                                 config=IngestConfig(max_bytes=20_000))))
    ids = {a.id for a in articles}
    assert {"good", "latin1", "a1", "a3"} <= ids
    named = {p.origin.split("/")[-1]: p.code for p in problems}
    assert named == {"empty.txt": "E014", "image.png": "E012", "huge.txt": "E013",
                     "batch.jsonl:2": "E015", "batch.jsonl:3": "E016"}
    for p in problems:
        assert str(messy_folder) in p.origin and p.message


def test_jsonl_text_is_kept_exactly(messy_folder: Path):
    articles, _ = _split(list(read_inputs([str(messy_folder / "sub" / "batch.jsonl")])))
    by_id = {a.id: a for a in articles}
    assert by_id["a3"].text == "  " + BODY + "  "
    assert by_id["a1"].published == "2018-05-06"


def test_missing_path_is_a_problem(tmp_path: Path):
    (item,) = list(read_inputs([str(tmp_path / "nope.txt")]))
    assert isinstance(item, Problem) and item.code == "E011"


def test_non_utf8_text_is_decoded(tmp_path: Path):
    path = tmp_path / "cp1252.txt"
    path.write_bytes(("Talks resume\n\n“Peace is possible,” the envoy said. " + BODY)
                     .encode("cp1252"))
    (article,) = list(read_inputs([str(path)]))
    assert isinstance(article, Article)
    assert "“Peace is possible,”" in article.text


def _warc_bytes(records: list[tuple[str, str, bytes]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for uri, ctype, payload in records:
        http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(payload),
                                                      http_headers=http))
    return buf.getvalue()


def test_warc_archive(tmp_path: Path):
    html = (f"<html><head><title>Berlin talks</title></head><body><article><h1>Berlin talks"
            f"</h1><p>{BODY}</p><p>{BODY}</p></article></body></html>").encode()
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(_warc_bytes([("https://example.org/a", "text/html; charset=utf-8", html),
                                  ("https://example.org/logo.png", "image/png", b"\x89PNG")]))
    articles, problems = _split(list(read_inputs([str(path)])))
    assert not problems
    (article,) = articles
    assert article.id == "https://example.org/a" and article.url == "https://example.org/a"
    assert "foreign ministers of France and Germany" in article.text


def test_broken_warc_is_named(tmp_path: Path):
    path = tmp_path / "bad.warc.gz"
    path.write_bytes(gzip.compress(b"this is not a warc file at all\n" * 10))
    items = list(read_inputs([str(path)]))
    assert items and isinstance(items[-1], Problem) and items[-1].code == "E018"


def test_non_english_article_is_marked(tmp_path: Path):
    path = tmp_path / "fr.jsonl"
    path.write_text(json.dumps({"id": "fr1", "text": (
        "Le ministre des Affaires étrangères a déclaré mardi que les négociations de Genève "
        "avaient progressé et qu'une nouvelle session aurait lieu le mois prochain.")}))
    (article,) = list(read_inputs([str(path)]))
    assert article.language == "fr"


def test_truncated_warc_gz_is_named(tmp_path: Path):
    html = (f"<html><body><article><p>{BODY}</p><p>{BODY}</p></article></body></html>").encode()
    data = _warc_bytes([("https://example.org/a", "text/html", html),
                        ("https://example.org/b", "text/html", html)])
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) - 100])
    items = list(read_inputs([str(path)]))
    assert any(isinstance(i, Problem) and i.code == "E018" for i in items)


def test_utf16_text_with_bom_is_read(tmp_path: Path):
    path = tmp_path / "wide.txt"
    path.write_bytes(("Talks resume\n\n" + BODY).encode("utf-16"))
    (article,) = list(read_inputs([str(path)]))
    assert isinstance(article, Article) and "France and Germany" in article.text


def test_same_named_files_in_subfolders_keep_distinct_ids(tmp_path: Path):
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "index.txt").write_text(f"Title {sub}\n\n{BODY}", encoding="utf-8")
    ids = {i.id for i in read_inputs([str(tmp_path)]) if isinstance(i, Article)}
    assert ids == {"a/index", "b/index"}


def test_warc_record_without_target_uri_keeps_the_batch(tmp_path: Path):
    """Issue 14: a response record with no WARC-Target-URI crashed warcio (AttributeError)."""
    html = f"<html><body><article><p>{BODY}</p><p>{BODY}</p></article></body></html>".encode()
    payload = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + html
    record = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
              b"Content-Type: application/http; msgtype=response\r\nContent-Length: "
              + str(len(payload)).encode() + b"\r\n\r\n" + payload + b"\r\n\r\n")
    (tmp_path / "bad.warc").write_bytes(record)
    (tmp_path / "good.txt").write_text(f"Talks\n\n{BODY}\n", encoding="utf-8")
    articles, problems = _split(list(read_inputs([str(tmp_path)])))
    assert {a.id for a in articles} >= {"good"} and not problems
    assert any("France and Germany" in a.text for a in articles if a.id != "good")


def test_fifo_without_writer_does_not_hang(tmp_path: Path):
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (item,) = list(read_inputs([str(fifo)]))
    assert isinstance(item, Problem) and item.code == "E014"
