"""Hostile input (issue 14, item 2): each case gives a clean record or a named, coded problem;
never a traceback, a hang or a memory blow-up. Inputs are made here, small where they can be."""

from __future__ import annotations

import errno
import gzip
import io
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from chronicler.errors import Problem
from chronicler.ingest import IngestConfig, read_inputs
from chronicler.ingest.readers import bounded_lines
from chronicler.nlp.limits import MAX_STRETCH_TOKENS, pieces
from chronicler.schema import validate_record
from chronicler.types import Article

S = "The foreign minister met the envoy in Damascus on Monday. "
GOOD = "Talks in Berlin\n\nThe ministers met in Berlin on Monday to discuss the ceasefire.\n"
CHRONICLER = str(Path(sys.executable).with_name("chronicler"))
PER_ARTICLE_SECONDS = 30


def _read(tmp_path: Path, name: str, data: bytes, **config) -> list[Article | Problem]:
    path = tmp_path / name
    path.write_bytes(data)
    good = tmp_path / "zz_good.txt"
    good.write_text(GOOD, "utf-8")
    items = list(read_inputs([str(path), str(good)], config=IngestConfig(**config)))
    assert isinstance(items[-1], Article) and items[-1].text.startswith("The ministers")
    return items[:-1]


def _only(items: list[Article | Problem]) -> Article | Problem:
    assert len(items) == 1, items
    return items[0]


def _record(pipeline, article: Article) -> dict:
    started = time.perf_counter()
    (record,) = list(pipeline.run([article]))
    assert time.perf_counter() - started < PER_ARTICLE_SECONDS
    data = record.to_dict()
    validate_record(data)  # schema, and every span slices article.text to its own text
    return data


# --- bytes and encodings ----------------------------------------------------------------------

def test_random_bytes_are_binary(tmp_path: Path) -> None:
    data = random.Random(14).randbytes(20_000)
    item = _only(_read(tmp_path, "noise.txt", data))
    assert isinstance(item, Problem) and item.code == "E012"


def test_invalid_utf8_mid_file_keeps_the_article(tmp_path: Path) -> None:
    french = "Le ministre a déclaré à Genève que « la paix » est proche. " * 5
    data = french.encode() + b"\xff\xfe\xc3(" + S.encode()
    item = _only(_read(tmp_path, "mixed.txt", data))
    assert isinstance(item, Article)
    assert "déclaré à Genève" in item.text and "\ufffd" in item.text and "Damascus" in item.text
    assert any("[W103]" in w for w in item.warnings)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_and_without_bom(tmp_path: Path, encoding: str) -> None:
    text = S * 5 + "Le ministre a déclaré."
    item = _only(_read(tmp_path, "wide.txt", text.encode(encoding)))
    assert isinstance(item, Article) and item.text == text.strip()
    assert any("[W105]" in w for w in item.warnings) == (encoding in ("utf-16-le", "utf-16-be"))


def test_a_few_nul_bytes_are_removed(tmp_path: Path) -> None:
    data = (S * 5).encode() + b"\x00\x00" + (S * 5).encode() + b"\x00"
    item = _only(_read(tmp_path, "nul.txt", data))
    assert isinstance(item, Article) and "\x00" not in item.text
    assert any("[W104]" in w and "3 NUL" in w for w in item.warnings)


def test_many_nul_bytes_are_binary(tmp_path: Path) -> None:
    item = _only(_read(tmp_path, "nul.txt", (S + "\x00" * 40).encode() * 10))
    assert isinstance(item, Problem) and item.code == "E012"


# --- size and shape ---------------------------------------------------------------------------

def test_9mb_line_without_spaces_is_named(tmp_path: Path) -> None:
    started = time.perf_counter()
    item = _only(_read(tmp_path, "line.txt", b"x" * 9_000_000))
    assert isinstance(item, Problem) and item.code == "E013"
    assert time.perf_counter() - started < PER_ARTICLE_SECONDS


def test_200000_tiny_sentences_are_named(tmp_path: Path) -> None:
    item = _only(_read(tmp_path, "tiny.txt", b"Go. " * 200_000))
    assert isinstance(item, Problem) and item.code == "E013" and "split it" in item.message


