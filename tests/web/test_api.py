"""The JSON API and the HTML pages through FastAPI's TestClient, on a temporary SQLite store."""

from __future__ import annotations

import csv
import io
import json
import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.conftest import run_cli
from tests.web.conftest import WebData, fill_store
from tipwatch.errors import TipwatchError
from tipwatch.present.web.app import create_app
from tipwatch.present.web.params import MAX_LIMIT

TOKEN = "test-token-7f3a"


@pytest.fixture(scope="module")
def client(web_data: WebData) -> Iterator[TestClient]:
    with TestClient(create_app(web_data.url)) as c:
        yield c


@pytest.fixture
def ingest_client(tmp_path: Path) -> Iterator[TestClient]:
    url = f"sqlite:///{tmp_path / 'ingest.db'}"
    fill_store(url)
    with TestClient(create_app(url, allow_ingest=True, token=TOKEN, max_body=4096)) as c:
        yield c


def data(response: Any, status: int = 200) -> Any:
    body = response.json()
    assert response.status_code == status, body
    assert body["ok"] is True and body["status"] == status and set(body) == {"ok", "data", "status"}
    return body["data"]


def error(response: Any, status: int) -> dict[str, Any]:
    body = response.json()
    assert response.status_code == status, body
    assert body["ok"] is False and body["status"] == status and set(body) == {"ok", "error", "status"}
    assert body["error"]["code"] and body["error"]["message"]
    assert "Traceback" not in response.text
    return dict(body["error"])


# -- read API -------------------------------------------------------------------------------

def test_documents_list_and_one_document(client: TestClient, web_data: WebData) -> None:
    page = data(client.get("/api/documents"))
    assert page["total"] == 4 and {d["doc"] for d in page["items"]} >= {"kh-police-2022.txt", "wire-hostile"}
    one = data(client.get(f"/api/documents/{web_data.police_id[:10]}"))
    assert one["id"] == web_data.police_id and one["doc"] == "kh-police-2022.txt"
    for fact in one["facts"]:
        start, end = fact["span"]
        assert one["clean_text"][start:end] == fact["surface"]
    assert [c["kind"] for c in one["claims"]] == ["change", "sum"]
    by_name = data(client.get("/api/documents/kh-police-2022.txt"))
    assert by_name["id"] == web_data.police_id
    assert "no document" in error(client.get("/api/documents/nope"), 404)["message"]
    assert error(client.get("/api/documents/%25"), 404)  # LIKE wildcards are not wildcards here


def test_facts_filters_sort_and_pagination(client: TestClient) -> None:
    cases = data(client.get("/api/facts", params={"indicator": "cases", "place": "KH", "sort": "value",
                                                  "desc": "true"}))
    assert [f["value"] for f in cases["items"]] == [180, 176, 151, 151] and cases["total"] == 4
    assert data(client.get("/api/facts", params={"period": "2021", "place": "KH"}))["total"] == 2
    ncct = data(client.get("/api/facts", params={"source": "committee"}))
    assert ncct["total"] == 5 and {f["doc"] for f in ncct["items"]} == {"kh-ncct-2022.txt"}
    assert data(client.get("/api/facts", params={"doc": "kh-police-2022.txt"}))["total"] == 6
    assert data(client.get("/api/facts", params={"crime": "trafficking", "indicator": "victims",
                                                  "place": "KH"}))["total"] == 3
    first = data(client.get("/api/facts", params={"limit": 2, "offset": 0, "sort": "value"}))
    second = data(client.get("/api/facts", params={"limit": 2, "offset": 2, "sort": "value"}))
    assert first["limit"] == 2 and len(first["items"]) == 2 and first["total"] == second["total"] >= 11
    assert not {f["id"] for f in first["items"]} & {f["id"] for f in second["items"]}


def test_bad_parameters_answer_with_the_envelope(client: TestClient) -> None:
    too_many = error(client.get("/api/facts", params={"limit": MAX_LIMIT + 1}), 422)
    assert too_many["details"][0]["field"] == "limit"
    error(client.get("/api/facts", params={"offset": -1}), 422)
    assert "unknown sort" in error(client.get("/api/facts", params={"sort": "nope"}), 400)["message"]
    error(client.get("/api/nothing-here"), 404)
    injected = data(client.get("/api/facts", params={"indicator": "cases' OR '1'='1", "doc": "%"}))
    assert injected["total"] == 0


