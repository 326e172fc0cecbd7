"""What an API key scoped to a business line may see and make: that line's orders, subscriptions and refunds, and
its own line's settings. An object of another line (or of none) is a 404, as another merchant's is; what it creates
is put in its line; what concerns the whole business (adding or archiving a line) is a 403."""

from __future__ import annotations

from app.errors import InvalidRequest, NotFound, PermissionDenied
from app.merchants.business_lines import line_for_new_record
from app.orders.business_line import line_to_filter
from app.web.api.auth import caller


def line_for_creating(asked: str | None) -> str | None:
    """The line a new order or subscription is asked in: a scoped key's own (naming another is a 400)."""
    who = caller()
    if who.business_line is None:
        return asked
    if asked is not None and line_for_new_record(who.merchant_id, asked) != who.business_line:
        raise InvalidRequest("this API key is scoped to another business line", param="business_line")
    return who.business_line


def refuse_out_of_scope(line_id: str | None, message: str) -> None:
    """A 404 (``message``) for an object a scoped key may not see."""
    scope = caller().business_line
    if scope is not None and line_id != scope:
        raise NotFound(message, param="id")


def line_to_list(asked: str | None) -> tuple[str | None, bool]:
    """The line a list is filtered by, and whether it is empty for this caller (a scoped key asking for another)."""
    who = caller()
    if who.business_line is None:
        return asked, False
    if asked is not None and line_to_filter(who.merchant_id, asked) != who.business_line:
        return who.business_line, True
    return who.business_line, False


def refuse_scoped_key(action: str) -> None:
    """A 403 for a key scoped to a business line asking for ``action``, which only a whole-business key may do."""
    if caller().business_line is not None:
        raise PermissionDenied(
            f"this API key is scoped to one business line: {action} takes a key for the whole business",
            code="key_scoped_to_line",
        )