def test_5000_word_sentence_is_parsed_in_bounded_sentences(pipeline) -> None:
    words = ["army", "rebels", "city", "talks", "minister", "envoy", "peace", "border",
             "troops", "leader"]
    text = " ".join(random.Random(5).choice(words) for _ in range(5000))
    article = Article(id="run-on", text=text)
    started = time.perf_counter()
    doc = pipeline.nlp(text)
    assert time.perf_counter() - started < PER_ARTICLE_SECONDS
    assert max(len(s) for s in doc.sents) <= MAX_STRETCH_TOKENS + 1
    assert _record(pipeline, article)["article"]["text"] == text


def test_thousands_of_unbalanced_quotation_marks(pipeline) -> None:
    marks = "“ ” « » „ ‘ ’ \" ' "
    text = "The minister said " + marks * 1000 + S + "“He agreed, ” said Lavrov. «"
    data = _record(pipeline, Article(id="quotes", text=text))
    assert data["article"]["text"] == text


def test_rtl_mixed_scripts_emoji_and_joiners(pipeline) -> None:
    text = ("قال الوزير إن المحادثات ستستمر. \u200d\u200c 👨\u200d👩\u200d👧 שלום \u202e"
            + S + "\u200b Президент Путин сказал 🇸🇾 that talks with Turkey would go on. " * 3)
    data = _record(pipeline, Article(id="scripts", text=text))
    assert data["article"]["text"] == text


def test_long_text_is_parsed_in_pieces_with_the_same_offsets(pipeline) -> None:
    text = "\n\n".join(f"Paragraph {i}. " + S * 4 for i in range(60))  # ~15,000 chars
    assert "".join(pieces(text)) == text and len(pieces(text)) > 1
    data = _record(pipeline, Article(id="long", text=text))
    assert data["article"]["text"] == text and data["places"]


# --- HTML -------------------------------------------------------------------------------------

def test_html_nested_50000_deep_with_scripts_iframes_and_handlers(tmp_path: Path) -> None:
    body = ("<script>alert('pwned')</script><iframe src='https://evil.example/'></iframe>"
            "<p onclick=\"steal()\" onmouseover='steal()'>" + S * 5 + "</p>")
    page = "<html><body>" + "<div>" * 50_000 + body + "</div>" * 50_000 + "</body></html>"
    started = time.perf_counter()
    item = _only(_read(tmp_path, "deep.html", page.encode()))
    assert time.perf_counter() - started < PER_ARTICLE_SECONDS
    assert isinstance(item, Article) and "Damascus on Monday" in item.text
    assert "alert" not in item.text and "steal" not in item.text and "evil" not in item.text


def test_unclosed_tags_are_linear(tmp_path: Path) -> None:
    started = time.perf_counter()
    for name, page in (("a.html", "<a " * 100_000), ("s.html", "<script " * 60_000 + S),
                       ("c.html", "<!--" * 100_000 + S)):
        items = _read(tmp_path, name, page.encode())
        assert all(isinstance(i, Article | Problem) for i in items)
    assert time.perf_counter() - started < PER_ARTICLE_SECONDS


def test_pages_with_many_elements_are_bounded(tmp_path: Path) -> None:
    """trafilatura took 39 s on 40,000 paragraphs; such pages take the linear path."""
    started = time.perf_counter()
    page = "<div><p>" + S + "</p></div>\n"
    (many,) = _read(tmp_path, "many.html", (page * 40_000).encode())
    (empty,) = _read(tmp_path, "empty.html", b"<p>" * 2_000_000)
    (some,) = _read(tmp_path, "some.html", (page * 3_000).encode())
    assert time.perf_counter() - started < PER_ARTICLE_SECONDS
    assert isinstance(many, Problem) and many.code == "E013"
    assert isinstance(empty, Problem) and empty.code == "W102"
    assert isinstance(some, Article) and "Damascus" in some.text


# --- archives ---------------------------------------------------------------------------------

