"""`chronicler actors update | lookup`: installed overrides are loaded by every run."""

from __future__ import annotations

from chronicler.actors.kb import load_kb
from chronicler.actors.maintain import explain
from chronicler.cli import main

CABINET = ("type,name,aliases,country,sector,role,valid_from,valid_to\n"
           "person,Tama Rewiti,Rewiti,NZL,GOV,Foreign Minister,2026-02-01,\n"
           "person,Tama Rewiti,Rewiti,NZL,LEG,Member of Parliament,2020-01-01,2026-01-31\n")


def test_update_installs_and_every_kb_loads_it(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CHRONICLER_ACTORS_DIR", str(tmp_path / "over"))
    source = tmp_path / "cabinet.csv"
    source.write_text(CABINET, "utf-8")
    assert load_kb().person("Tama Rewiti", "2026-03-01") is None
    assert main(["actors", "update", str(source)]) == 0
    assert (tmp_path / "over" / "cabinet.csv").is_file()
    kb = load_kb()
    assert kb.person("Rewiti", "2026-03-01").role == "Foreign Minister"
    assert kb.person("Rewiti", "2024-05-01").role == "Member of Parliament"


def test_update_rejects_a_bad_file_and_installs_nothing(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CHRONICLER_ACTORS_DIR", str(tmp_path / "over"))
    bad = tmp_path / "bad.csv"
    bad.write_text("type,name\nperson,\n", "utf-8")
    assert main(["actors", "update", str(bad)]) == 1
    assert "bad.csv" in capsys.readouterr().err
    assert not (tmp_path / "over" / "bad.csv").exists()


def test_lookup_tells_the_role_on_the_date(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CHRONICLER_ACTORS_DIR", str(tmp_path / "none"))
    source = tmp_path / "cabinet.csv"
    source.write_text(CABINET, "utf-8")
    assert main(["actors", "lookup", "Rewiti", "--date", "2024-05-01",
                 "--actors", str(source)]) == 0
    out = capsys.readouterr().out
    assert "surname 'rewiti'" not in out  # an alias, found directly
    assert "* Tama Rewiti [tama-rewiti] Member of Parliament" in out
    assert "on 2024-05-01: Member of Parliament" in out


def test_lookup_explains_unknown_names_and_titles(monkeypatch, tmp_path):
    monkeypatch.setenv("CHRONICLER_ACTORS_DIR", str(tmp_path))
    kb = load_kb()
    assert "not in the knowledge base" in explain(kb, "Zzyzx Qwerty")[0]
    assert any(line.startswith("title:") for line in explain(kb, "the foreign minister"))
    assert main(["actors", "lookup", "Obama", "--date", "soon"]) == 1
