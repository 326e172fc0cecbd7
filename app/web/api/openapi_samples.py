"""A copyable curl request for every operation (Redoc's ``x-codeSamples``), built from the operation itself:
its method, this deployment's URL, the key it needs, an Idempotency-Key where it takes one, and a body
assembled from the request schema's required fields."""

from __future__ import annotations

import json
import re
from typing import Any

_PLACEHOLDER_STRINGS = {
    "uri": "https://merchant.example/return",
    "date-time": "2026-01-01T00:00:00Z",
    "email": "shopper@example.com",
}


def _resolve(schema: dict, schemas: dict) -> dict:
    while "$ref" in schema:
        schema = schemas[schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def example_value(schema: dict, schemas: dict, depth: int = 0) -> Any:
    """A small valid-looking value for ``schema``: required fields only, the first of every choice."""
    schema = _resolve(schema, schemas)
    if "const" in schema:
        return schema["const"]
    if "enum" in schema:
        return schema["enum"][0]
    for choice in ("oneOf", "anyOf", "allOf"):
        if choice in schema:
            parts = [example_value(part, schemas, depth) for part in schema[choice]]
            if choice == "allOf" and all(isinstance(part, dict) for part in parts):
                return {key: value for part in parts for key, value in part.items()}
            return parts[0]
    kind = schema.get("type", "object")
    kind = next((k for k in kind if k != "null"), "null") if isinstance(kind, list) else kind
    if kind == "object":
        properties = schema.get("properties", {})
        wanted = schema.get("required") or list(properties)[:1]
        return (
            {}
            if depth > 3
            else {name: example_value(properties[name], schemas, depth + 1) for name in wanted if name in properties}
        )
    if kind == "array":
        return [example_value(schema.get("items", {}), schemas, depth + 1)]
    if kind in ("integer", "number"):
        return schema.get("minimum", 1)
    if kind == "boolean":
        return True
    if kind == "string":
        if schema.get("pattern") == "^[a-z]{3}$":
            return "usd"
        return _PLACEHOLDER_STRINGS.get(schema.get("format", ""), "string")
    return None


def _placeholder_id(path: str) -> str:
    # /orders/{id}/refunds -> /orders/ORDER_ID/refunds: braces would be globbed by curl, a name says what goes there.
    def name(match: re.Match) -> str:
        singular = re.sub(r"ies$", "y", match.group(1)).removesuffix("s")
        return f"/{match.group(1)}/{singular.upper()}_ID"

    return re.sub(r"/(\w+)/\{id\}", name, path)


def curl_sample(server_url: str, path: str, method: str, operation: dict, schemas: dict) -> str:
    """The curl command a developer would type for this operation."""
    query = "&".join(
        f"{p['name']}={p['name'].upper()}"
        for p in operation.get("parameters", [])
        if p.get("in") == "query" and p.get("required")
    )
    lines = [f'curl -X {method.upper()} "{server_url}{_placeholder_id(path)}{"?" + query if query else ""}"']
    if operation.get("security") != []:
        lines.append('-H "Authorization: Bearer $KASSA_SECRET_KEY"')
    if any(p.get("name") == "Idempotency-Key" for p in operation.get("parameters", [])):
        lines.append('-H "Idempotency-Key: $(uuidgen)"')
    for media_type, content in (operation.get("requestBody") or {}).get("content", {}).items():
        lines.append(f'-H "Content-Type: {media_type}"')
        if media_type == "application/json":
            lines.append("-d '" + json.dumps(example_value(content["schema"], schemas)) + "'")
        else:  # a file upload, e.g. a CSV import
            lines.append(f"--data-binary @entries.{media_type.rsplit('/', 1)[-1]}")
        break
    return " \\\n  ".join(lines)


def with_curl_samples(paths: dict, server_url: str, schemas: dict) -> dict:
    """A copy of ``paths`` whose operations carry a curl sample for this server (the shared paths stay as
    they are: two requests may name different hosts)."""
    return {
        path: {
            method: {
                **operation,
                "x-codeSamples": [
                    {
                        "lang": "Shell",
                        "label": "curl",
                        "source": curl_sample(server_url, path, method, operation, schemas),
                    }
                ],
            }
            for method, operation in operations.items()
        }
        for path, operations in paths.items()
    }
