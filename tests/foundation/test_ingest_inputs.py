"""Ingestion of every supported input kind, and one clear line for every bad input."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tipwatch.config import Settings
from tipwatch.ingest import read_inputs
from tipwatch.model import InputProblem, RawDocument

ARTICLE = (
    "Border police in Sa Kaeo said on Monday that they had rescued 41 victims of trafficking "
    "during 2023, up from 30 the year before, and arrested 12 suspects.\n"
)

HTML_PAGE = """<!DOCTYPE html>
<html><head><title>Police report rise in trafficking rescues | The Border Courier</title>
<meta property="og:site_name" content="The Border Courier">
<meta name="author" content="Anong Srisuk">
<meta property="article:published_time" content="2024-02-14T07:30:00+07:00">
</head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a> | Call 1300 for tips</nav>
<article><h1>Police report rise in trafficking rescues</h1>
<p>Border police in Sa Kaeo said on Monday that they had rescued 41 victims of trafficking
during 2023, up from 30 the year before, and arrested 12 suspects in the same period.</p>
<p>The provincial commander said most of the victims had been promised factory jobs and that
investigators were still tracing the brokers who arranged their travel across the border.</p>
<p>Officers said they expected the number of cases to keep rising as more people looked for
work abroad, and they urged families to check job offers with the labour office first.</p>
</article>
<footer>Copyright 2024 The Border Courier. All rights reserved.</footer>
</body></html>
"""

SETTINGS = Settings()


def _read(*paths: str, settings: Settings = SETTINGS, stdin: bytes | None = None) -> list[RawDocument | InputProblem]:
    return list(read_inputs(list(paths), settings, stdin=io.BytesIO(stdin) if stdin is not None else None))


def test_plain_text_file_keeps_its_name_as_doc(tmp_path: Path) -> None:
    f = tmp_path / "border.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    [doc] = _read(str(f))
    assert isinstance(doc, RawDocument)
    assert doc.doc == "border.txt" and doc.text == ARTICLE and doc.media_type == "text"


def test_html_file_gives_main_text_and_metadata(tmp_path: Path) -> None:
    f = tmp_path / "page.html"
    f.write_text(HTML_PAGE, encoding="utf-8")
    [doc] = _read(str(f))
    assert isinstance(doc, RawDocument)
    assert "rescued 41 victims" in doc.text
    assert "1300" not in doc.text and "Home" not in doc.text
    assert doc.published == "2024-02-14"
    assert doc.author == "Anong Srisuk"
    assert doc.publisher == "The Border Courier"
    assert doc.title and "trafficking rescues" in doc.title


def test_folder_is_read_recursively_by_extension(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(ARTICLE)
    (tmp_path / "two.html").write_text(HTML_PAGE)
    (tmp_path / "notes.csv").write_text("x,y\n1,2\n")
    docs = _read(str(tmp_path))
    assert sorted(d.doc for d in docs if isinstance(d, RawDocument)) == ["one.txt", "two.html"]


def test_published_index_and_flag(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(ARTICLE)
    (tmp_path / "two.txt").write_text(ARTICLE + "More.\n")
    (tmp_path / "published.json").write_text(json.dumps({"one.txt": "2023-06-01"}))
    docs = {d.doc: d for d in _read(str(tmp_path), settings=Settings(published="2024"))
            if isinstance(d, RawDocument)}
    assert docs["one.txt"].published == "2023-06-01"  # the document's own date wins
    assert docs["two.txt"].published == "2024"


def test_jsonl_documents_with_text_and_html(tmp_path: Path) -> None:
    f = tmp_path / "docs.jsonl"
    lines = [
        {"id": "wire-1", "text": ARTICLE, "published": "2024-01-09", "url": "https://example.org/1"},
        {"id": "wire-2", "html": HTML_PAGE, "title": "Given title"},
    ]
    f.write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    one, two = _read(str(f))
    assert isinstance(one, RawDocument) and isinstance(two, RawDocument)
    assert (one.doc, one.published, one.url) == ("wire-1", "2024-01-09", "https://example.org/1")
    assert two.media_type == "html" and two.title == "Given title" and two.published == "2024-02-14"


def test_stdin_text_and_jsonl() -> None:
    [doc] = _read("-", stdin=ARTICLE.encode())
    assert isinstance(doc, RawDocument) and doc.doc == "stdin"
    [rec] = _read("-", stdin=json.dumps({"id": "x1", "text": ARTICLE}).encode())
    assert isinstance(rec, RawDocument) and rec.doc == "x1"


def test_legacy_encoding_is_decoded(tmp_path: Path) -> None:
    text = "Le ministère a recensé 57 victimes de la traite en 2022, selon le rapport publié à Genève.\n" * 3
    f = tmp_path / "fr.txt"
    f.write_bytes(text.encode("cp1252"))
    [doc] = _read(str(f))
    assert isinstance(doc, RawDocument)
    assert "ministère" in doc.text and "Genève" in doc.text


BAD_INPUTS = {
    "missing": (None, "no such file"),
    "binary.txt": (b"\x00\x01\x02\x03PK\x03\x04" * 200, "binary"),
    "empty.txt": (b"", "empty"),
    "blank.txt": (b"  \n\n  ", "empty"),
    "undecodable.txt": (bytes(range(128, 256)) * 4, "cannot decode"),
    "big.txt": (b"41 victims were rescued.\n" * 200, "over the limit"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_one_problem_naming_it(tmp_path: Path, name: str) -> None:
    content, reason = BAD_INPUTS[name]
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    [problem] = _read(str(path), settings=Settings(max_bytes=4000))
    assert isinstance(problem, InputProblem)
    assert problem.origin == str(path)
    assert reason in problem.reason
    assert "\n" not in problem.message()


@pytest.mark.parametrize("line,reason", [
    ("{not json", "not JSON"),
    ('{"text": "41 victims"}', "no 'id'"),
    ('{"id": "a"}', "no 'text' or 'html'"),
    ('[1, 2]', "JSON object"),
])
def test_bad_jsonl_line_is_reported_and_others_read(tmp_path: Path, line: str, reason: str) -> None:
    f = tmp_path / "docs.jsonl"
    good = json.dumps({"id": "ok", "text": ARTICLE})
    f.write_text(good + "\n" + line + "\n" + good.replace('"ok"', '"ok2"') + "\n")
    items = _read(str(f))
    assert [getattr(i, "doc", None) for i in items] == ["ok", None, "ok2"]
    problem = items[1]
    assert isinstance(problem, InputProblem)
    assert problem.origin == f"{f}:2" and reason in problem.reason


def test_cli_reports_bad_inputs_processes_the_rest_and_exits_1(tmp_path: Path, db_url: str) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.html"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00" * 50)
    done = run_cli("ingest", "--db", db_url, str(tmp_path / "nope.txt"), str(empty), str(binary), str(good))
    assert done.returncode == 1
    problems = [line for line in done.stderr.splitlines() if "tipwatch:" in line and "added" not in line]
    assert len(problems) == 3, done.stderr
    assert any("nope.txt: no such file" in p for p in problems)
    assert any("empty.txt: empty file" in p for p in problems)
    assert any("image.html: binary" in p for p in problems)
    listed = run_cli("docs", "--db", db_url, "--format", "jsonl")
    assert [json.loads(x)["doc"] for x in listed.stdout.splitlines()] == ["good.txt"]


def test_extract_streams_jsonl_and_exits_1_on_a_bad_input(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE)
    done = run_cli("extract", str(good), str(tmp_path / "missing.txt"), "--format", "jsonl")
    assert done.returncode == 1
    assert "missing.txt: no such file" in done.stderr
    records = [json.loads(x) for x in done.stdout.splitlines()]
    assert records and all(r["type"] in ("fact", "claim") for r in records)
    assert all(r["doc"] == "good.txt" for r in records)


def _warc_bytes(pages: dict[str, tuple[str, bytes]], gzip: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzip)
    for uri, (ctype, body) in pages.items():
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                      http_headers=headers))
    return buf.getvalue()


@pytest.mark.parametrize("suffix,gzip", [(".warc", False), (".warc.gz", True)])
def test_web_archive_responses_become_documents(tmp_path: Path, suffix: str, gzip: bool) -> None:
    f = tmp_path / f"crawl{suffix}"
    f.write_bytes(_warc_bytes({
        "https://news.example.org/rescues": ("text/html; charset=utf-8", HTML_PAGE.encode()),
        "https://news.example.org/logo.png": ("image/png", b"\x89PNG\r\n\x1a\n"),
        "https://news.example.org/plain": ("text/plain", ARTICLE.encode()),
    }, gzip))
    docs = _read(str(tmp_path))
    assert [d.doc for d in docs] == ["https://news.example.org/rescues", "https://news.example.org/plain"]
    page = docs[0]
    assert isinstance(page, RawDocument) and page.media_type == "html"
    assert page.published == "2024-02-14" and "rescued 41 victims" in page.text


def test_corrupt_web_archive_is_one_problem(tmp_path: Path) -> None:
    f = tmp_path / "broken.warc.gz"
    f.write_bytes(b"\x1f\x8b\x08\x00garbage that is not a gzip stream" * 3)
    [problem] = _read(str(f))
    assert isinstance(problem, InputProblem) and problem.origin == str(f)
