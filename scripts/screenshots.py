"""Refresh docs/screenshots/: the hosted checkout and the portal at a desktop (1280×800) and a phone (390×844) size.

Run ``make screenshots`` (or ``.venv/bin/python scripts/screenshots.py`` once ``make test`` has installed the
development requirements and Chromium). Like the tests, it serves Kassa and the sandbox provider from this
process on free loopback ports, on a throwaway SQLite database and KASSA_VAR_DIR, seeds the demo catalog with a
week of orders paid through the sandbox, and drives Debian's Chromium with Playwright. It needs Redis at
SCREENSHOTS_REDIS_URL (default redis://127.0.0.1:6379/11, a database of its own that it empties first).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
SIZES = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
REDIS_URL = os.environ.get("SCREENSHOTS_REDIS_URL", "redis://127.0.0.1:6379/11")
# Orders per day over the past week, oldest first: the dashboard's charts get a shape instead of one bar.
ORDERS_PER_DAY = [2, 3, 1, 4, 2, 3, 2]


def start_kassa(workdir: Path):
    """Kassa and the sandbox provider on free loopback ports, migrated, as the test suite starts them."""
    from flask_migrate import upgrade

    from app import create_app
    from sandbox import create_sandbox_app
    from tests.conftest import ServerThread, free_port

    kassa_port, sandbox_port = free_port(), free_port()
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{workdir / 'kassa.db'}",
            "REDIS_URL": REDIS_URL,
            "RATELIMIT_STORAGE_URI": REDIS_URL,
            "RQ_QUEUE": "kassa-screenshots",
            "PUBLIC_URL": f"http://127.0.0.1:{kassa_port}",
            "SANDBOX_URL": f"http://127.0.0.1:{sandbox_port}",
            "POLL_AFTER_SECONDS": 0,
            "OUTBOUND_ALLOWED_NETWORKS": "127.0.0.0/8,::1/128",
        }
    )
    with app.app_context():
        upgrade(directory=str(ROOT / "migrations"))
    sandbox_app = create_sandbox_app(
        {
            "SANDBOX_DATABASE_URL": f"sqlite:///{workdir / 'sandbox.db'}",
            "SANDBOX_PUBLIC_URL": f"http://127.0.0.1:{sandbox_port}",
            "SANDBOX_CALLBACK_DELAY_SECONDS": 0.1,
        }
    )
    kassa, sandbox = ServerThread(app, kassa_port), ServerThread(sandbox_app, sandbox_port)
    kassa.start()
    sandbox.start()
    return app, kassa, sandbox


def seed(app, sandbox_url: str) -> dict:
    """The demo merchant and catalog, a week of orders (most paid, one declined, one partly refunded)."""
    from sqlalchemy import select

    from app.cli.commands import DEMO_EMAIL, DEMO_PASSWORD, add_demo_catalog
    from app.extensions import db
    from app.merchants.services import create_merchant
    from app.orders.models import Order, OrderTimelineEntry
    from tests.conftest import Api, Sandbox, wait_for

    with app.app_context():
        created = create_merchant("Demo Games Ltd", DEMO_EMAIL, DEMO_PASSWORD)
        membership, credits = add_demo_catalog(created.merchant.id)
        db.session.commit()
        skus = [sku.id for sku in membership.skus + credits.skus if sku.subscription_interval is None]  # one-off
        product = membership.id
    api, sandbox = Api(app.test_client(), created.secret_key), Sandbox(sandbox_url)

    def order(day: int, n: int, outcome: str) -> dict:
        made = api.post(
            "/orders",
            json={
                "items": [{"sku": skus[n % len(skus)], "quantity": 1 + n % 2}],
                "customer": {"id": f"cus_demo_{n}"},
                "agreement_accepted": True,
            },
        ).json
        payment = api.post(f"/orders/{made['id']}/pay", json={"channel": "sandbox_card"}).json["payment"]
        sandbox.simulate(payment["provider_reference"], outcome)
        wait_for(lambda: api.get(f"/orders/{made['id']}").json["payments"][-1]["status"] != "pending")
        with app.app_context():  # moved back in time as a whole, so the dashboard counts it on its own day
            back = timedelta(days=len(ORDERS_PER_DAY) - 1 - day)
            row = db.session.get(Order, made["id"])
            row.created_at, row.updated_at = row.created_at - back, row.updated_at - back
            for entry in db.session.scalars(select(OrderTimelineEntry).where(OrderTimelineEntry.order_id == row.id)):
                entry.at -= back
            db.session.commit()
        return made

    made = [
        order(day, n, "succeeded")
        for day, count in enumerate(ORDERS_PER_DAY)
        for n in range(sum(ORDERS_PER_DAY[:day]), sum(ORDERS_PER_DAY[:day]) + count)
    ]
    order(len(ORDERS_PER_DAY) - 1, len(made), "failed")
    shown = made[-1]
    assert (
        api.post(f"/orders/{shown['id']}/refunds", json={"amount": 300, "reason": "Shopper asked"}).status_code == 201
    )
    return {"product": product, "order": shown["id"], "client_secret": shown["client_secret"]}


def take(base_url: str, demo: dict) -> list[Path]:
    """Five pages at each size, written as PNG files under docs/screenshots/."""
    from playwright.sync_api import expect, sync_playwright

    from app.cli.commands import DEMO_EMAIL, DEMO_PASSWORD
    from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS

    OUT.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for size_name, size in SIZES.items():
            context = browser.new_context(viewport=size, base_url=base_url, reduced_motion="reduce")
            context.set_default_timeout(15_000)
            page = context.new_page()

            def shot(name: str) -> None:
                # Down to a third of a screen more: what a reader scrolls to first, in a file of modest size.
                # A page with a bar stuck to the screen's bottom (the checkout's Pay on a phone) is shown as it loads:
                # one screen, with the bar where the shopper sees it rather than in the middle of a longer picture.
                path = OUT / f"{name}-{size_name}.png"
                sticky = page.evaluate(
                    "() => [...document.querySelectorAll('.pay-dock')]"
                    ".some(bar => getComputedStyle(bar).position === 'sticky')"
                )
                height = (
                    size["height"]
                    if sticky
                    else min(page.evaluate("() => document.documentElement.scrollHeight"), size["height"] * 4 // 3)
                )
                page.screenshot(
                    path=str(path), full_page=True, clip={"x": 0, "y": 0, "width": size["width"], "height": height}
                )
                written.append(path)

            page.goto(f"/checkout/{demo['product']}")
            expect(page.get_by_role("button", name="Pay")).to_be_visible()
            shot("checkout")
            page.goto(f"/checkout/orders/{demo['order']}?client_secret={demo['client_secret']}")
            expect(page.get_by_text("Payment successful")).to_be_visible()
            shot("checkout-paid")
            page.goto("/portal/login")
            page.get_by_label("Email").fill(DEMO_EMAIL)
            page.get_by_label("Password").fill(DEMO_PASSWORD)
            page.get_by_role("button", name="Sign in").click()
            expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()
            page.goto("/portal/dashboard")
            expect(page.locator("#chart-gmv")).to_be_visible()
            page.wait_for_load_state("networkidle")
            shot("portal-dashboard")
            page.goto("/portal/orders")
            shot("portal-orders")
            page.goto(f"/portal/orders/{demo['order']}")
            expect(page.get_by_role("heading", name=f"Order {demo['order']}")).to_be_visible()
            shot("portal-order")
            context.close()
        browser.close()
    return written


def main() -> None:
    workdir = Path(tempfile.mkdtemp(prefix="kassa-screenshots-"))
    os.environ["KASSA_VAR_DIR"] = str(workdir)  # uploads and logs stay out of the project's var/
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))
    import logging

    from redis import Redis

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one line per request would bury the file list
    Redis.from_url(REDIS_URL).flushdb()
    app, kassa, sandbox = start_kassa(workdir)
    try:
        demo = seed(app, sandbox.url)
        for path in take(kassa.url, demo):
            print(f"{path.relative_to(ROOT)}  {path.stat().st_size // 1024} KB")
    finally:
        kassa.stop()
        sandbox.stop()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