def test_claims_conflicts_series_and_summary(client: TestClient) -> None:
    claims = data(client.get("/api/claims"))
    assert claims["total"] == 3
    failed = data(client.get("/api/claims", params={"verdict": "inconsistent"}))
    assert [c["indicator"] for c in failed["items"]] == ["victims_referred"]
    conflicts = data(client.get("/api/conflicts"))["items"]
    assert len(conflicts) == 1
    assert conflicts[0]["key"]["period"] == "2022" and conflicts[0]["values"] == [176, 180]
    assert {f["source"] for f in conflicts[0]["facts"]} == {"National Police",
                                                            "National Committee for Counter Trafficking"}
    series = data(client.get("/api/series", params={"indicator": "cases", "place": "KH"}))["items"]
    assert len(series) == 1
    assert sorted((p["period"], p["value"]) for p in series[0]["points"]) == [
        ("2021", 151), ("2021", 151), ("2022", 176), ("2022", 180)]
    headlines = [p["period"] for p in series[0]["points"] if p.get("headline")]
    assert headlines in ([], ["2021", "2022"])  # one per period when the verify stage chooses them
    summary = data(client.get("/api/summary"))
    assert summary["documents"] == 4 and summary["open_conflicts"] == 1 and summary["failed_checks"] == 1


