"""Bad input on the pages: every form on every portal page, on the hosted and embedded checkout and on an order's
page, and every filter a page's GET form sends, is fed hostile values one field at a time. No answer may be a
5xx ("a 500 is a bug"); a NUL character, which PostgreSQL cannot store, is refused with a 400 naming the field.

The forms are read from the pages themselves, as a browser finds them (htmx's ``hx-post`` included), so a form
is covered the day it is added. Bounded: one world, fourteen values per field."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlencode, urlsplit

import pytest
from flask import request
from werkzeug.datastructures import ImmutableMultiDict

from tests.support.lifecycle import paid_order
from tests.support.portal import Portal, portal_pages

# What a script sends or a paste brings: NUL, an empty or blank value, odd and huge numbers, markup, a long
# string, a date that is not one, a right-to-left override, a superscript two (a digit to str.isdigit, no number
# to int), the last day a date holds (it has no next day), more digits than int() converts (4,300).
HOSTILE = [
    "nul\x00byte",
    "",
    " ",
    "-1",
    "1e309",
    "9" * 40,
    "0.5",
    "<script>x</script>",
    "x" * 5000,
    "2026-13-45",
    "\u202e",
    "\u00b2",
    "9999-12-31",
    "9" * 5000,
]


@dataclass
class Form:
    page: str
    method: str
    actions: list[str]
    fields: dict[str, str] = field(default_factory=dict)


class _Forms(HTMLParser):
    """The forms of a page: where each sends (its action, and any ``hx-post`` inside it) and its fields' first
    values (the checked one of a radio group, else the first)."""

    def __init__(self, page: str) -> None:
        super().__init__()
        self.page, self.forms, self._open = page, [], None
        self._select, self._chosen = None, set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            method = "post" if a.get("method", "get").lower() == "post" or "hx-post" in a else "get"
            # A plain submit goes to the action (or the page itself); an hx-post on the form goes there as well.
            self._open = Form(self.page, method, [a.get("action") or self.page])
            if a.get("hx-post") and a["hx-post"] != self._open.actions[0]:
                self._open.actions.append(a["hx-post"])
            self.forms.append(self._open)
            return
        if self._open is None:
            return
        if a.get("hx-post") and a["hx-post"] not in self._open.actions:
            self._open.actions.append(a["hx-post"])
        if tag == "option" and self._select is not None:
            # A select sends its selected option, else its first.
            key = (len(self.forms), self._select)
            if "selected" in a or key not in self._chosen:
                self._open.fields[self._select] = a.get("value") or ""
                self._chosen.add(key)
            return
        if tag == "select" and a.get("name"):
            self._select = a["name"]
        if tag in ("input", "select", "textarea", "button") and a.get("name"):
            name = a["name"]
            if a.get("type") in ("checkbox", "radio") and name in self._open.fields and "checked" not in a:
                return
            self._open.fields[name] = a.get("value") or ("on" if a.get("type") == "checkbox" else "")

    def handle_endtag(self, tag):
        if tag == "form":
            self._open = None
        elif tag == "select":
            self._select = None


def _forms(client, pages: list[str], prefixes: tuple[str, ...]) -> list[tuple[Form, str]]:
    """(form, path it sends to) for each distinct form of ``pages`` sending under ``prefixes``."""
    found, seen = [], set()
    for page in pages:
        response = client.get(page)
        if response.status_code != 200 or "text/html" not in response.content_type:
            continue
        parser = _Forms(page)
        parser.feed(response.get_data(as_text=True))
        for form in parser.forms:
            for action in form.actions:
                path = urlsplit(action).path or urlsplit(page).path
                query = urlsplit(action).query
                key = (form.method, path, tuple(sorted(form.fields)))
                if path.startswith(prefixes) and path != "/portal/logout" and key not in seen:
                    seen.add(key)
                    found.append((form, path + (f"?{query}" if query else "")))
    # Forms that remove something last, so they do not take the world away from the others.
    return sorted(found, key=lambda f: any(w in f[1] for w in ("delete", "revoke", "remove", "archive")))


def _feed(client, forms: list[tuple[Form, str]], *, keep_csrf: bool) -> tuple[list, list]:
    """Every hostile value in every field, one at a time. (server errors, NULs not refused with a 400 naming it)."""
    server_errors, nul_not_refused = [], []
    # NUL first through every field, before the many tries reach a rate limit (a payment's attempts are).
    for value in HOSTILE:
        for form, target in forms:
            for name in [n for n in form.fields if n != "csrf_token"]:
                data = {**form.fields, name: value}
                if form.method == "post":
                    if not keep_csrf:
                        data.pop("csrf_token", None)  # Portal.post adds the session's own
                    response = client.post(target, data=data) if keep_csrf else client.post(target, data)
                else:
                    response = client.get(target, query_string=data)
                body = response.get_data(as_text=True)
                if response.status_code >= 500:
                    server_errors.append((form.method, target, name, value[:12], response.status_code))
                if "\x00" in value and not (response.status_code == 400 and "NUL" in body and name in body):
                    nul_not_refused.append((form.method, target, name, response.status_code))
    return server_errors, nul_not_refused


def test_no_portal_form_or_filter_answers_a_server_error(app, api, sandbox, merchant, catalog, portal: Portal, world):
    # Forms only some states show: a paid order's refund form, an order held for review.
    from app.extensions import db
    from app.risk.rules import create_rule

    paid = paid_order(api, sandbox, catalog["sku"])
    with app.app_context():
        create_rule(
            merchant.id, {"kind": "amount_limit", "params": {"max_amount": 1}, "action": "review"}, livemode=False
        )
        db.session.commit()
    held = api.post(
        "/orders",
        json={
            "items": [{"sku": catalog["sku"], "quantity": 1}],
            "customer": {"id": "cus_held"},
            "agreement_accepted": True,
        },
    ).json
    pages = [*portal_pages(app, world), f"/portal/orders/{paid['id']}", f"/portal/orders/{held['id']}"]
    forms = _forms(portal, pages, ("/portal/",))
    sent_to = {target.rsplit("/", 1)[-1] for _, target in forms}
    assert {"refunds", "review", "preview", "sandbox_card"} <= sent_to, sent_to
    assert len(forms) > 60, len(forms)
    server_errors, nul_not_refused = _feed(portal, forms, keep_csrf=False)
    assert server_errors == []
    assert nul_not_refused == []


def _checkout_pages(api, merchant, catalog) -> list[str]:
    """The hosted panel, the embedded panel and a new order's page, as a shopper's browser opens them."""
    order = api.post(
        "/orders",
        json={
            "items": [{"sku": catalog["sku"], "quantity": 1}],
            "customer": {"id": "cus_hostile"},
            "agreement_accepted": True,
        },
    ).json
    return [
        f"/checkout/{catalog['product']}",
        f"/embed/{catalog['product']}?key={merchant.publishable_key}&origin=https://shop.example",
        f"/checkout/orders/{order['id']}?client_secret={order['client_secret']}",
    ]


def _with_query(page: str, query: str) -> str:
    return page + ("&" if "?" in page else "?") + query


def test_no_checkout_form_answers_a_server_error(app, client, api, merchant, catalog):
    pages = _checkout_pages(api, merchant, catalog)
    forms = _forms(client, pages, ("/checkout/", "/embed/"))
    sent_to = {target.split("?")[0].rsplit("/", 1)[-1] for _, target in forms}
    assert {"quote", "pay"} <= sent_to, sent_to
    # Query values too (before the many tries below reach the shopper's rate limit).
    for page in pages:
        refused = client.get(_with_query(page, "quantity=2%00"))
        assert refused.status_code == 400 and "NUL" in refused.get_data(as_text=True), page
    server_errors, nul_not_refused = _feed(client, forms, keep_csrf=True)
    assert server_errors == []
    assert nul_not_refused == []


class _RecordedArgs(ImmutableMultiDict):
    """A request's query that notes each name the view asks for; ``*`` when it reads the whole query."""

    def __init__(self, mapping, read: set[str]) -> None:
        super().__init__(mapping)
        self.read = read

    def __getitem__(self, key):
        self.read.add(key)
        return super().__getitem__(key)

    def get(self, key, default=None, type=None):
        self.read.add(key)
        return super().get(key, default, type)

    def getlist(self, key, type=None):
        self.read.add(key)
        return super().getlist(key, type)

    def __contains__(self, key) -> bool:
        self.read.add(key)
        return super().__contains__(key)

    def _whole(self) -> None:
        self.read.add("*")

    def items(self, multi=False):
        self._whole()
        return super().items(multi)

    def lists(self):
        self._whole()
        return super().lists()

    def keys(self):
        self._whole()
        return super().keys()

    def values(self):
        self._whole()
        return super().values()

    def to_dict(self, flat=True):
        self._whole()
        return super().to_dict(flat)

    def copy(self):
        self._whole()
        return super().copy()

    def __iter__(self):
        self._whole()
        return super().__iter__()


