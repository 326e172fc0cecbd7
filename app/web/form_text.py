"""Form fields and query values on the pages (portal, hosted and embedded checkout) are text for the database.

PostgreSQL cannot store a NUL character, so a NUL reaching a statement was a 500 on PostgreSQL (and stored
on SQLite). Nobody types one; it comes pasted from another program or from a script. It is refused before
the view runs, naming the field, so nothing is half-written. The API does the same for its bodies
(app/web/json_bodies.py) and URLs (app/web/api/params.py)."""

from __future__ import annotations

from flask import request

from app.errors import InvalidRequest


def refuse_nul_in_fields() -> None:
    """before_request: a 400 naming the first field (or query value) that holds a NUL."""
    for name, value in [*(request.view_args or {}).items(), *request.args.items(multi=True)]:
        if isinstance(value, str) and "\x00" in value:
            raise InvalidRequest(
                f"The address holds an invisible NUL character (%00) in “{name}”: remove it and open the page again.",
                param=name,
            )
    if request.method == "POST" and request.mimetype in ("application/x-www-form-urlencoded", "multipart/form-data"):
        for name, value in request.form.items(multi=True):
            if "\x00" in value or "\x00" in name:
                raise InvalidRequest(
                    f"“{name.replace(chr(0), '')}” holds an invisible NUL character, often pasted "
                    "from another program: remove it and send the form again.",
                    param=name,
                )
