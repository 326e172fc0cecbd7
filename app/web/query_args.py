"""One value per query parameter, on the API and the portal.

Werkzeug's ``request.args.get`` answers the first of a parameter sent twice and drops the rest without a word:
``GET /api/v1/orders?status=paid&status=failed`` listed the paid orders only, while the caller believed it had
filtered by both (``?limit=5&limit=500`` paged by 5). No list filter of the API or the portal takes more than one
value (shared/API.md, the OpenAPI document), so a repeat is refused before any view reads it, naming the
parameter. A shopper's page refuses a repeat of what it reads, as it reads it (OneValueArgs)."""

from __future__ import annotations

from flask import request
from flask_babel import gettext
from werkzeug.datastructures import ImmutableMultiDict, MultiDict

from app.errors import InvalidRequest


def repeated_query_param(args: MultiDict | None = None) -> tuple[str, int] | None:
    """The first query parameter the URL (or ``args``) names more than once, and how many times; None if none is."""
    args = request.args if args is None else args
    for name in args:
        count = len(args.getlist(name))
        if count > 1:
            return name, count
    return None


def refuse_repeated_filters() -> None:
    """before_request of the portal: a filter given twice in the address (a link edited by hand, a bookmark
    pasted onto another) is a 400 page saying which one, never a list that applied only the first."""
    repeated = repeated_query_param()
    if repeated:
        name, count = repeated
        raise InvalidRequest(
            f"The address gives “{name}” {count} times, but each filter takes one value: keep one "
            "and open the page again.",
            param=name,
        )


class OneValueArgs(ImmutableMultiDict):
    """The query of a shopper's page (hosted and embedded checkout): reading a parameter that is given more than once
    is a 400 page naming it. Only what the page reads counts: a link a campaign tool tagged twice (``utm_source``)
    still opens the checkout, while ``?quantity=1&quantity=5`` no longer sells one quietly."""

    def __getitem__(self, key: str) -> str:
        count = len(self.getlist(key))
        if count > 1:
            raise InvalidRequest(
                gettext(
                    "This link gives “%(name)s” %(count)d times, so the checkout cannot tell "
                    "which one is meant. Open the link from the shop again, or keep one of "
                    "them in the address.",
                    name=key,
                    count=count,
                ),
                param=key,
            )
        return super().__getitem__(key)


def read_one_value_per_param() -> None:
    """before_request of the checkout and the embedded panel: their views and templates read the query as
    OneValueArgs."""
    request.args = OneValueArgs(request.args)


def refuse_nul_in_url(path_values: dict | None = None, args: MultiDict | None = None) -> None:
    """Query and path values are text for the database too: a NUL (``%00``) in one is a 400, not a 500. (The
    request's own by default; the stream process passes its.)"""
    args = request.args if args is None else args
    path_values = (request.view_args or {}) if path_values is None else path_values
    for name, value in [*args.items(multi=True), *path_values.items()]:
        if isinstance(value, str) and "\x00" in value:
            raise InvalidRequest("the URL must not contain NUL characters (%00)", param=name)


def refuse_repeated_query_params(args: MultiDict | None = None) -> None:
    """Every query parameter of the API takes one value: a second one was dropped unseen (``?status=paid&status=
    failed`` listed paid orders only, ``?limit=5&limit=500`` paged by 5), so a repeat is a 400 naming it. (The
    request's own query by default; the stream process passes its.)"""
    repeated = repeated_query_param(args)
    if repeated:
        name, count = repeated
        raise InvalidRequest(
            f"{name} is in the query string {count} times; send it once (each query parameter takes one value)",
            param=name,
        )
