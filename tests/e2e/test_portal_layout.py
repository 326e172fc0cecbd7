"""Every portal page is built from one set of components (templates/portal/_components.html): one page header
holding the page's only h1, primary actions that are buttons (or links styled by the one button class), every
form control in the field component beside its label, every table inside the shared table frame, and an empty
list shown as the empty state rather than a table of headings with no rows. A merchant moving between pages meets the
same layout everywhere."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.e2e.test_portal import sign_in
from tests.support.portal import build_world, portal_pages

pytestmark = pytest.mark.e2e

# What breaks the shared structure on the page in view, as short sentences (empty when it follows it).
STRUCTURE_PROBLEMS = """() => {
  const problems = [];
  const main = document.querySelector("main");
  const headers = main.querySelectorAll(".page-header");
  const h1s = document.querySelectorAll("h1");
  if (headers.length !== 1) problems.push(headers.length + " page headers");
  if (h1s.length !== 1) problems.push(h1s.length + " h1 elements");
  else if (!h1s[0].parentElement.matches(".page-header")) problems.push("the h1 is outside the page header");
  main.querySelectorAll(".primary").forEach(el => {
    if (!el.matches("button, a.button")) problems.push("a primary action that is a bare " + el.tagName.toLowerCase());
  });
  main.querySelectorAll("table").forEach(table => {
    const name = (table.caption ? table.caption.textContent : table.getAttribute("aria-label") || "").trim();
    if (!table.parentElement.matches(".table-frame")) problems.push("table '" + name + "' outside the table frame");
    const body = table.tBodies[0];
    if (body && body.rows.length === 0) problems.push("table '" + name + "' with no rows instead of the empty state");
  });
  main.querySelectorAll("input:not([type=hidden], [type=submit], [type=button]), select, textarea").forEach(control => {
    if (control.closest("table, [hidden]")) return;  /* a row's own inline action, or a field of another kind */
    const field = control.closest(".field");
    const label = control.labels && control.labels[0];
    if (!field || !label || !field.contains(label)) problems.push("#" + control.id + " outside the field component");
  });
  main.querySelectorAll(".empty, .heading-row").forEach(el => problems.push("old markup: ." + el.className));
  return problems;
}"""


def structure_problems(page: Page, paths: list[str]) -> tuple[dict[str, list[str]], int]:
    found, visited = {}, 0
    for path in paths:
        response = page.goto(path)
        if "text/html" not in (response.headers.get("content-type") or ""):
            continue  # images and downloads are not pages
        visited += 1
        problems = page.evaluate(STRUCTURE_PROBLEMS)
        if problems:
            found[path] = problems
    return found, visited


def test_every_portal_page_uses_the_shared_components(page: Page, app, merchant, catalog):
    world = build_world(app, merchant.id, catalog["sku"])
    sign_in(page, merchant.email, merchant.password)
    found, visited = structure_problems(page, portal_pages(app, world))
    assert visited >= 20
    assert not found, "\n".join(f"{path}: {problems}" for path, problems in found.items())


def test_a_new_merchants_lists_show_the_empty_state(page: Page, app, other_merchant):
    lists = [
        "/portal/orders",
        "/portal/products",
        "/portal/coupons",
        "/portal/subscriptions",
        "/portal/settlements",
        "/portal/wallets",
        "/portal/developers/webhooks",
        "/portal/developers/logs",
        "/portal/developers/deliveries",
    ]
    sign_in(page, other_merchant.email, other_merchant.password)
    without_arguments = [
        rule.rule
        for rule in app.url_map.iter_rules()
        if rule.endpoint.startswith("portal.")
        and "GET" in rule.methods
        and not rule.arguments
        and not rule.endpoint.endswith("_export")
        and not rule.rule.endswith(".csv")
    ]
    assert without_arguments, "no portal list page in the URL map"
    found, _ = structure_problems(page, sorted(without_arguments))
    assert not found, "\n".join(f"{path}: {problems}" for path, problems in found.items())
    for path in lists:
        page.goto(path)
        assert page.locator("main .empty-state").count() >= 1, f"{path} shows no empty state"


def test_a_coupons_dates_are_fields_like_the_others(page: Page, merchant):
    """ "Valid from" and "Valid until" were the browser's small unstyled boxes beside full-width fields."""
    sign_in(page, merchant.email, merchant.password)
    page.goto("/portal/coupons/new")
    code = page.get_by_label("Code", exact=True).bounding_box()
    for label in ("Valid from (UTC)", "Valid until (UTC)"):
        box = page.get_by_label(label).bounding_box()
        assert box and code and abs(box["width"] - code["width"]) <= 1, (label, box, code)
