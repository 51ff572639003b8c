"""In-process API tests over a small store the test writes."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient

from chronicler.serve import create_app
from chronicler.store.db import connect

EVENT = ("INSERT INTO events (article_key, event_id, type, source_country, target_country, "
         "modality, evidence_text, date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")


@pytest.fixture()
def client(tmp_path):
    db = tmp_path / "s.duckdb"
    con = connect(db)
    con.execute("INSERT INTO articles (article_key, id, title, text, producer) VALUES "
                "('k1', 'a1', '<script>alert(1)</script>', 'France met Germany.', 'p')")
    con.execute(EVENT, ["k1", "e1", "CONSULT", "FRA", "DEU", "asserted", "France met Germany",
                        "2024-01-02"])
    con.execute(EVENT, ["k1", "e2", "ACCUSE", "DEU", None, "negated", "did not accuse",
                        "2024-01-03"])
    con.close()
    return TestClient(create_app(db))


def test_events_filters_and_counted_modalities(client):
    body = client.get("/api/events").json()
    assert body["total"] == 1 and body["events"][0]["type"] == "CONSULT"
    assert client.get("/api/events", params={"country": "DEU"}).json()["total"] == 1
    assert client.get("/api/events", params={"type": "ACCUSE"}).json()["total"] == 0
    assert client.get("/api/events", params={"modality": "negated"}).json()["total"] == 1
    assert client.get("/api/events", params={"q": "germany"}).json()["total"] == 1


def test_bad_limit_is_422_naming_it(client):
    resp = client.get("/api/events", params={"limit": 5000})
    assert resp.status_code == 422 and "limit" in resp.text


def test_article_and_404(client):
    body = client.get("/api/articles/a1").json()
    assert body["title"] == "<script>alert(1)</script>" and [e["modality"] for e in body["events"]] == ["asserted", "negated"]
    resp = client.get("/api/articles/nope")
    assert resp.status_code == 404 and "nope" in resp.json()["detail"]


def test_stats_and_openapi(client):
    assert client.get("/api/stats").json()["events"] == 1
    assert "/api/events" in client.get("/openapi.json").json()["paths"]


def test_dates_confidence_timeline_csv(client):
    assert client.get("/api/events", params={"from": "2024-01-03"}).json()["total"] == 0
    assert client.get("/api/events", params={"to": "2024-01-02"}).json()["total"] == 1
    resp = client.get("/api/events", params={"from": "yesterday"})
    assert resp.status_code == 422 and "from" in resp.text
    assert client.get("/api/events", params={"min_confidence": 2}).status_code == 422
    counts = client.get("/api/timeline", params={"interval": "month"}).json()["counts"]
    assert counts == [{"date": "2024-01-01", "type": "CONSULT", "count": 1}]
    assert client.get("/api/timeline", params={"interval": "year"}).status_code == 422
    csv = client.get("/api/events.csv").text.splitlines()
    assert len(csv) == 2 and "evidence_text" in csv[0] and "France met Germany" in csv[1]