def test_conflicts_fall_back_when_the_verify_stage_fails(web_data: WebData,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from tipwatch.present.web import analysis

    def failing(*_args: Any, **_kwargs: Any) -> Any:
        raise RuntimeError("reconciliation is being rewritten")

    monkeypatch.setattr(analysis, "_optional", lambda module, name: failing)
    with TestClient(create_app(web_data.url)) as fresh:
        conflicts = data(fresh.get("/api/conflicts", params={"indicator": "cases"}))["items"]
        assert [c["values"] for c in conflicts] == [[176, 180]]
        assert "National Police" in fresh.get("/series/chart.svg", params={"indicator": "cases",
                                                                           "place": "KH"}).text


def test_openapi_describes_the_api(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    assert {"/api/documents", "/api/documents/{key}", "/api/facts", "/api/claims", "/api/conflicts",
            "/api/series"} <= set(schema["paths"])
    params = {p["name"] for p in schema["paths"]["/api/facts"]["get"]["parameters"]}
    assert {"indicator", "place", "period", "source", "doc", "crime", "limit", "offset", "sort"} <= params
    assert "post" not in schema["paths"]["/api/documents"]
    assert client.get("/docs").status_code == 404  # no CDN-hosted docs page


# -- HTML pages -----------------------------------------------------------------------------

def test_overview_counts_and_latest_figures(client: TestClient) -> None:
    html = client.get("/").text
    assert re.search(r'id="count-documents"><span class="n">4<', html)
    assert re.search(r'id="count-conflicts"><span class="n">1<', html)
    assert re.search(r'id="count-failed"><span class="n">1<', html)
    assert "suspects_arrested" in html and "2022" in html


def test_facts_page_filters_and_csv(client: TestClient) -> None:
    page = client.get("/facts", params={"indicator": "victims", "place": "KH", "sort": "value"})
    assert page.status_code == 200
    rows = re.findall(r"<tr>\s*<td>\s*<a href=\"/documents/", page.text)
    assert len(rows) == 3 and '<option value="victims" selected>' in page.text
    link = re.search(r'id="download-csv" href="([^"]+)"', page.text)
    assert link is not None
    got = client.get(link.group(1).replace("&amp;", "&"))
    assert got.headers["content-type"].startswith("text/csv")
    table = list(csv.DictReader(io.StringIO(got.text)))
    assert [r["value"] for r in table] == ["135", "210", "345"] and {r["indicator"] for r in table} == {"victims"}


def test_document_page_highlights_every_fact(client: TestClient, web_data: WebData) -> None:
    html = client.get(f"/documents/{web_data.police_id}").text
    marks = re.findall(r'<mark class="fact" id="m-\d+" tabindex="0" data-facts="([\d ]+)"[^>]*>([^<]+)</mark>',
                       html)
    assert [text for _, text in marks] == ["180", "151", "345", "210", "135", "96"]
    cards = json.loads(re.search(r'<script type="application/json" id="fact-data">(.*?)</script>',
                                 html, re.S).group(1))  # type: ignore[union-attr]
    assert dict(cards["0"]["fields"])["source"] == "National Police" and cards["0"]["conflict"]
    assert [c["verdict"] for c in cards["0"]["claims"]] == ["consistent"]
    assert cards["1"]["conflict"] is None  # 151 for 2021 is stated alike by both
    assert 'id="claim-' in html and "/conflicts?indicator=cases" in html


def test_checks_conflicts_and_series_pages(client: TestClient) -> None:
    checks = client.get("/checks", params={"verdict": "inconsistent"}).text
    assert "victims_referred" in checks and "120 + 150 = 270, not 300" in checks
    conflicts = client.get("/conflicts").text
    assert "National Committee for Counter Trafficking" in conflicts and "176" in conflicts
    series = client.get("/series", params={"indicator": "cases"}).text
    chart = re.search(r'<img src="(/series/chart.svg[^"]+)"', series)
    assert chart is not None
    svg = client.get(chart.group(1).replace("&amp;", "&"))
    assert svg.headers["content-type"].startswith("image/svg+xml") and "<svg" in svg.text[:500]
    view = client.get("/series/view", params={"indicator": "cases", "place": "KH"})
    assert view.status_code == 200 and view.text.count("<tr><td>20") == 4


# -- security -------------------------------------------------------------------------------

def test_document_text_is_data_never_markup(client: TestClient) -> None:
    page = client.get("/documents/wire-hostile").text
    html = re.sub(r"<mark [^>]*>|</mark>", "", page)  # a highlighted number may cut a run of text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;b&gt;Rescue&lt;/b&gt;" in html and "<b>Rescue" not in html
    assert 'href="javascript:' not in html and "javascript:alert(3)" in html  # shown, not linked
    api = data(client.get("/api/documents/wire-hostile"))
    assert "<script>alert(1)</script>" in api["clean_text"]  # JSON keeps the data as it is


def test_security_headers_everywhere(client: TestClient) -> None:
    for path in ("/", "/facts", "/api/facts", "/static/style.css", "/nope", "/api/nope"):
        headers = client.get(path).headers
        assert "default-src 'self'" in headers["content-security-policy"], path
        assert headers["x-content-type-options"] == "nosniff", path
    assert client.get("/static/app.js").headers["content-type"].startswith(("text/javascript",
                                                                             "application/javascript"))


def test_a_loopback_server_refuses_other_host_names(web_data: WebData) -> None:
    app = create_app(web_data.url, allowed_hosts=["127.0.0.1", "localhost"])
    with TestClient(app, base_url="http://127.0.0.1:8000") as local:
        assert local.get("/").status_code == 200
        assert local.get("/", headers={"Host": "LOCALHOST:8000"}).status_code == 200
        rebound = error(local.get("/api/facts", headers={"Host": "attacker.example"}), 400)
        assert "loopback" in rebound["message"]
        page = local.get("/", headers={"Host": "attacker.example:8000"})
        assert page.status_code == 400 and "default-src 'self'" in page.headers["content-security-policy"]


@pytest.mark.parametrize("path", ["/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py",
                                  "/static/%2e%2e%2f%2e%2e%2fstore%2fdb.py", "/static//etc/passwd"])
def test_no_path_from_a_request_reaches_the_file_system(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404 and "import" not in response.text and "root:" not in response.text


def test_errors_never_leak_details(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from tipwatch.store import queries

    def broken(*_args: Any, **_kwargs: Any) -> None:
        raise RuntimeError("secret connection string sqlite:///hidden.db")

    monkeypatch.setattr(queries, "list_facts", broken)
    api = error(client.get("/api/facts"), 500)
    assert "secret" not in json.dumps(api)
    page = client.get("/facts")
    assert page.status_code == 500 and "secret" not in page.text and "Traceback" not in page.text
    assert "default-src 'self'" in page.headers["content-security-policy"]


# -- ingestion over HTTP --------------------------------------------------------------------

def test_ingest_is_off_by_default(client: TestClient) -> None:
    error(client.post("/api/documents", json={"id": "x", "text": "Police rescued 5 victims."}), 405)


def test_ingest_needs_the_token(ingest_client: TestClient) -> None:
    record = {"id": "posted", "text": "Police rescued 5 victims in 2023."}
    error(ingest_client.post("/api/documents", json=record), 401)
    error(ingest_client.post("/api/documents", json=record, headers={"Authorization": "Basic eDp5"}), 401)
    error(ingest_client.post("/api/documents", json=record, headers={"Authorization": "Bearer wrong"}), 403)
    assert data(ingest_client.get("/api/documents"))["total"] == 4


def test_ingest_stores_a_document_through_the_library(ingest_client: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert data(ingest_client.get("/api/summary"))["documents"] == 4  # cached until the data changes
    record = {"id": "posted-ke", "text": HOSTILE_POST, "published": "2023-07-14",
              "url": "https://example.org/ke", "title": "Coast rescues"}
    done = data(ingest_client.post("/api/documents", json=record, headers=auth), 201)
    assert done["doc"] == "posted-ke" and done["status"] == "added" and len(done["document_id"]) == 64
    again = data(ingest_client.post("/api/documents", json=record, headers=auth), 201)
    assert again["status"] == "unchanged" and again["document_id"] == done["document_id"]
    assert data(ingest_client.get("/api/summary"))["documents"] == 5
    stored = data(ingest_client.get("/api/documents/posted-ke"))
    assert stored["published"] == "2023-07-14" and stored["title"] == "Coast rescues"
    page = ingest_client.get("/documents/posted-ke").text
    assert "&lt;script&gt;" in page and "<script>alert" not in page


HOSTILE_POST = "Police on the coast rescued 64 victims in 2023. <script>alert('posted')</script>\n"


def test_ingest_refuses_bad_bodies(ingest_client: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    big = {"id": "big", "text": "x" * 5000}
    assert "limit" in error(ingest_client.post("/api/documents", json=big, headers=auth), 413)["message"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it streams
        yield b'{"id": "streamed", "text": "'
        for _ in range(10):
            yield b"y" * 1000
        yield b'"}'

    streamed = ingest_client.post("/api/documents", content=chunks(),
                                  headers={**auth, "Content-Type": "application/json"})
    error(streamed, 413)
    error(ingest_client.post("/api/documents", content=b"{not json", headers={
        **auth, "Content-Type": "application/json"}), 400)
    error(ingest_client.post("/api/documents", json={"id": "no-text"}, headers=auth), 422)
    error(ingest_client.post("/api/documents", json={"id": "x", "text": "a", "extra": 1}, headers=auth), 422)
    error(ingest_client.post("/api/documents", content=b"id=x", headers={
        **auth, "Content-Type": "application/x-www-form-urlencoded"}), 415)
    assert data(ingest_client.get("/api/documents"))["total"] == 4


def test_ingest_needs_a_token_to_start(web_data: WebData) -> None:
    with pytest.raises(TipwatchError):
        create_app(web_data.url, allow_ingest=True, token=None)
    done = run_cli("serve", "--db", web_data.url, "--allow-ingest", env={"TIPWATCH_TOKEN": ""})
    assert done.returncode == 2 and "--token" in done.stderr
    assert run_cli("serve", "--help").returncode == 0


@pytest.mark.postgres
def test_the_same_answers_on_postgresql(pg_url: str) -> None:
    name = f"tipwatch_web_{uuid.uuid4().hex[:10]}"  # a database of its own: parallel tests stay apart
    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(pg_url).set(database=name).render_as_string(hide_password=False)
    try:
        web = fill_store(url)
        with TestClient(create_app(url)) as pg:
            cases = data(pg.get("/api/facts", params={"indicator": "cases", "place": "KH", "sort": "value"}))
            assert [f["value"] for f in cases["items"]] == [151, 151, 176, 180]
            assert [c["values"] for c in data(pg.get("/api/conflicts"))["items"]
                    if c["key"]["indicator"] == "cases"] == [[176, 180]]
            assert data(pg.get("/api/summary"))["failed_checks"] == 1
            assert data(pg.get("/api/series", params={"indicator": "cases", "place": "KH"}))["total"] == 1
            for path in ("/", "/facts?place=KH", f"/documents/{web.police_id}", "/checks", "/conflicts",
                         "/series", "/series/view?indicator=cases&place=KH", "/facts.csv"):
                assert pg.get(path).status_code == 200, path
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