def test_truncated_and_corrupt_warc_gz(tmp_path: Path) -> None:
    record = (b"WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: http://x.test/a\r\n"
              b"Content-Type: text/plain\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n")
    payload = (S * 4).encode()
    whole = gzip.compress(record % (len(payload), payload))
    for name, data in (("cut.warc.gz", whole[: len(whole) // 2]),
                       ("bad.warc.gz", whole[:10] + b"\xde\xad" * 50 + whole[110:]),
                       ("noise.warc.gz", random.Random(1).randbytes(3000))):
        items = _read(tmp_path, name, data)
        assert items and all(isinstance(i, Problem) for i in items), (name, items)
        assert {i.code for i in items} <= {"E018", "W102"} and str(tmp_path / name) in \
            items[0].origin


# --- JSONL ------------------------------------------------------------------------------------

def _jsonl(tmp_path: Path, *objects: object) -> list[Article | Problem]:
    lines = [o if isinstance(o, str) else json.dumps(o) for o in objects]
    return _read(tmp_path, "in.jsonl", ("\n".join(lines) + "\n").encode())


def test_jsonl_wrong_types(tmp_path: Path) -> None:
    items = _jsonl(tmp_path, {"id": 7, "text": S}, {"id": "l", "text": ["a", "b"]},
                   {"id": "n", "text": None}, {"id": "b", "text": S, "html": "<p>other</p>"},
                   {"id": {"x": 1}, "text": S, "title": 5, "published": [1]}, [1, 2], "null",
                   '"text"')
    first, listed, null, both, odd_id, *rest = items
    assert isinstance(first, Article) and first.id == "7"
    assert listed.code == null.code == "E016"
    assert isinstance(both, Article) and both.text == S and any("[W107]" in w
                                                                for w in both.warnings)
    assert isinstance(odd_id, Article) and odd_id.title == "5" and odd_id.published is None
    assert [p.code for p in rest] == ["E016", "E016", "E016"]


def test_jsonl_duplicate_ids_are_kept_and_warned(tmp_path: Path) -> None:
    a, b, c = _jsonl(tmp_path, {"id": "x", "text": S}, {"id": "y", "text": S},
                     {"id": "x", "text": S + "Again."})
    assert (a.id, b.id, c.id) == ("x", "y", "x")
    assert not a.warnings and any("[W106]" in w and "line 1" in w for w in c.warnings)


def test_jsonl_10mb_line_is_named_and_never_read_whole(tmp_path: Path) -> None:
    huge = json.dumps({"id": "big", "text": "word " * 2_100_000})  # 10.5 MB
    items = _jsonl(tmp_path, huge, {"id": "after", "text": S})
    assert [type(i).__name__ for i in items] == ["Problem", "Article"]
    assert items[0].code == "E013" and items[0].origin.endswith("in.jsonl:1")

    class Spy(io.BytesIO):
        biggest = 0

        def readline(self, size: int = -1) -> bytes:
            Spy.biggest = max(Spy.biggest, size)
            return super().readline(size)

    lines = list(bounded_lines(Spy((huge + "\n{}\n").encode()), 2_000_000))
    assert lines == [len(huge) + 1, b"{}\n"] and 0 < Spy.biggest <= 2_000_001


def test_stdin_jsonl_long_line_is_named_and_the_rest_read() -> None:
    data = (json.dumps({"id": "big", "text": "word " * 1000}) + "\n"
            + json.dumps({"id": "ok", "text": S}) + "\n").encode()
    proc = subprocess.run([CHRONICLER, "extract", "-", "--no-progress", "--max-bytes", "1000"],
                          input=data, capture_output=True, check=False, timeout=120)
    assert proc.returncode == 2 and b"Traceback" not in proc.stderr
    assert b"[E013] -:1: line of 5,026 bytes" in proc.stderr
    assert [json.loads(line)["article"]["id"] for line in proc.stdout.splitlines()] == ["ok"]


# --- file system ------------------------------------------------------------------------------

def test_directory_named_like_jsonl(tmp_path: Path) -> None:
    folder = tmp_path / "x.jsonl"
    folder.mkdir()
    (folder / "a.txt").write_text(S * 3, "utf-8")
    (tmp_path / "empty.jsonl").mkdir()
    items = list(read_inputs([str(folder), str(tmp_path / "empty.jsonl")]))
    assert isinstance(items[0], Article) and items[0].id == "a"
    assert isinstance(items[1], Problem) and items[1].code == "E014"


def test_symlink_loops_and_dangling_links_are_named(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a.txt").write_text(S * 3, "utf-8")
    (folder / "sub" / "back").symlink_to(folder)  # a folder inside itself
    (folder / "self").symlink_to(folder / "self")  # a link to itself
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    started = time.perf_counter()
    items = list(read_inputs([str(folder), str(folder / "self"), str(folder / "gone.txt")]))
    assert time.perf_counter() - started < 10
    articles = [i for i in items if isinstance(i, Article)]
    problems = {Path(p.origin).name: p for p in items if isinstance(p, Problem)}
    assert [a.id for a in articles] == ["sub/a"]
    assert "loop" in problems["back"].message and "loop" in problems["self"].message
    assert "dangling" in problems["gone.txt"].message and "nowhere.txt" in \
        problems["gone.txt"].message
    assert all(p.code == "E011" for p in problems.values())


def test_unreadable_file_is_named(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(S, "utf-8")
    if os.geteuid() != 0:
        path.chmod(0)
    else:  # root reads anything: make the read fail as it would for a user
        def denied(self: Path) -> bytes:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        monkeypatch.setattr(Path, "read_bytes", denied)
    (item,) = list(read_inputs([str(path)]))
    assert isinstance(item, Problem) and item.code == "E011" and "Permission denied" in \
        item.message


def test_unreadable_subfolder_is_named(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "in" / "locked").mkdir(parents=True)
    (tmp_path / "in" / "a.txt").write_text(S, "utf-8")
    real_scandir = os.scandir

    def scandir(path):  # type: ignore[no-untyped-def]
        if str(path).endswith("locked"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)  # root reads anything: fail as for a user
    items = list(read_inputs([str(tmp_path / "in")]))
    assert [type(i).__name__ for i in items] == ["Article", "Problem"]
    assert items[1].code == "E011" and "locked" in items[1].origin
    assert "Permission denied" in items[1].message


def test_fifo_with_a_writer_is_read(tmp_path: Path) -> None:
    import threading

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    writer = os.open(fifo, os.O_RDWR)  # a writer that is there before the reader
    os.write(writer, (S * 3).encode())
    threading.Timer(0.5, os.close, [writer]).start()  # then it finishes: end of file
    (item,) = list(read_inputs([str(fifo)]))
    assert isinstance(item, Article) and item.text == (S * 3).strip()


# --- the whole command, bounded in memory -----------------------------------------------------

def test_cli_on_a_hostile_folder_is_bounded_and_named(tmp_path: Path) -> None:
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "noise.txt").write_bytes(random.Random(2).randbytes(5000))
    (folder / "quotes.txt").write_text("“ ” « » „ ‘ ’ \" ' " * 1500 + S, "utf-8")
    (folder / "deep.html").write_text("<div>" * 50_000 + S + "</div>" * 50_000, "utf-8")
    (folder / "nul.txt").write_bytes((S * 3).encode() + b"\x00" + (S * 3).encode())
    child = ("import sys\nfrom chronicler.cli import main\n"
             f"rc = main(['extract', {str(folder)!r}, '--no-progress', '--processes', '1'])\n"
             "peak = [l for l in open('/proc/self/status') if l.startswith('VmHWM')]\n"
             "sys.stderr.write(f'RSS {peak[0].split()[1]}\\n')\n"
             "sys.exit(rc)\n")
    proc = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True,
                          timeout=240, check=False)
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["article"]["id"] for r in records] == ["deep", "nul", "quotes"]
    assert "[E012]" in proc.stderr and "noise.txt" in proc.stderr and "[W104]" in proc.stderr
    assert int(proc.stderr.rsplit("RSS ", 1)[1]) / 1024 < 1536


# --- a stage that fails on one article --------------------------------------------------------

def test_a_stage_failing_on_one_article_keeps_the_batch(pipeline, monkeypatch, capsys,
                                                        tmp_path: Path) -> None:
    from chronicler.cli.extract import _write

    real = pipeline.stages.events.code

    def code(doc, *args, **kwargs):  # type: ignore[no-untyped-def]
        if "BOOM" in doc.text:
            raise RuntimeError("an unforeseen article")
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(pipeline.stages.events, "code", code)
    articles = [Article(id=f"a{n}", text=S + ("BOOM" if n == 1 else ""), origin=f"in:{n}")
                for n in range(3)]
    problems: list[Problem] = []
    out = io.StringIO()
    assert _write(pipeline.run(articles), out, pretty=False, progress=False,
                  problems=problems) == 3
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["article"]["id"] for r in records] == ["a0", "a1", "a2"]
    assert records[0]["events"] and not records[1]["events"] and records[2]["events"]
    assert [(p.origin, p.code) for p in problems] == [("in:1", "E022")]
    assert "[E022] in:1" in capsys.readouterr().err
