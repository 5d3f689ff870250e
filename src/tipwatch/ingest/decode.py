"""Bytes to text: UTF-8 first, then charset-normalizer; binary input is refused."""

from __future__ import annotations

import unicodedata

from charset_normalizer import from_bytes

from tipwatch.errors import IngestError

# Control characters that never occur in text files (NUL and friends).
_BINARY_BYTES = frozenset(range(0, 9)) | frozenset(range(14, 27)) | frozenset(range(28, 32))


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    if not head:
        return False
    odd = sum(1 for b in head if b in _BINARY_BYTES)
    return odd / len(head) > 0.05


def decode_bytes(data: bytes) -> str:
    """Decode ``data`` to NFC text or raise :class:`IngestError` with the reason."""
    if looks_binary(data):
        raise IngestError("binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        if best is None:
            raise IngestError("cannot decode: not UTF-8 and no other encoding fits") from None
        text = str(best)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)
