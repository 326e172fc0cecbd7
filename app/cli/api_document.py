"""``flask --app wsgi kassa api-document sdk/openapi.json``: the OpenAPI document served at /api/v1/openapi.json,
written to a file the SDK generates its TypeScript types from (sdk/README.md, "Where the types come from")."""

from __future__ import annotations

import json
from pathlib import Path

import click
from flask.cli import with_appcontext

from app.config import PROJECT_ROOT
from app.web.api.openapi import openapi_document

# A fixed server, not this machine's: the committed file must come out the same wherever it is generated.
PLACEHOLDER_SERVER = "https://kassa.example/api/v1"
SDK_DOCUMENT = PROJECT_ROOT / "sdk" / "openapi.json"


def api_document_text() -> str:
    """The document as stable text: keys sorted, indented, one trailing newline (small, readable diffs)."""
    return json.dumps(openapi_document(PLACEHOLDER_SERVER), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


@click.command("api-document")
@with_appcontext
@click.argument(
    "path", type=click.Path(dir_okay=False, writable=True, path_type=Path), default=SDK_DOCUMENT, required=False
)
def api_document_command(path: Path) -> None:
    """Write the API's OpenAPI document to PATH (default: sdk/openapi.json), for the SDK's generated types."""
    path.write_text(api_document_text(), encoding="utf-8")
    click.echo(str(path), err=True)
