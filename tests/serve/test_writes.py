"""POST /api/articles: only with a token, Bearer-authenticated, size-limited; codes and stores."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient

from chronicler.cli.serve_cmd import read_token
from chronicler.errors import UsageError
from chronicler.serve import create_app

TOKEN = "s3cret-token-0123456789"
ARTICLE = {"id": "posted-1", "title": "Talks in Geneva", "published": "2024-05-02",
           "text": "Russian Foreign Minister Sergei Lavrov met Turkish Foreign Minister "
                   "Mevlut Cavusoglu in Geneva on Thursday. \"We agreed on a ceasefire,\" "
                   "Lavrov said."}


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = tmp_path_factory.mktemp("writes") / "w.duckdb"
    return TestClient(create_app(db, token=TOKEN, max_post_bytes=20_000),
                      raise_server_exceptions=False)


def auth(token=TOKEN):
    return {"Authorization": f"Bearer {token}"}


@pytest.mark.parametrize("headers", [{}, auth("wrong-token-0123456789"), {"Authorization": TOKEN},
                                     {"Authorization": f"Basic {TOKEN}"}])
def test_writes_need_the_bearer_token(client, headers):
    resp = client.post("/api/articles", json=ARTICLE, headers=headers)
    assert resp.status_code == 401 and "Bearer" in resp.json()["detail"]
    assert client.get("/api/stats").json()["articles"] == 0


def test_size_limit_and_bad_bodies(client):
    big = dict(ARTICLE, text="word " * 10_000)
    resp = client.post("/api/articles", json=big, headers=auth())
    assert resp.status_code == 413 and "20,000" in resp.json()["detail"]
    resp = client.post("/api/articles", content=b"{not json", headers=auth())
    assert resp.status_code == 422 and "[E015]" in resp.json()["detail"]
    resp = client.post("/api/articles", json={"id": "x", "text": ["a list"]}, headers=auth())
    assert resp.status_code == 422 and "'text' or 'html'" in resp.json()["detail"]
    resp = client.post("/api/articles", content=b"", headers=auth())
    assert resp.status_code == 422


def test_post_codes_and_stores_then_reads_see_it(client):
    resp = client.post("/api/articles", json=ARTICLE, headers=auth())
    assert resp.status_code == 201, resp.text
    body = resp.json()
    assert body["stored"] and body["id"] == "posted-1" and body["events"] >= 1
    record = client.get("/api/articles/posted-1").json()
    assert record["text"] == ARTICLE["text"] and record["title"] == "Talks in Geneva"
    assert any(q["speaker_name"] and "Lavrov" in q["speaker_name"] for q in record["quotes"])
    assert client.get("/api/stats").json()["writable"] is True
    assert client.get("/api/events").json()["total"] >= 1
    again = client.post("/api/articles", json=ARTICLE, headers=auth())
    assert again.status_code == 200 and again.json()["stored"] is False


def test_token_file_rules(tmp_path):
    good = tmp_path / "token"
    good.write_text(TOKEN + "\n")
    assert read_token(str(good)) == TOKEN
    short = tmp_path / "short"
    short.write_text("abc")
    with pytest.raises(UsageError, match="at least 16"):
        read_token(str(short))
    with pytest.raises(UsageError, match="cannot read the token file"):
        read_token(str(tmp_path / "absent"))
