"""Developers → Logs: the merchant's API requests, newest first, and one request with its redacted bodies."""

from __future__ import annotations

from flask import render_template, request, url_for
from flask_login import current_user
from wtforms import SelectChoice

from app.merchants.api_keys import list_api_keys
from app.merchants.permissions import can
from app.request_log.history import RequestFilter, get_api_request, linked_object, page_api_requests, readable
from app.web.portal import bp
from app.web.portal.access import permission_required
from app.web.portal.developer_forms import ANY, RequestLogFilterForm

PAGE_SIZE = 50
_FILTER_ARGS = ("status", "method", "path", "key", "request_id", "since", "until")
# Where the portal shows each kind of object a request can name, and who may open it.
_OBJECT_PAGES = {
    "order": ("portal.orders_detail", "order_id", "orders.view"),
    "subscription": ("portal.subscriptions_detail", "subscription_id", "orders.view"),
    "product": ("portal.product_edit", "product_id", "catalog.manage"),
}


def _key_choice(key) -> str:
    label = f"{'sk' if key.kind == 'secret' else 'pk'}_{key.mode}_…{key.last4}"
    label = f"{key.name} ({label})" if key.name else label
    return f"{label}, revoked" if key.revoked_at else label


@bp.get("/developers/logs")
@permission_required("developers.manage")
def developers_logs():
    merchant_id = current_user.merchant_id
    form = RequestLogFilterForm(request.args)
    keys = list_api_keys(merchant_id)
    form.key.choices = [ANY] + [SelectChoice(k.id, _key_choice(k)) for k in keys]
    valid = form.validate()
    where = (
        RequestFilter(
            status_class=form.status.data or None,
            method=form.method.data or None,
            path_contains=form.path.data or None,
            key_id=form.key.data or None,
            request_id=form.request_id.data or None,
            since=form.since.data,
            until=form.until.data,
        )
        if valid
        else RequestFilter()
    )
    page = page_api_requests(
        merchant_id,
        where,
        limit=PAGE_SIZE,
        starting_after=request.args.get("starting_after") or None,
        ending_before=request.args.get("ending_before") or None,
    )
    args = {name: request.args[name] for name in _FILTER_ARGS if request.args.get(name)}
    newer = url_for("portal.developers_logs", ending_before=page.rows[0].id, **args) if page.has_newer else None
    older = url_for("portal.developers_logs", starting_after=page.rows[-1].id, **args) if page.has_older else None
    # Bad filters get their inline messages and a 422; the list below them is then unfiltered.
    # Names are the keys' current ones: a developer renames a key to say where it is used.
    return render_template(
        "portal/api_requests.html",
        form=form,
        page=page,
        filtered=bool(args),
        newer_url=newer,
        older_url=older,
        key_names={k.id: k.name for k in keys if k.name},
    ), 200 if valid else 422


@bp.get("/developers/logs/<log_id>")
@permission_required("developers.manage")
def developers_log(log_id: str):
    entry = get_api_request(current_user.merchant_id, log_id)  # another merchant's request is a 404
    request_body, _ = readable(entry.request_body)
    response_body, response_json = readable(entry.response_body)
    linked = linked_object(entry, response_json)
    object_url = None
    if linked is not None:
        endpoint, argument, permission = _OBJECT_PAGES[linked[0]]
        if can(current_user.role, permission):
            object_url = url_for(endpoint, **{argument: linked[1]})
    key_name = next((k.name for k in list_api_keys(current_user.merchant_id) if k.id == entry.key_id), None)
    return render_template(
        "portal/api_request.html",
        entry=entry,
        request_body=request_body,
        response_body=response_body,
        linked=linked,
        object_url=object_url,
        key_name=key_name,
    )
