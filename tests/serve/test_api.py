"""In-process API tests over a small store the test writes by hand (no model needed)."""

from __future__ import annotations

import io
import subprocess
import sys
import textwrap

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient

from chronicler.serve import create_app
from chronicler.store.db import connect

EVENT = ("INSERT INTO events (article_key, event_id, type, mode, source_name, source_actor, "
         "source_country, target_name, target_actor, target_country, location_name, lat, lon, "
         "location_country, modality, confidence, evidence_start, evidence_end, evidence_text, "
         "date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
TEXT = "France met Germany in Paris. Russian forces shelled Kharkiv. Germany did not accuse."
TITLE = "<script>alert(1)</script>"


def make_store(db):
    con = connect(db)
    con.execute("INSERT INTO articles (article_key, id, title, published, text, producer) "
                "VALUES ('k1', 'a1', ?, '2024-01-02', ?, 'p'), "
                "('k2', 'a2', 'second', '2024-03-05', 'Other text.', 'p')", [TITLE, TEXT])
    rows = [
        ["k1", "e1", "CONSULT", None, "France", "FRA", "FRA", "Germany", "DEU", "DEU", "Paris",
         48.85, 2.35, "FRA", "asserted", 0.9, 0, 27, "France met Germany in Paris", "2024-01-02"],
        ["k1", "e2", "ASSAULT", "heavy-weapons", "Russian forces", "RUS-MIL", "RUS", None, None,
         None, "Kharkiv", 49.99, 36.23, "UKR", "asserted", 0.7, 29, 59,
         "Russian forces shelled Kharkiv", "2024-01-02"],
        ["k1", "e3", "ACCUSE", None, "Germany", "DEU", "DEU", None, None, None, None, None, None,
         None, "negated", 0.4, 61, 84, "Germany did not accuse.", "2024-01-02"],
        ["k2", "e1", "CONSULT", None, "France", "FRA", "FRA", "Germany", "DEU", "DEU", None,
         None, None, None, "reported", 0.6, 0, 5, "Other", "2024-03-05"],
    ]
    for row in rows:
        con.execute(EVENT, row)
    con.execute("INSERT INTO quotes VALUES ('k1', 1, 'direct', 'We talked', 0, 9, 'said', "
                "'Emmanuel Macron', 'he', 'emmanuel-macron', 'FRA', 'GOV'), "
                "('k2', 1, 'indirect', 'the talks failed', 0, 5, 'said', 'Olaf Scholz', "
                "'Scholz', 'olaf-scholz', 'DEU', 'GOV')")
    con.execute("INSERT INTO actors VALUES ('k1', 'FRA', 'France', 'FRA', NULL, NULL, 1), "
                "('k1', 'DEU', 'Germany', 'DEU', NULL, NULL, 2)")
    con.execute("INSERT INTO mentions VALUES ('k1', 'FRA', 0, 6, 'France'), "
                "('k1', 'DEU', 11, 18, 'Germany')")
    con.execute("INSERT INTO places VALUES ('k1', 1, 'Paris', 48.85, 2.35, 'FRA', 'Île-de-France',"
                " 'PPLC', 2988507, 1, TRUE), ('k2', 1, 'Paris', 48.85, 2.35, 'FRA', "
                "'Île-de-France', 'PPLC', 2988507, 2, TRUE)")
    con.execute("INSERT INTO place_mentions VALUES ('k1', 1, 22, 27, 'Paris', 'literal')")
    con.execute("INSERT INTO story_events VALUES ('s-1', 'k1', 'e1'), ('s-1', 'k2', 'e1')")
    con.execute("INSERT INTO stories (story_id, type, n_articles, n_events) "
                "VALUES ('s-1', 'CONSULT', 2, 2)")
    con.close()


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("serve") / "s.duckdb"
    make_store(path)
    return path


@pytest.fixture(scope="module")
def client(db):
    return TestClient(create_app(db), raise_server_exceptions=False)


def total(client, **params):
    resp = client.get("/api/events", params=params)
    assert resp.status_code == 200, resp.text
    return resp.json()["total"]


def test_events_counted_modalities_by_default(client):
    body = client.get("/api/events").json()
    assert body["total"] == 3 and {e["modality"] for e in body["events"]} == {"asserted",
                                                                            "reported"}
    first = body["events"][0]
    assert first["article_id"] == "a1" and first["article_title"] == TITLE
    assert first["story"] == "s-1" and first["evidence_text"] == "France met Germany in Paris"


@pytest.mark.parametrize("params, expected", [
    ({"type": "CONSULT"}, 2), ({"type": "ACCUSE"}, 0), ({"modality": "negated"}, 1),
    ({"mode": "heavy-weapons"}, 1), ({"country": "deu"}, 2), ({"country": "UKR"}, 1),
    ({"actor": "RUS-MIL"}, 1), ({"actor": "Germany"}, 2), ({"place": "paris"}, 1),
    ({"q": "SHELLED"}, 1), ({"q": "100%"}, 0), ({"from": "2024-03-01"}, 1),
    ({"to": "2024-01-02"}, 2), ({"min_confidence": 0.65}, 2), ({"story": "s-1"}, 2),
    ({"type": "CONSULT", "from": "2024-02-01", "country": "FRA"}, 1),
])
def test_event_filters(client, params, expected):
    assert total(client, **params) == expected


def test_paging_and_sort(client):
    page = client.get("/api/events", params={"limit": 1, "offset": 1}).json()
    assert page["total"] == 3 and len(page["events"]) == 1
    ranked = client.get("/api/events", params={"sort": "-confidence"}).json()["events"]
    assert [e["confidence"] for e in ranked] == [0.9, 0.7, 0.6]
    by_type = client.get("/api/events", params={"sort": "type"}).json()["events"]
    assert [e["type"] for e in by_type] == ["ASSAULT", "CONSULT", "CONSULT"]


@pytest.mark.parametrize("path, params, name", [
    ("/api/events", {"limit": 5000}, "limit"), ("/api/events", {"limit": 0}, "limit"),
    ("/api/events", {"offset": -1}, "offset"), ("/api/events", {"type": "BOMB"}, "type"),
    ("/api/events", {"modality": "maybe"}, "modality"), ("/api/events", {"from": "yesterday"},
                                                         "from"),
    ("/api/events", {"min_confidence": 2}, "min_confidence"),
    ("/api/events", {"sort": "evidence_text; DROP TABLE events"}, "sort"),
    ("/api/events", {"country": "FRANCE"}, "country"),
    ("/api/timeline", {"interval": "decade"}, "interval"), ("/api/map", {"zoom": 40}, "zoom"),
    ("/api/quotes", {"kind": "rumour"}, "kind"), ("/api/network", {"limit": 10_000}, "limit"),
])
def test_bad_parameters_are_422_naming_the_parameter(client, path, params, name):
    resp = client.get(path, params=params)
    assert resp.status_code == 422
    assert resp.json()["detail"].startswith(name + ":"), resp.json()
    assert "Traceback" not in resp.text


def test_sql_in_parameters_is_data(client):
    assert total(client, q="' OR 1=1 --") == 0
    assert total(client, actor="x' OR '1'='1") == 0
    assert client.get("/api/quotes", params={"speaker": "%' --"}).json()["total"] == 0


def test_article_whole_record_and_404(client):
    body = client.get("/api/articles/a1").json()
    assert body["title"] == TITLE and body["text"] == TEXT
    assert [e["event_id"] for e in body["events"]] == ["e1", "e2", "e3"]  # every modality
    for e in body["events"]:
        assert TEXT[e["evidence_start"]:e["evidence_end"]] == e["evidence_text"]
    assert body["quotes"][0]["speaker_name"] == "Emmanuel Macron"
    assert {a["name"]: [m["text"] for m in a["mentions"]] for a in body["actors"]} == {
        "Germany": ["Germany"], "France": ["France"]}
    assert body["places"][0]["mentions"] == [
        {"place_no": 1, "start": 22, "end": 27, "text": "Paris", "use": "literal"}]
    assert client.get("/api/articles/k1").json()["id"] == "a1"
    resp = client.get("/api/articles/nope")
    assert resp.status_code == 404 and "nope" in resp.json()["detail"]


def test_stats(client):
    stats = client.get("/api/stats").json()
    assert (stats["articles"], stats["events"], stats["events_all_modalities"],
            stats["quotes"], stats["actors"], stats["places"]) == (2, 3, 4, 2, 2, 1)
    assert stats["writable"] is False and stats["events_by_type"] == {"CONSULT": 2,
                                                                      "ASSAULT": 1}


def test_timeline(client):
    counts = client.get("/api/timeline", params={"interval": "month"}).json()["counts"]
    assert counts == [{"date": "2024-01-01", "type": "ASSAULT", "count": 1},
                      {"date": "2024-01-01", "type": "CONSULT", "count": 1},
                      {"date": "2024-03-01", "type": "CONSULT", "count": 1}]
    assert client.get("/api/timeline", params={"type": "ASSAULT"}).json()["counts"] == [
        {"date": "2024-01-02", "type": "ASSAULT", "count": 1}]


def test_map_cells_cluster_by_zoom(client):
    cells = client.get("/api/map", params={"zoom": 6}).json()["cells"]
    assert sorted(c["name"] for c in cells) == ["Kharkiv", "Paris"]
    world = client.get("/api/map", params={"zoom": 0}).json()["cells"]
    assert sum(c["count"] for c in world) == 2
    assert client.get("/api/map", params={"type": "CONSULT"}).json()["cells"][0]["types"] == {
        "CONSULT": 1}


def test_network_edges_by_quad(client):
    net = client.get("/api/network").json()
    assert net["edges"] == [{"source": "FRA", "target": "DEU", "events": 2,
                             "by_quad": {"verbal_coop": 2, "material_coop": 0,
                                         "verbal_conflict": 0, "material_conflict": 0}}]
    assert {n["id"] for n in net["nodes"]} == {"FRA", "DEU"}


def test_quotes_filters(client):
    assert client.get("/api/quotes").json()["total"] == 2
    assert client.get("/api/quotes", params={"speaker": "macron"}).json()["total"] == 1
    assert client.get("/api/quotes", params={"country": "DEU"}).json()["total"] == 1
    assert client.get("/api/quotes", params={"q": "talks"}).json()["total"] == 1
    quotes = client.get("/api/quotes", params={"kind": "direct"}).json()["quotes"]
    assert [q["article_id"] for q in quotes] == ["a1"]


def test_actors_and_one_actor(client):
    actors = client.get("/api/actors").json()["actors"]
    assert actors[0] == {"actor": "DEU", "name": "Germany", "country": "DEU", "sector": None,
                         "events": 2, "as_source": 0, "as_target": 2}
    assert [a["actor"] for a in client.get("/api/actors", params={"name": "russ"}).json()[
        "actors"]] == ["RUS-MIL"]
    one = client.get("/api/actors/FRA").json()
    assert one["actor"]["events"] == 2 and len(one["events"]) == 2
    speaker = client.get("/api/actors/emmanuel-macron").json()
    assert speaker["quotes_total"] == 1 and speaker["events"] == []
    assert client.get("/api/actors/nobody").status_code == 404


def test_places(client):
    places = client.get("/api/places").json()["places"]
    assert places == [{"name": "Paris", "country": "FRA", "admin1": "Île-de-France",
                       "feature": "PPLC", "geonameid": 2988507, "lat": 48.85, "lon": 2.35,
                       "articles": 2, "mentions": 3}]
    assert client.get("/api/places", params={"country": "USA"}).json()["places"] == []


def test_csv_and_parquet_exports(client):
    import pandas as pd

    csv = client.get("/api/events.csv", params={"type": "CONSULT"})
    assert csv.headers["content-type"].startswith("text/csv")
    frame = pd.read_csv(io.StringIO(csv.text))
    assert list(frame["article_id"]) == ["a1", "a2"] and "evidence_text" in frame.columns
    parquet = client.get("/api/events.parquet", params={"modality": "negated"})
    assert parquet.status_code == 200
    frame = pd.read_parquet(io.BytesIO(parquet.content))
    assert list(frame["type"]) == ["ACCUSE"]


def test_openapi_documents_every_route_and_docs_page_is_local(client):
    paths = client.get("/openapi.json").json()["paths"]
    for route in ("/api/stats", "/api/events", "/api/events.csv", "/api/events.parquet",
                  "/api/timeline", "/api/map", "/api/network", "/api/quotes", "/api/actors",
                  "/api/actors/{key}", "/api/places", "/api/articles/{key}"):
        assert route in paths
    assert "/api/articles" not in paths or "post" not in paths["/api/articles"]
    docs = client.get("/docs").text
    assert "cdn" not in docs.lower() and "/static/docs.js" in docs


def test_dashboard_page_headers_and_static_files(client):
    page = client.get("/")
    assert page.status_code == 200
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert page.headers["x-content-type-options"] == "nosniff"
    assert "<script>" not in page.text and "http" not in page.text.replace("http-equiv", "")
    assert client.get("/static/app.js").status_code == 200
    assert client.get("/static/vendor/leaflet/leaflet.js").status_code == 200
    assert client.get("/static/%2e%2e/app.py").status_code == 404


def test_no_post_without_token(client):
    resp = client.post("/api/articles", json={"text": "x"})
    assert resp.status_code in (404, 405)


def test_busy_store_is_503_while_another_process_writes(db, tmp_path):
    busy = tmp_path / "busy.duckdb"
    make_store(busy)
    app = TestClient(create_app(busy), raise_server_exceptions=False)
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import duckdb, sys, time
        con = duckdb.connect({str(busy)!r})
        print("locked", flush=True)
        sys.stdin.readline()
    """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        resp = app.get("/api/events")
        assert resp.status_code == 503 and "busy" in resp.json()["detail"]
        assert resp.headers["retry-after"]
    finally:
        holder.communicate("\n", timeout=30)
    assert app.get("/api/events").status_code == 200  # works again once the writer is gone
