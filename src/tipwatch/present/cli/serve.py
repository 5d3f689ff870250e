"""``tipwatch serve``: the web view and JSON API on a local address."""

from __future__ import annotations

import ipaddress

import click

from tipwatch.config import Settings
from tipwatch.errors import TipwatchError
from tipwatch.present.cli.common import db_option, warn
from tipwatch.present.cli.main import cli

DEFAULT_MAX_BODY = 2 * 1024 * 1024
LOOPBACK_NAMES = ["127.0.0.1", "localhost", "::1"]


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@cli.command("serve", epilog="\b\nExamples:\n  tipwatch serve                      # http://127.0.0.1:8000/\n"
             "  tipwatch serve --db sqlite:///tip.db --port 8080\n"
             "  TIPWATCH_TOKEN=s3cret tipwatch serve --allow-ingest")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but loopback exposes the evidence base.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--allow-ingest", is_flag=True,
              help="Accept POST /api/documents (JSON records) from clients that send the token.")
@click.option("--token", default=None, metavar="TOKEN",
              help="Bearer token that --allow-ingest requires (default: $TIPWATCH_TOKEN).")
@click.option("--max-body", type=click.IntRange(1), default=DEFAULT_MAX_BODY, show_default=True,
              help="Refuse request bodies over this many bytes (413).")
def serve_command(db: str | None, host: str, port: int, allow_ingest: bool, token: str | None,
                  max_body: int) -> None:
    """Serve the web view (overview, facts, documents, checks, conflicts, series) and /api/.

    \b
    Read-only unless --allow-ingest is given; then POST /api/documents takes one
    SPEC section 8 record ({"id", "text" | "html", "published", "url", "title"})
    with "Authorization: Bearer TOKEN". The OpenAPI schema is at /api/openapi.json.
    """
    import uvicorn

    from tipwatch.present.web.app import create_app

    settings = Settings.from_env(db=db, token=token)
    token = settings.token
    if allow_ingest and not token:
        raise click.UsageError("--allow-ingest needs --token TOKEN (or TIPWATCH_TOKEN)")
    loopback = _is_loopback(host)
    if not loopback:
        warn(f"listening on {host}: the evidence base is visible to other machines")
    try:
        app = create_app(settings.db, allow_ingest=allow_ingest, token=token, max_body=max_body,
                         settings=settings, allowed_hosts=[host, *LOOPBACK_NAMES] if loopback else None)
    except TipwatchError as exc:
        raise click.ClickException(str(exc)) from exc
    warn(f"serving {settings.db} on http://{host}:{port}/ "
         f"({'ingest allowed with token' if allow_ingest else 'read-only'}); Ctrl-C stops")
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False,
                proxy_headers=False)
