"""Latency of `chronicler serve` on a store of a million synthetic events, and the dashboard's
first paint in headless Chromium on the demo store.

    .venv/bin/python benchmarks/serve.py [--events 1000000] [--clients 1 20] [--keep DIR]

Builds the synthetic store with DuckDB SQL (deterministic: every value is a hash of the row
number), starts the real server (`chronicler serve`, one uvicorn process) on 127.0.0.1, and
times /api/events with filters and /api/timeline from 1 and from 20 concurrent clients
(p50/p95 over every request), with the server's answer cache and without it. Then it builds the demo store (the shipped samples), opens the
dashboard in Chromium and reports first contentful paint and the time until the events table,
map and timeline are drawn (median of 5 loads), on the demo store and on the synthetic one. Goal (issue #12): p95 <= 300 ms at 20 clients; first paint < 2 s.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
CLI = str(Path(sys.executable).with_name("chronicler"))
TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
# Capitals (country, name, lat, lon): facts, for plausible located events.
CAPITALS = [("SYR", "Damascus", 33.51, 36.29), ("RUS", "Moscow", 55.75, 37.62),
            ("TUR", "Ankara", 39.93, 32.86), ("IRN", "Tehran", 35.69, 51.39),
            ("USA", "Washington", 38.90, -77.04), ("UKR", "Kyiv", 50.45, 30.52),
            ("ISR", "Jerusalem", 31.77, 35.21), ("IRQ", "Baghdad", 33.34, 44.40),
            ("EGY", "Cairo", 30.04, 31.24), ("FRA", "Paris", 48.86, 2.35),
            ("DEU", "Berlin", 52.52, 13.40), ("GBR", "London", 51.51, -0.13),
            ("CHN", "Beijing", 39.90, 116.40), ("IND", "New Delhi", 28.61, 77.21),
            ("NGA", "Abuja", 9.08, 7.40), ("MLI", "Bamako", 12.64, -8.00),
            ("AFG", "Kabul", 34.53, 69.17), ("YEM", "Sanaa", 15.37, 44.19),
            ("LBN", "Beirut", 33.89, 35.50), ("SDN", "Khartoum", 15.50, 32.56)]
QUERIES = {  # what an analyst's dashboard asks, with the filters it sends
    "events": [{}, {"type": "ASSAULT"}, {"country": "SYR"}, {"from": "2022-01-01",
                                                             "to": "2022-06-30"},
               {"type": "PROTEST", "country": "IRN", "sort": "-confidence"},
               {"actor": "RUS-MIL"}, {"q": "Damascus", "min_confidence": 0.5},
               {"offset": 5000, "sort": "-date"}],
    "timeline": [{"interval": "month"}, {"interval": "week", "type": "ASSAULT"},
                 {"interval": "day", "country": "UKR", "from": "2023-01-01"}],
}


def build_store(db: Path, n_events: int) -> float:
    import duckdb

    sys.path.insert(0, str(ROOT / "src"))
    from chronicler.store.db import connect

    started = time.perf_counter()
    connect(db).close()  # the schema
    con = duckdb.connect(str(db))
    con.execute("CREATE TEMP MACRO h(x) AS CAST(hash(x) % 1000003 AS BIGINT)")
    n_articles = max(1, n_events // 10)
    types = "[" + ", ".join(f"'{t}'" for t in TYPES) + "]"
    caps = {k: "[" + ", ".join(repr(c[i]) if isinstance(c[i], str) else str(c[i])
                               for c in CAPITALS) + "]" for i, k in enumerate("cnxy")}
    n_caps = len(CAPITALS)
    con.execute(f"""INSERT INTO articles (article_key, id, title, published, source, language,
                        n_words, text, producer)
        SELECT 'k' || i, 'a' || i, 'Synthetic article ' || i,
               DATE '2020-01-01' + CAST(i * 1826 // {n_articles} AS INTEGER), 'bench', 'en',
               40, 'Synthetic article ' || i || '. Forces shelled positions near the capital.',
               'bench' FROM range({n_articles}) t(i)""")
    con.execute(f"""INSERT INTO events (article_key, event_id, type, mode, source_name,
                        source_actor, source_country, source_sector, target_name, target_actor,
                        target_country, location_name, lat, lon, location_country, date,
                        modality, confidence, evidence_start, evidence_end, evidence_text)
        SELECT 'k' || (i // 10), 'e' || (i % 10 + 1), {types}[1 + h(i) % 16], NULL,
               {caps['c']}[1 + h(i + 1) % {n_caps}] || ' forces',
               {caps['c']}[1 + h(i + 1) % {n_caps}] || '-MIL',
               {caps['c']}[1 + h(i + 1) % {n_caps}], 'MIL',
               {caps['c']}[1 + h(i + 2) % {n_caps}], {caps['c']}[1 + h(i + 2) % {n_caps}],
               {caps['c']}[1 + h(i + 2) % {n_caps}],
               CASE WHEN h(i + 3) % 10 < 6 THEN {caps['n']}[1 + h(i + 4) % {n_caps}] END,
               CASE WHEN h(i + 3) % 10 < 6 THEN {caps['x']}[1 + h(i + 4) % {n_caps}]
                    + (h(i + 5) % 200 - 100) / 100.0 END,
               CASE WHEN h(i + 3) % 10 < 6 THEN {caps['y']}[1 + h(i + 4) % {n_caps}]
                    + (h(i + 6) % 200 - 100) / 100.0 END,
               CASE WHEN h(i + 3) % 10 < 6 THEN {caps['c']}[1 + h(i + 4) % {n_caps}] END,
               DATE '2020-01-01' + CAST((i // 10) * 1826 // {n_articles} AS INTEGER),
               CASE WHEN h(i + 7) % 20 = 0 THEN 'negated' WHEN h(i + 7) % 20 = 1
                    THEN 'hypothetical' WHEN h(i + 7) % 20 < 5 THEN 'reported'
                    ELSE 'asserted' END,
               (h(i + 8) % 1000) / 1000.0, 0, 40,
               'Forces shelled positions near ' || {caps['n']}[1 + h(i + 4) % {n_caps}]
                   || ' (event ' || i || ')'
        FROM range({n_events}) t(i)""")
    con.close()
    return time.perf_counter() - started


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, *extra: str) -> tuple[subprocess.Popen, str]:
    import httpx

    port = free_port()
    proc = subprocess.Popen([CLI, "serve", "--db", str(db), "--port", str(port), *extra],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            httpx.get(url + "/api/stats", timeout=5)
            return proc, url
        except httpx.TransportError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit(f"the server did not start: {proc.stderr.read().decode()}")


def timed_requests(url: str, clients: int, rounds: int) -> dict[str, list[float]]:
    """Every client sends every query ``rounds`` times; latencies in ms by route."""
    import httpx

    out: dict[str, list[float]] = {route: [] for route in QUERIES}
    lock = threading.Lock()

    def client(offset: int) -> None:
        with httpx.Client(base_url=url, timeout=60) as http:
            for r in range(rounds):
                for route, variants in QUERIES.items():
                    for k in range(len(variants)):
                        params = variants[(k + offset + r) % len(variants)]
                        t0 = time.perf_counter()
                        resp = http.get(f"/api/{route}?{urlencode(params)}")
                        ms = (time.perf_counter() - t0) * 1000
                        resp.raise_for_status()
                        with lock:
                            out[route].append(ms)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return out


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def first_paint(db: Path) -> dict[str, float] | None:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("first paint: skipped (Playwright is not installed)", file=sys.stderr)
        return None
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("first paint: skipped (no chromium binary; apt-get install chromium)",
              file=sys.stderr)
        return None
    proc, url = start_server(db)
    results: dict[str, list[float]] = {"first_contentful_paint_ms": [], "dashboard_ready_ms": []}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
            for _ in range(5):
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                t0 = time.perf_counter()
                page.goto(url + "/")
                page.wait_for_selector("body[data-ready=events]")
                page.wait_for_selector("path.event-marker")
                ready = (time.perf_counter() - t0) * 1000
                fcp = page.evaluate("performance.getEntriesByName('first-contentful-paint')[0]"
                                    ".startTime")
                results["first_contentful_paint_ms"].append(fcp)
                results["dashboard_ready_ms"].append(ready)
                page.close()
            browser.close()
    finally:
        proc.terminate()
        proc.wait()
    return {k: statistics.median(v) for k, v in results.items()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--clients", type=int, nargs="+", default=[1, 20])
    ap.add_argument("--rounds", type=int, default=3, help="times each client sends each query")
    ap.add_argument("--keep", metavar="DIR", help="build the stores here and keep them")
    args = ap.parse_args()
    workdir = Path(args.keep or tempfile.mkdtemp(prefix="chronicler-serve-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    db = workdir / f"synthetic-{args.events}.duckdb"
    if not db.exists():  # built under another name first: a failed build leaves no store
        partial = db.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        seconds = build_store(partial, args.events)
        partial.rename(db)
        print(f"built {db} ({args.events:,} events) in {seconds:.1f} s", file=sys.stderr)
    report: dict[str, object] = {"events": args.events, "cores": os.cpu_count(),
                                 "load_average_before": os.getloadavg()[0]}
    # With the answer cache (the default: repeated questions are answered from memory until
    # the store changes) and without it (every request runs its SQL: the cold-cache cost).
    for label, extra in (("cache", ()), ("no_cache", ("--cache-size", "0"))):
        proc, url = start_server(db, *extra)
        try:
            timed_requests(url, 1, 1)  # warm-up: file cache, first connections
            for clients in args.clients:
                t0 = time.perf_counter()
                lat = timed_requests(url, clients, args.rounds)
                wall = time.perf_counter() - t0
                n = sum(len(v) for v in lat.values())
                report[f"{label}_clients_{clients}"] = {
                    "requests": n, "requests_per_s": round(n / wall, 1),
                    **{f"{route}_p50_ms": round(pct(v, 50), 1) for route, v in lat.items()},
                    **{f"{route}_p95_ms": round(pct(v, 95), 1) for route, v in lat.items()}}
        finally:
            proc.terminate()
            proc.wait()
    subprocess.run([CLI, "demo", "--out", str(workdir)], check=True, capture_output=True)
    for name, store in (("dashboard_demo_store", workdir / "demo.duckdb"),
                        (f"dashboard_{args.events}_events", db)):
        paint = first_paint(store)
        if paint:
            report[name] = {k: round(v) for k, v in paint.items()}
    print(json.dumps(report, indent=2))
    if not args.keep:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