@pytest.fixture
def view_reads(app, monkeypatch) -> set[str]:
    """The query parameters the portal's views (and the templates they render) read since the set was last
    emptied; ``*`` when one read the whole query. The checks every request passes before its view (a NUL, a
    repeated name) read all of it, whatever the page: they are not counted."""
    read: set[str] = set()

    def recording(view):
        @functools.wraps(view)
        def view_noting_reads(*args, **kwargs):
            current = request._get_current_object()
            current.__dict__["args"] = _RecordedArgs(current.args, read)
            return view(*args, **kwargs)

        return view_noting_reads

    for endpoint, view in list(app.view_functions.items()):
        if endpoint.startswith("portal."):
            monkeypatch.setitem(app.view_functions, endpoint, recording(view))
    return read


# Cursors and page numbers are written by the pages' own links, but a person edits a URL, and a link outlives the
# row it names. One test per parameter (each walks every page), so the suite's workers share the walk. A page whose
# view never reads the parameter answers the first value as it answers none, so it gets only that one.
PAGING_PARAMS = ("starting_after", "ending_before", "after", "before", "page", "list", "currency", "partner", "range")


@pytest.mark.parametrize("param", PAGING_PARAMS)
def test_no_portal_page_answers_a_server_error_to_odd_paging_values(app, portal: Portal, world, view_reads, param):
    # 3000000000: past a 32-bit id, inside 64 bits; 5,000 digits: more than int() converts.
    values = (
        "x",
        "-1",
        "9" * 40,
        "2026-13-45",
        "ord_zzzzzzzzzzzzzzzzzzzzzzzzzz",
        "1e309",
        "%",
        "\u00b2",
        "3000000000",
        "9" * 5000,
    )
    server_errors, reading = [], []
    for page in portal_pages(app, world):
        view_reads.clear()
        for value in values:
            response = portal.get(page, query_string={param: value})
            if response.status_code >= 500:
                server_errors.append((page, value, response.status_code))
            if not view_reads & {param, "*"}:
                break  # its view never read the parameter: the other values would meet the same page
        else:
            reading.append(page)
    assert server_errors == []
    assert reading, f"no portal page reads {param}: a walk of its values would test nothing"


