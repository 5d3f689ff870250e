"""HTML pages to main text and metadata, through trafilatura."""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura

from tipwatch.errors import IngestError


@dataclass(frozen=True)
class HtmlContent:
    text: str
    title: str | None
    author: str | None
    publisher: str | None
    published: str | None
    url: str | None


def looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head)


def extract_html(html: str, url: str | None = None) -> HtmlContent:
    """The page's main text and its metadata; raises when the page has no main text."""
    text = trafilatura.extract(
        html, url=url, include_comments=False, include_tables=True, favor_precision=True, deduplicate=False
    )
    if not text or not text.strip():
        raise IngestError("HTML page has no main text")
    meta = trafilatura.extract_metadata(html, default_url=url)
    if meta is None:
        return HtmlContent(text, None, None, None, None, url)
    return HtmlContent(
        text=text,
        title=meta.title or None,
        author=meta.author or None,
        publisher=meta.sitename or None,
        published=(meta.date or None),
        url=meta.url or url,
    )
