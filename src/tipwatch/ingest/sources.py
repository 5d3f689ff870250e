"""Read files, folders, JSON Lines and standard input into raw documents."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from tipwatch.config import Settings
from tipwatch.errors import IngestError
from tipwatch.ingest.decode import decode_bytes
from tipwatch.ingest.html import extract_html, looks_like_html
from tipwatch.ingest.warc import WARC_SUFFIXES, is_warc, warc_responses
from tipwatch.model import InputProblem, RawDocument

TEXT_SUFFIXES = (".txt", ".text")  # a named file of any other suffix is read as text too
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
#: A folder may carry publication dates for its plain-text files: {"file.txt": "2023-05-01"}.
PUBLISHED_INDEX = "published.json"

Item = RawDocument | InputProblem


def normalise_date(value: Any) -> str | None:
    """'2023-05-04T08:00:00Z' -> '2023-05-04'; None for anything that is not a date."""
    if value is None:
        return None
    text = str(value).strip()[:10]
    return text if _DATE.match(text) else None


def read_inputs(paths: Iterable[str], settings: Settings, stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Every document of every input, in order; unreadable inputs become problems."""
    for path in paths:
        if path == "-":
            yield from _read_stdin(stdin or sys.stdin.buffer, settings)
            continue
        p = Path(path)
        if p.is_dir():
            yield from _read_folder(p, settings)
        elif p.exists():
            yield from _read_file(p, settings, published_index=_published_index(p.parent))
        else:
            yield InputProblem(path, "no such file or folder")


def _read_folder(folder: Path, settings: Settings) -> Iterator[Item]:
    files = sorted(f for f in folder.rglob("*") if f.is_file() and f.name.lower().endswith(SUPPORTED_SUFFIXES))
    indexes: dict[Path, dict[str, str]] = {}
    for f in files:
        if f.parent not in indexes:
            indexes[f.parent] = _published_index(f.parent)
        yield from _read_file(f, settings, published_index=indexes[f.parent])


def _published_index(folder: Path) -> dict[str, str]:
    index = folder / PUBLISHED_INDEX
    if not index.is_file():
        return {}
    try:
        data = json.loads(index.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): v for k, v in data.items() if normalise_date(v)} if isinstance(data, dict) else {}


def _read_bytes(path: Path, settings: Settings) -> bytes:
    try:
        size = path.stat().st_size
        if size > settings.max_bytes:
            raise IngestError(f"file is {size} bytes, over the limit of {settings.max_bytes}")
        return path.read_bytes()
    except PermissionError:
        raise IngestError("permission denied") from None
    except IsADirectoryError:
        raise IngestError("is a folder") from None
    except OSError as exc:
        raise IngestError(f"cannot read: {exc.strerror or exc}") from None


def _read_file(path: Path, settings: Settings, published_index: dict[str, str]) -> Iterator[Item]:
    origin = str(path)
    try:
        data = _read_bytes(path, settings)
        if not data.strip():
            raise IngestError("empty file")
        if is_warc(path.name):
            yield from _read_warc(data, origin, settings)
            return
        text = decode_bytes(data)
    except IngestError as exc:
        yield InputProblem(origin, str(exc))
        return
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from _read_jsonl(text, origin, settings)
        return
    published = published_index.get(path.name) or settings.published
    try:
        yield _document(path.name, text, origin, published=published,
                        html=path.suffix.lower() in HTML_SUFFIXES or looks_like_html(text))
    except IngestError as exc:
        yield InputProblem(origin, str(exc))


def _read_warc(data: bytes, origin: str, settings: Settings) -> Iterator[Item]:
    for found in warc_responses(data, settings.max_bytes):
        if isinstance(found, IngestError):
            yield InputProblem(origin, str(found))
            continue
        uri, body, is_html = found
        try:
            yield _document(uri, body, f"{origin}#{uri}", published=settings.published, html=is_html, url=uri)
        except IngestError as exc:
            yield InputProblem(f"{origin}#{uri}", str(exc))


def _read_stdin(stream: BinaryIO, settings: Settings) -> Iterator[Item]:
    data = stream.read(settings.max_bytes + 1)
    if len(data) > settings.max_bytes:
        yield InputProblem("-", f"standard input is over the limit of {settings.max_bytes} bytes")
        return
    if not data.strip():
        yield InputProblem("-", "empty input")
        return
    try:
        text = decode_bytes(data)
    except IngestError as exc:
        yield InputProblem("-", str(exc))
        return
    first = text.lstrip()[:1]
    if first == "{":
        yield from _read_jsonl(text, "-", settings)
        return
    try:
        yield _document("stdin", text, "-", published=settings.published, html=looks_like_html(text))
    except IngestError as exc:
        yield InputProblem("-", str(exc))


def _read_jsonl(text: str, origin: str, settings: Settings) -> Iterator[Item]:
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputProblem(where, f"not JSON ({exc.msg})")
            continue
        try:
            yield _record_document(record, where, settings)
        except IngestError as exc:
            yield InputProblem(where, str(exc))


def _record_document(record: Any, where: str, settings: Settings) -> RawDocument:
    if not isinstance(record, dict):
        raise IngestError("a document line must be a JSON object")
    doc_id = record.get("id")
    if doc_id is None or str(doc_id).strip() == "":
        raise IngestError("document has no 'id'")
    body = record.get("text")
    is_html = False
    if body is None and record.get("html") is not None:
        body, is_html = record["html"], True
    if not isinstance(body, str) or not body.strip():
        raise IngestError(f"document {doc_id!r} has no 'text' or 'html'")
    if len(body.encode("utf-8")) > settings.max_bytes:
        raise IngestError(f"document {doc_id!r} is over the limit of {settings.max_bytes} bytes")
    published = normalise_date(record.get("published")) or settings.published
    return _document(str(doc_id), body, where, published=published, html=is_html,
                     url=record.get("url"), title=record.get("title"))


def _document(doc: str, text: str, origin: str, *, published: str | None, html: bool,
              url: str | None = None, title: str | None = None) -> RawDocument:
    if not html:
        return RawDocument(doc=doc, text=text, original=text, media_type="text", origin=origin,
                           url=url, title=title, published=published)
    page = extract_html(text, url=url)
    return RawDocument(
        doc=doc, text=page.text, original=text, media_type="html", origin=origin,
        url=page.url or url, title=title or page.title, author=page.author, publisher=page.publisher,
        published=normalise_date(page.published) or published,
    )
