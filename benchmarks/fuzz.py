"""Coverage-guided fuzzing (atheris, libFuzzer) of the readers and the plain-text cleaner.

    .venv/bin/python benchmarks/fuzz.py --seconds 600            every target, 600 s in all
    .venv/bin/python benchmarks/fuzz.py --seconds 60 --target jsonl

Each target runs in its own process for its share of the time and prints how many inputs it
executed. A target fails when chronicler raises, or returns something that is neither an
Article nor a coded Problem, or an article whose text is empty. The input that did it is kept
under tests/fixtures/fuzz/ (``<target>-crash-<sha1>``), where tests/test_fuzz_regressions.py
replays every file through the same target, so a crash once found stays fixed.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "fuzz"
TARGETS = ("text", "html", "jsonl", "warc", "cleaner")
_CODE = re.compile(r"^[EW]\d{3}$")
_TMP = Path(tempfile.mkdtemp(prefix="chronicler-fuzz-"))


def _check(items: list) -> None:  # type: ignore[type-arg]
    from chronicler.errors import Problem
    from chronicler.types import Article

    for item in items:
        if isinstance(item, Problem):
            assert _CODE.match(item.code) and item.message, item
        else:
            assert isinstance(item, Article), type(item)
            assert isinstance(item.text, str) and item.text.strip(), item
            assert "\x00" not in item.text


def _read_file(data: bytes, name: str) -> None:
    from chronicler.ingest import IngestConfig, read_inputs

    path = _TMP / name
    path.write_bytes(data)
    _check(list(read_inputs([str(path)], config=IngestConfig(detect_language=False))))


def fuzz_text(data: bytes) -> None:
    _read_file(data, "input.txt")


def fuzz_html(data: bytes) -> None:
    _read_file(data, "input.html")


def fuzz_jsonl(data: bytes) -> None:
    from chronicler.ingest import IngestConfig
    from chronicler.ingest.readers import bounded_lines, read_jsonl_lines

    config = IngestConfig(max_bytes=4096, detect_language=False)
    _check(list(read_jsonl_lines(bounded_lines(io.BytesIO(data), config.max_bytes),
                                 origin="fuzz", stem="fuzz", config=config)))


def fuzz_warc(data: bytes) -> None:
    # Half the inputs are gzip members, so the .warc.gz path is exercised too.
    _read_file(data, "input.warc.gz" if data[:2] == b"\x1f\x8b" else "input.warc")


def fuzz_cleaner(data: bytes) -> None:
    from chronicler.ingest.plaintext import clean_plaintext

    text = data.decode("utf-8", errors="replace")
    cleaned = clean_plaintext(text)
    assert isinstance(cleaned.text, str)
    assert all(line.strip() for line in cleaned.text.split("\n\n")) or not cleaned.text.strip()


FUNCTIONS = {"text": fuzz_text, "html": fuzz_html, "jsonl": fuzz_jsonl, "warc": fuzz_warc,
             "cleaner": fuzz_cleaner}

SEEDS = {
    "text": [b"Talks in Berlin\n\nThe ministers met in Berlin on Monday.\n", b"\xff\xfeT\x00"],
    "html": [b"<html><head><title>A | B</title></head><body><p>The envoy met.</p></body></html>"],
    "jsonl": [b'{"id": "a", "text": "The envoy met.", "published": "2019-01-02"}\n',
              b'{"id": 1, "html": "<p>x</p>"}\n[1]\n{"text": null}\n'],
    "warc": [(b"WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: http://x.test/\r\n"
             b"Content-Type: text/plain\r\nContent-Length: 14\r\n\r\nThe envoy met.\r\n\r\n")],
    "cleaner": [b"Leave a Reply\nThe envoy met the minister.\nShare this:\n"],
}


def run_target(name: str, seconds: int) -> None:
    """In this process: instrument chronicler, then fuzz ``name`` for ``seconds``."""
    import atheris

    with atheris.instrument_imports(include=["chronicler"]):
        import chronicler.ingest.html
        import chronicler.ingest.plaintext
        import chronicler.ingest.readers
        import chronicler.ingest.warc  # noqa: F401
    corpus = _TMP / f"corpus-{name}"
    corpus.mkdir(exist_ok=True)
    for n, seed in enumerate(SEEDS[name]):
        (corpus / f"seed-{n}").write_bytes(seed)
    FIXTURES.mkdir(parents=True, exist_ok=True)
    target = FUNCTIONS[name]
    atheris.Setup([sys.argv[0], f"-max_total_time={seconds}", "-max_len=65536", "-timeout=30",
                   "-rss_limit_mb=1536", f"-artifact_prefix={FIXTURES}/{name}-",
                   "-print_final_stats=1", str(corpus)], target)
    atheris.Fuzz()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=60, help="time for all targets together")
    parser.add_argument("--target", choices=TARGETS, action="append",
                        help="fuzz only this target (repeatable); default all")
    parser.add_argument("--child", choices=TARGETS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_target(args.child, args.seconds)
        return 0
    targets = args.target or list(TARGETS)
    share = max(1, args.seconds // len(targets))
    failed = False
    print(f"{'target':<8} {'seconds':>7} {'inputs':>10}  result")
    for name in targets:
        started = time.monotonic()
        proc = subprocess.run([sys.executable, __file__, "--child", name, "--seconds",
                               str(share)], capture_output=True, text=True, check=False,
                              env={**os.environ, "PYTHONHASHSEED": "0"})
        runs = re.findall(r"stat::number_of_executed_units:\s*(\d+)", proc.stderr) or \
            re.findall(r"Done (\d+) runs", proc.stderr)
        crashed = proc.returncode != 0
        failed |= crashed
        result = "clean" if not crashed else f"FAILED (exit {proc.returncode})"
        print(f"{name:<8} {time.monotonic() - started:7.0f} {runs[-1] if runs else '?':>10}  "
              f"{result}", flush=True)
        if crashed:
            tail = "\n".join(proc.stderr.splitlines()[-40:])
            print(tail, file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
