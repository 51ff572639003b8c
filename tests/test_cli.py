"""The command line: records on stdout only, problems named on stderr, documented exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from chronicler import __version__
from chronicler.cli import main
from chronicler.schema import validate_record

BODY = ("Turkish Foreign Minister Mevlut Cavusoglu met his Russian counterpart Sergei Lavrov "
        "in Ankara on Tuesday. Lavrov said the two sides had agreed to continue the talks.")


def test_version(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_no_command_is_a_usage_error(capsys):
    assert main([]) == 1
    assert "extract" in capsys.readouterr().err


def test_extract_jsonl_writes_valid_records_and_exit_2_on_bad_line(tmp_path: Path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "x1", "text": BODY}) + "\n{oops\n", encoding="utf-8")
    assert main(["extract", str(src), "--no-progress"]) == 2
    out, err = capsys.readouterr()
    (line,) = out.strip().splitlines()
    record = json.loads(line)
    validate_record(record)
    assert record["article"]["id"] == "x1" and record["article"]["text"] == BODY
    assert f"{src}:2" in err and "E015" in err


def test_extract_to_file_and_pretty(tmp_path: Path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "x1", "text": BODY}) + "\n", encoding="utf-8")
    dest = tmp_path / "out.json"
    assert main(["extract", str(src), "--pretty", "--output", str(dest), "--no-progress"]) == 0
    assert capsys.readouterr().out == ""
    assert json.loads(dest.read_text())["article"]["id"] == "x1"


def test_stdin_and_clean_stdout(tmp_path: Path):
    """A real process: nothing but JSON on stdout, even from libraries that print."""
    exe = Path(sys.executable).with_name("chronicler")
    proc = subprocess.run([str(exe), "extract", "-", "--no-progress"], input=BODY.encode(),
                          capture_output=True, check=False)
    assert proc.returncode == 0, proc.stderr.decode()
    (line,) = proc.stdout.decode().splitlines()
    assert json.loads(line)["article"]["id"].startswith("stdin-")


def test_bad_max_bytes_is_a_usage_error(tmp_path: Path, capsys):
    assert main(["extract", str(tmp_path), "--max-bytes", "0"]) == 1
    assert "--max-bytes" in capsys.readouterr().err


def test_reference_date_dates_relative_expressions(tmp_path: Path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "d1", "text": "Russian President Vladimir Putin met Syrian "
                               "President Bashar al-Assad in Sochi on Wednesday."}) + "\n",
                   encoding="utf-8")
    assert main(["extract", str(src), "--no-progress", "--reference-date", "2018-05-24"]) == 0
    (event,) = [e for e in json.loads(capsys.readouterr().out)["events"] if e["type"] == "CONSULT"]
    assert (event["date"], event["date_text"]) == ("2018-05-23", "Wednesday")
    assert event["location"]["name"] == "Sochi"
    assert main(["extract", str(src), "--reference-date", "someday"]) == 1


def test_unknown_option_is_a_usage_error_exit_1(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["extract", "--no-such-option", "x.txt"])
    assert exc.value.code == 1


def test_over_long_article_is_skipped_and_named(tmp_path: Path, capsys):
    from chronicler.nlp.model import MAX_CHARS

    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "huge", "text": "word " * (MAX_CHARS // 5 + 10)}) + "\n"
                   + json.dumps({"id": "ok", "text": BODY}) + "\n", encoding="utf-8")
    assert main(["extract", str(src), "--no-progress"]) == 2
    out, err = capsys.readouterr()
    assert [json.loads(line)["article"]["id"] for line in out.splitlines()] == ["ok"]
    assert f"{src}:1" in err and "E013" in err


def test_closed_stdin_is_named_not_a_traceback():
    exe = Path(sys.executable).with_name("chronicler")
    proc = subprocess.run(f"'{exe}' extract - --no-progress <&-", shell=True,
                          capture_output=True, check=False)
    assert proc.returncode == 2 and b"Traceback" not in proc.stderr
    assert b"[E011] -: stdin is closed" in proc.stderr and proc.stdout == b""