def test_no_checkout_page_answers_a_server_error_to_odd_query_values(app, client, api, merchant, catalog):
    # What a merchant's link or an edited URL may carry into the first view of a panel or an order page.
    pages = _checkout_pages(api, merchant, catalog)
    params = ("sku", "quantity", "channel", "coupon", "email", "currency", "agree", "seen", "locale", "frame")
    answers, server_errors = [], []
    for page in pages:
        for param in params:
            for value in HOSTILE[1:]:  # NUL: refused with a 400 by the test above
                url = _with_query(page, urlencode({param: value}))
                # Each from its own address, so the shopper's rate limit does not hide an answer.
                response = client.get(
                    url, environ_base={"REMOTE_ADDR": f"127.0.{len(answers) // 250}.{len(answers) % 250 + 1}"}
                )
                answers.append(response.status_code)
                if response.status_code >= 500:
                    server_errors.append((page.split("?")[0], param, value[:12], response.status_code))
    assert server_errors == []
    assert answers.count(200) == len(answers)  # each page still shows, whatever the query carried
    # Each value twice, and a query value that is no UTF-8: a 400 page when the page reads it, never a 5xx.
    for page in pages:
        for param in (*params, "client_secret", "key", "origin"):
            for query in (f"{param}=1&{param}=2", f"{param}=%FF"):
                response = client.get(
                    _with_query(page, query),
                    environ_base={"REMOTE_ADDR": f"127.1.{len(answers) // 250}.{len(answers) % 250 + 1}"},
                )
                answers.append(response.status_code)
                assert response.status_code in (200, 400), (page.split("?")[0], query, response.status_code)
                assert "text/html" in response.content_type


def test_a_superscript_digit_is_not_a_quantity_or_a_setting(client, portal: Portal, catalog):
    # str.isdigit says yes to '²' and int() then fails: the panel's quantity, a partner's reserve and the risk
    # settings answered a 500.
    panel = _forms(client, [f"/checkout/{catalog['product']}"], ("/checkout/",))[0][0]
    for path in (f"/checkout/{catalog['product']}/quote", f"/checkout/{catalog['product']}/pay"):
        response = client.post(path, data={**panel.fields, "quantity": "\u00b2", "agree": "on"})
        assert response.status_code < 500, path  # the panel again (the quote: 200), the error beside the field
        assert "Enter a whole number from 1 to 99." in response.get_data(as_text=True)
    for path, name, says in [
        ("/portal/risk/review-expiry", "review_expiry_hours", "whole number of hours"),
        ("/portal/risk/rate-limits", "rate_limit_api_per_minute", "whole number of requests"),
        ("/portal/partners", "reserve_bps", "whole number of basis points from 0 to 10000"),
        ("/portal/partners", "reserve_days", "whole number of days from 0 to 365"),
    ]:
        refused = portal.post(path, {"name": "Superscript Studio", name: "\u00b2"})
        assert refused.status_code == 422 and says in refused.get_data(as_text=True), path
        assert name.capitalize() not in refused.get_data(as_text=True)  # the form's words, not the API's name
    assert "Superscript Studio" not in portal.text("/portal/partners")


def test_the_last_day_a_date_holds_is_a_filter_not_a_500(portal: Portal, world):
    # "To 9999-12-31" (a merchant's "no end") filtered up to the day after it, which no date holds: a 500.
    for page, param, shows in [
        ("/portal/orders", "end", world.order),
        ("/portal/audit", "end", "Audit"),
        ("/portal/developers/logs", "until", world.api_request),
    ]:
        response = portal.get(page, query_string={param: "9999-12-31"})
        assert response.status_code == 200 and shows in response.get_data(as_text=True), page
    # The dashboard compares with the days before its range and reads the day after it: it says which days it takes.
    for query in (
        {"range": "custom", "end": "9999-12-31"},
        {"range": "custom", "start": "0001-01-01"},
        {"range": "custom", "end": "0001-01-05"},
    ):
        refused = portal.get("/portal/dashboard", query_string=query)
        assert refused.status_code == 422 and "Choose days from 1970-01-01 to 9999-12-30." in refused.get_data(
            as_text=True
        ), query
