"""Portal access and change recording: the permission decorator, the acting user, the audit helper.

Every portal view is decorated with ``permission_required("<permission>")`` (the table is
``app/merchants/permissions.py``); a test walks the URL map to keep it so. A view that changes
something wraps its service call in ``audit(...)`` so the audit row joins the service's commit::

    @bp.post("/products/<product_id>")
    @permission_required("catalog.manage")
    def products_update(product_id):
        with audit("product.update", Product, product_id):
            update_product(current_user.merchant_id, product_id, ...)
"""

from __future__ import annotations

import re
from functools import wraps
from typing import Callable
from urllib.parse import urlsplit

from flask import render_template, request, url_for
from flask_login import current_user
from flask_wtf import FlaskForm

from app.audit.services import AuditActor, audited
from app.errors import KassaError
from app.extensions import db, login_manager
from app.merchants.permissions import PERMISSIONS, ROLES, can, roles_with
from app.platform.switches import portal_read_only
from app.web.errors import page_error
from app.web.fragments import is_htmx


def permission_required(permission: str) -> Callable:
    """Require a signed-in user whose role has ``permission``; otherwise sign in, or a 403 page."""
    can(None, permission)  # an unknown permission fails at import time, not at request time

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def guarded(*args, **kwargs):
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if not can(current_user.role, permission):
                return forbidden(permission)
            if request.method != "GET" and (switch := portal_read_only()) is not None:
                # The operator froze changes (docs/operations.md): reading goes on, nothing is written.
                if is_htmx():  # a part of a page asked: said above the page, which stays
                    return page_error(
                        503,
                        f"Kassa's operator has paused changes for maintenance: {switch.reason}. "
                        "Nothing was changed; try again once maintenance is over.",
                    )
                return render_template("portal/read_only.html", reason=switch.reason), 503
            return view(*args, **kwargs)

        guarded.permission = permission  # read by the test that checks every route is guarded
        return guarded

    return decorate


def forbidden(permission: str):
    """The 403 page: what was refused, and which roles could do it."""
    if is_htmx():
        return page_error(
            403,
            f"Your role ({current_user.role}) does not allow this: it needs the permission "
            f"“{PERMISSIONS[permission]}”. Ask an owner of your business if you need it.",
        )
    return render_template(
        "portal/forbidden.html",
        permission=PERMISSIONS[permission],
        role=current_user.role,
        role_description=ROLES.get(current_user.role, ""),
        allowed=roles_with(permission),
    ), 403


def portal_actor() -> AuditActor:
    """The signed-in user as the audit log records them."""
    return AuditActor(
        merchant_id=current_user.merchant_id,
        user_id=current_user.id,
        email=current_user.email,
        role=current_user.role,
        ip=request.remote_addr,
    )


def audit(action: str, model: type, object_id: str | None = None, *, snapshot: Callable | None = None):
    """``audited`` for the signed-in user: use it around the one service call that makes the change."""
    return audited(portal_actor(), action, model, object_id, snapshot=snapshot)


def show_error(form: FlaskForm, error: KassaError, *, fields: dict[str, str] | None = None) -> None:
    """Put a domain error next to the field it names (its ``param``), or above the form."""
    db.session.rollback()
    message = error.message[:1].upper() + error.message[1:]
    message += "" if message.endswith((".", "?", "!")) else "."
    fields = fields or {}
    param = error.param or ""
    # "prices[1].currency" names the "prices" field unless the view maps the full path.
    base = param.split(".")[0].split("[")[0]
    name = fields.get(param) or (param if param in form._fields else fields.get(base, base))
    field = form._fields.get(name) if name else None
    if field is not None:
        field.errors = [*field.errors, _in_form_words(form, message, error.message, param, field)]
    else:
        form.form_errors.append(message)


def _in_form_words(form: FlaskForm, message: str, said: str, param: str, field) -> str:
    """A service message that names fields by their API names ("min_amount (100) must not exceed max_amount (50)")
    said with the names the form shows ("Minimum order total (100) must not exceed maximum order total (50)")."""
    if param and said.startswith(param + " "):
        message = _subject(field.label.text) + message[len(param) :]
    for name, other in form._fields.items():
        if "_" in name and name != "csrf_token":  # an API name, not a word of the sentence ("name", "url")
            message = re.sub(rf"\b{re.escape(name)}\b", _subject(other.label.text).lower(), message)
    return message


def _subject(label: str) -> str:
    """A field's label as the subject of a sentence: without its hint in brackets ("Minimum order total (minor
    units, e.g. cents)"); "This field" for a label that is not a name ("…or a logo URL")."""
    subject = label.split(" (")[0].strip()
    return subject if subject and not subject.startswith("…") else "This field"


def safe_next(target: str | None, default: str = "portal.orders") -> str:
    """Only same-site relative paths: an open redirect (after login, after an action) is a phishing tool."""
    if (
        target
        and target.startswith("/")
        and not target.startswith("//")
        and "\\" not in target
        and not urlsplit(target).netloc
    ):
        return target
    return url_for(default)
