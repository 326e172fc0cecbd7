"""The ``Allow`` of an OPTIONS answer names the methods of the path the request matched (every route of that same
path template), not of every route the path could match: werkzeug's automatic OPTIONS joins them all, so
``/risk/list_entries/import`` (POST) also advertised the DELETE of ``/risk/list_entries/{id}``, a method the
document (and the reader) knows only on list entries."""

from __future__ import annotations

from functools import cache

from flask import Response, current_app, request


@cache
def _methods_of(app_id: int, template: str) -> str:
    methods = {m for rule in current_app.url_map.iter_rules() if rule.rule == template for m in rule.methods or ()}
    return ", ".join(sorted(methods))


def allow_matched_route_only(response: Response) -> Response:
    rule = request.url_rule
    if request.method == "OPTIONS" and rule is not None and "Allow" in response.headers:
        response.headers["Allow"] = _methods_of(id(current_app), rule.rule)
    return response
