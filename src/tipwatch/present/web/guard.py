"""ASGI middleware around the whole app: security headers, request-size limits, last-resort errors.

- Every response gets a strict Content-Security-Policy (only this server's own scripts,
  styles and images), ``X-Content-Type-Options: nosniff`` and friends.
- A request whose Content-Length is over the limit is refused with 413 before it is read;
  a body streamed without a length is counted as it arrives and refused once it passes
  the limit (the route reading it gets a 413 error).
- With ``allowed_hosts`` (a server on loopback), other Host headers are refused with 400:
  a web page elsewhere cannot reach the evidence base through DNS rebinding.
- An unexpected exception becomes a 500 answer without details; the log keeps them.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException

log = logging.getLogger(__name__)

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
}


class BodyTooLarge(HTTPException):
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body is over the limit of {limit} bytes")


class GuardMiddleware:
    def __init__(self, app: ASGIApp, max_body: int, allowed_hosts: list[str] | None = None) -> None:
        self.app = app
        self.max_body = max_body
        self.allowed_hosts = {_host_name(h) for h in allowed_hosts} if allowed_hosts else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_secured(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        refusal = self._check_host(scope) or self._check_length(scope)
        if refusal is not None:
            await _send_error(send_secured, scope, *refusal)
            return
        try:
            await self.app(scope, self._counting(receive), send_secured)
        except Exception:
            log.exception("unhandled error on %s %s", scope.get("method"), scope.get("path"))
            if not started:
                await _send_error(send_secured, scope, 500, "internal error; the server log has the details")

    def _check_host(self, scope: Scope) -> tuple[int, str] | None:
        if self.allowed_hosts is None:
            return None
        for name, value in scope.get("headers", ()):
            if name == b"host" and _host_name(value.decode("latin-1")) in self.allowed_hosts:
                return None
        return 400, "this server answers only to its loopback names"

    def _check_length(self, scope: Scope) -> tuple[int, str] | None:
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                text = value.decode("latin-1").strip()
                if not text.isdigit():
                    return 400, "invalid Content-Length"
                if int(text) > self.max_body:
                    return 413, f"request body is over the limit of {self.max_body} bytes"
        return None

    def _counting(self, receive: Receive) -> Receive:
        seen = 0
        limit = self.max_body

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise BodyTooLarge(limit)
            return message

        return counted


async def _send_error(send: Send, scope: Scope, status: int, message: str) -> None:
    """An error in the API's envelope, or as a short plain page elsewhere."""
    path = str(scope.get("path", ""))
    if path.startswith("/api"):
        code = f"TW-W{status}"
        body = json.dumps({"ok": False, "error": {"code": code, "message": message},
                           "status": status}).encode()
        ctype = b"application/json"
    else:
        body = (f"<!doctype html><title>Error {status}</title><h1>Error {status}</h1>"
                f"<p>{_escape(message)}</p>").encode()
        ctype = b"text/html; charset=utf-8"
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", ctype), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def _host_name(host: str) -> str:
    """'LocalHost:8000' -> 'localhost'; '[::1]:8000' -> '::1'."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:host.find("]")] if "]" in host else host
    return host.split(":")[0] if host.count(":") == 1 else host


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
