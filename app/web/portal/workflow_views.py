"""Operations, seen: where the merchant's orders are now (counts per status, the longest waiting, what is
stuck) and the state machines they move through, drawn from the code's own tables."""

from __future__ import annotations

from datetime import datetime

from flask import abort, render_template, request, url_for
from flask_login import current_user

from app.operations.order_watch import STUCK_LISTS, status_counts, stuck_list, stuck_page
from app.operations.workflows import MACHINES
from app.platform.db.types import utcnow
from app.web.fragments import render_page_or_block
from app.web.portal import bp
from app.web.portal.access import permission_required
from app.web.portal.mode_views import portal_livemode

OVERVIEW_ROWS = 10
PAGE_SIZE = 25


@bp.app_template_filter("age")
def age_filter(since: datetime | None) -> str:
    """How long ago ``since`` was, in the largest whole units that matter: "4 min", "2 h 5 min", "3 days"."""
    if since is None:
        return ""
    minutes = max(int((utcnow() - since).total_seconds() // 60), 0)
    if minutes < 60:
        return f"{minutes} min"
    if minutes < 48 * 60:
        return f"{minutes // 60} h {minutes % 60} min"
    return f"{minutes // (24 * 60)} days"


@bp.get("/operations/now")
@permission_required("orders.view")
def operations_now():
    merchant_id, livemode = current_user.merchant_id, portal_livemode()
    key = request.args.get("list")
    if key:
        try:
            kind = stuck_list(key)
        except KeyError:
            abort(404, description=f"There is no list {key!r}.")
        rows, total, after = stuck_page(
            merchant_id, key, livemode=livemode, limit=PAGE_SIZE, after=request.args.get("after") or None
        )
        return render_template(
            "portal/operations_stuck.html",
            kind=kind,
            rows=rows,
            total=total,
            next_url=url_for("portal.operations_now", list=key, after=after) if after else None,
            first_url=url_for("portal.operations_now", list=key) if request.args.get("after") else None,
        )
    stuck = [(kind, *stuck_page(merchant_id, kind.key, livemode=livemode, limit=OVERVIEW_ROWS)) for kind in STUCK_LISTS]
    # htmx refreshes the figures in place every few seconds; a plain request gets the whole page.
    return render_page_or_block(
        "portal/operations_now.html",
        "now",
        counts=status_counts(merchant_id, livemode=livemode),
        stuck=stuck,
        checked_at=utcnow(),
    )


@bp.get("/operations/workflow")
@permission_required("orders.view")
def operations_workflow():
    return render_template("portal/operations_workflow.html", machines=MACHINES)
