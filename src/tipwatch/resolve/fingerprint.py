"""Near-duplicate fingerprints: the same wire story in two outlets gets close simhashes."""

from __future__ import annotations

import hashlib
import re

_TOKEN = re.compile(r"[^\W_]+")
SHINGLE = 3
BITS = 64
#: Two documents are near-duplicates when their fingerprints differ in at most this many bits.
NEAR_DUPLICATE_BITS = 6


def simhash(text: str) -> str:
    """A 64-bit simhash of word 3-shingles, as 16 hex digits."""
    words = _TOKEN.findall(text.lower())
    weights = [0] * BITS
    grams = [" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))]
    for gram in grams:
        h = int.from_bytes(hashlib.blake2b(gram.encode("utf-8"), digest_size=8).digest(), "big")
        for bit in range(BITS):
            weights[bit] += 1 if (h >> bit) & 1 else -1
    value = sum(1 << bit for bit in range(BITS) if weights[bit] > 0)
    return f"{value:016x}"


def hamming(a: str, b: str) -> int:
    return bin(int(a, 16) ^ int(b, 16)).count("1")


def near_duplicates(a: str, b: str) -> bool:
    return hamming(a, b) <= NEAR_DUPLICATE_BITS
