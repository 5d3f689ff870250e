"""Web archives (WARC, optionally gzipped): every HTML or text response becomes a document."""

from __future__ import annotations

import io
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from tipwatch.errors import IngestError
from tipwatch.ingest.decode import decode_bytes

WARC_SUFFIXES = (".warc", ".warc.gz")


def is_warc(name: str) -> bool:
    return name.lower().endswith(WARC_SUFFIXES)


def warc_responses(data: bytes, max_bytes: int) -> Iterator[tuple[str, str, bool] | IngestError]:
    """(target URI, decoded body, is_html) per response record; an IngestError per bad record."""
    records = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            if not record.rec_headers.get_header("WARC-Type"):
                continue  # not a WARC record at all (garbage the iterator tolerated)
            records += 1
            if record.rec_type != "response" or record.http_headers is None:
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI") or "?"
            ctype = (record.http_headers.get_header("Content-Type") or "").lower()
            if "html" not in ctype and "text/plain" not in ctype:
                continue
            body = record.content_stream().read(max_bytes + 1)
            if len(body) > max_bytes:
                yield IngestError(f"{uri}: response over the limit of {max_bytes} bytes")
                continue
            try:
                yield uri, decode_bytes(body), "html" in ctype
            except IngestError as exc:
                yield IngestError(f"{uri}: {exc}")
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        yield IngestError(f"not a readable web archive ({' '.join(str(exc).split())})")
        return
    if records == 0:
        yield IngestError("not a readable web archive (no WARC records)")
