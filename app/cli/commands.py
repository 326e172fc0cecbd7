"""``flask --app wsgi kassa …`` commands: create a merchant, seed the demo."""

from __future__ import annotations

import json
import sys
from urllib.parse import urlencode

import click
from flask import current_app
from flask.cli import AppGroup
from sqlalchemy import select

from app.catalog.models import Product, Sku
from app.config import VAR_DIR
from app.errors import KassaError
from app.extensions import db
from app.merchants.models import Merchant
from app.merchants.origins import set_allowed_origins
from app.merchants.services import create_merchant
from app.merchants.settings import set_platform_fee
from app.orders.fulfilment import fulfilment_secret
from app.payments.channels.credentials import rotate_channel_keys
from app.payments.channels.registry import channel_codes
from app.platform.switches import PLATFORM, active, switch_off, switch_on
from app.platform.values.ids import new_id
from app.web.embed.snippet import embed_snippet

DEMO_EMAIL = "demo@kassa.test"
DEMO_PASSWORD = "demo-pass-1234"
DEMO_CREDENTIALS = VAR_DIR / "demo-credentials.json"


# AppGroup runs every command inside an app context, from `flask` and from tests alike.
kassa = AppGroup("kassa", help="Kassa administration.")


@kassa.command("create-merchant")
@click.option("--name", required=True)
@click.option("--email", required=True)
@click.option("--password", required=True)
def create_merchant_command(name: str, email: str, password: str) -> None:
    """Create a merchant with an owner user; print its id and test keys as one JSON line."""
    try:
        created = create_merchant(name, email, password)
    except KassaError as exc:
        click.echo(f"error: {exc.message}", err=True)
        sys.exit(2)
    click.echo(
        json.dumps(
            {
                "merchant_id": created.merchant.id,
                "secret_key": created.secret_key,
                "publishable_key": created.publishable_key,
            }
        )
    )


def _add_product(
    merchant_id: str, name: str, description: str, image: str, skus: list[tuple[str, int, dict, dict | None]]
) -> Product:
    product = Product(
        id=new_id("prod"),
        merchant_id=merchant_id,
        name=name,
        description=description,
        image_path=image,
        attributes={"type": "virtual"},
    )
    db.session.add(product)
    for sku_name, amount, specs, fulfilment in skus:
        db.session.add(
            Sku(
                id=new_id("sku"),
                merchant_id=merchant_id,
                product_id=product.id,
                name=sku_name,
                price_amount=amount,
                currency="usd",
                specs=specs,
                stock=None,
                fulfilment=fulfilment,
            )
        )
    return product


def add_demo_catalog(merchant_id: str) -> list[Product]:
    """The demo's products (a membership, also sold as a subscription, and a credit pack), not yet committed."""
    membership = _add_product(
        merchant_id,
        "Pro membership",
        "Unlimited access to every level and monthly bonus items.",
        "img/demo-membership.svg",
        [
            ("30 days", 999, {"days": 30}, {"membership_days": 30}),
            ("365 days", 9900, {"days": 365}, {"membership_days": 365}),
        ],
    )
    # Sold as a subscription: the checkout shows its terms and Kassa renews it every month (app/signing); it is
    # cheaper than the one-off options but never the one preselected (app/web/checkout/forms.py).
    db.session.add(
        Sku(
            id=new_id("sku"),
            merchant_id=merchant_id,
            product_id=membership.id,
            name="Monthly, renews",
            price_amount=799,
            currency="usd",
            specs={"renews": "monthly"},
            stock=None,
            fulfilment={"membership_days": 30},
            subscription_interval="month",
            subscription_interval_count=1,
        )
    )
    credits = _add_product(
        merchant_id,
        "Credit pack",
        "Credits to spend in the in-game shop.",
        "img/demo-credits.svg",
        [("100 credits", 500, {"credits": 100}, {"credits": 100})],
    )
    return [membership, credits]


@kassa.command("seed-demo")
def seed_demo() -> None:
    """Create the demo merchant and catalog once; a second run changes nothing."""
    existing = db.session.scalar(select(Merchant).where(Merchant.email == DEMO_EMAIL))
    if existing is not None and DEMO_CREDENTIALS.exists():
        click.echo(f"demo merchant already seeded ({existing.id}); credentials in {DEMO_CREDENTIALS}")
        return
    if existing is not None:
        click.echo(
            "demo merchant exists but its credentials file is gone; create a new merchant with "
            "`kassa create-merchant` or delete var/ to start over",
            err=True,
        )
        sys.exit(2)
    created = create_merchant("Demo Games Ltd", DEMO_EMAIL, DEMO_PASSWORD)
    merchant_id = created.merchant.id
    add_demo_catalog(merchant_id)
    db.session.commit()
    DEMO_CREDENTIALS.write_text(
        json.dumps(
            {
                "merchant_id": merchant_id,
                "secret_key": created.secret_key,
                "publishable_key": created.publishable_key,
                "portal_email": DEMO_EMAIL,
                "portal_password": DEMO_PASSWORD,
            },
            indent=2,
        )
        + "\n"
    )
    DEMO_CREDENTIALS.chmod(0o600)
    click.echo(f"seeded demo merchant {merchant_id}; credentials in {DEMO_CREDENTIALS}")


@kassa.command("fulfilment-secret")
@click.option("--merchant-id", required=True)
@click.option("--test", "test_mode", is_flag=True, help="the secret of test orders' webhooks (live ones by default)")
def fulfilment_secret_command(merchant_id: str, test_mode: bool) -> None:
    """Print the secret that signs the merchant's fulfilment webhooks (created on first use)."""
    if db.session.get(Merchant, merchant_id) is None:
        click.echo(f"error: no merchant {merchant_id}", err=True)
        sys.exit(2)
    click.echo(fulfilment_secret(merchant_id, livemode=not test_mode))


@kassa.command("demo-info")
def demo_info() -> None:
    """Print the demo URLs and portal login."""
    if not DEMO_CREDENTIALS.exists():
        click.echo("no demo seeded yet: run `flask --app wsgi kassa seed-demo`", err=True)
        sys.exit(2)
    creds = json.loads(DEMO_CREDENTIALS.read_text())
    base = current_app.config["PUBLIC_URL"].rstrip("/")
    product = db.session.scalar(select(Product).where(Product.merchant_id == creds["merchant_id"]).order_by(Product.id))
    click.echo(f"""
  Kassa is up.
    Hosted checkout:  {base}/checkout/{product.id if product else "<product id>"}
    Merchant portal:  {base}/portal/login   ({creds["portal_email"]} / {creds["portal_password"]})
    API:              {base}/api/v1  (keys in {DEMO_CREDENTIALS})
    Health:           {base}/healthz
    Sandbox provider: {current_app.config["SANDBOX_URL"]}
""")


@kassa.command("allowed-origins")
@click.option("--merchant-id", required=True)
@click.argument("origins", nargs=-1)
def allowed_origins_command(merchant_id: str, origins: tuple[str, ...]) -> None:
    """Set the sites (https://shop.example) whose pages may use the merchant's live publishable keys."""
    try:
        saved = set_allowed_origins(merchant_id, list(origins))
    except KassaError as exc:
        click.echo(f"error: {exc.message}", err=True)
        sys.exit(2)
    click.echo("allowed origins: " + (", ".join(saved) or "(none: live keys work from no browser page)"))


@kassa.command("sdk-examples-url")
@click.option("--port", default=5002, show_default=True)
def sdk_examples_url(port: int) -> None:
    """Print the URL of the SDK examples page (served on a second origin by `make run`) for the demo."""
    creds = json.loads(DEMO_CREDENTIALS.read_text())
    product = db.session.scalar(select(Product).where(Product.merchant_id == creds["merchant_id"]).order_by(Product.id))
    query = urlencode(
        {
            "kassa": current_app.config["PUBLIC_URL"].rstrip("/"),
            "key": creds["publishable_key"],
            "product": product.id if product else "",
        }
    )
    click.echo(f"    SDK examples:     http://localhost:{port}/?{query}")


@kassa.command("embed-snippet")
@click.option("--product-id", required=True)
@click.option("--publishable-key", default=None, help="pk_…; a placeholder when omitted (keys are stored hashed)")
def embed_snippet_command(product_id: str, publishable_key: str | None) -> None:
    """Print the one <script> tag that embeds the product's checkout panel in any page."""
    click.echo(embed_snippet(current_app.config["PUBLIC_URL"], product_id, publishable_key=publishable_key))


@kassa.command("platform-fee")
@click.option("--merchant", "merchant_id", required=True)
@click.option("--bps", type=int, required=True, help="basis points of each completed order (100 = 1 %)")
@click.option(
    "--fixed",
    type=int,
    default=0,
    show_default=True,
    help="minor units of --currency per completed order in that currency",
)
@click.option("--currency", default=None, help="the currency of --fixed (e.g. usd); needed with a fixed fee")
def platform_fee_command(merchant_id: str, bps: int, fixed: int, currency: str | None) -> None:
    """Set the platform's fee on a merchant's sales (taken off when orders clear)."""
    try:
        merchant = set_platform_fee(merchant_id, bps=bps, fixed=fixed, currency=currency)
    except KassaError as exc:
        click.echo(f"error: {exc.message}", err=True)
        sys.exit(2)
    click.echo(
        json.dumps(
            {
                "merchant_id": merchant.id,
                "platform_fee_bps": merchant.platform_fee_bps,
                "platform_fee_fixed": merchant.platform_fee_fixed,
                "platform_fee_fixed_currency": merchant.platform_fee_fixed_currency,
            }
        )
    )


@kassa.command("rotate-channel-keys")
def rotate_channel_keys_command() -> None:
    """Re-encrypt every merchant's channel credentials with the first key of CHANNEL_CREDENTIALS_KEYS."""
    click.echo(f"re-encrypted {rotate_channel_keys()} channel settings with the newest key")


@kassa.group("switch")
def switch_group() -> None:
    """Degradation switches (docs/operations.md): maintenance, read-only portal, a channel off."""


def _switch_args(kind: str, channel: str | None, merchant_id: str | None) -> tuple[str, str, str]:
    return merchant_id or PLATFORM, kind, channel or ""


@switch_group.command("on")
@click.argument("kind", type=click.Choice(["maintenance", "read_only_portal", "channel_off"]))
@click.option("--reason", required=True, help="Why; shoppers and colleagues see it.")
@click.option("--channel", help="For channel_off: the channel to switch off.")
@click.option("--merchant-id", help="Only this merchant (default: every merchant).")
def switch_on_command(kind: str, reason: str, channel: str | None, merchant_id: str | None) -> None:
    """Turn a switch on, at once, for every process within a second."""
    scope, kind, channel = _switch_args(kind, channel, merchant_id)
    try:
        changed = switch_on(scope, kind, channel=channel, channels=channel_codes(), reason=reason, set_by="cli")
    except KassaError as exc:
        click.echo(f"error: {exc.message}", err=True)
        sys.exit(2)
    click.echo(f"{kind}{' ' + channel if channel else ''} is on for {scope}" + ("" if changed else " (it already was)"))


@switch_group.command("off")
@click.argument("kind", type=click.Choice(["maintenance", "read_only_portal", "channel_off"]))
@click.option("--channel", help="For channel_off: the channel to switch back on.")
@click.option("--merchant-id", help="Only this merchant (default: the platform-wide switch).")
def switch_off_command(kind: str, channel: str | None, merchant_id: str | None) -> None:
    """Turn a switch off."""
    scope, kind, channel = _switch_args(kind, channel, merchant_id)
    try:
        changed = switch_off(scope, kind, channel=channel, channels=channel_codes(), set_by="cli")
    except KassaError as exc:
        click.echo(f"error: {exc.message}", err=True)
        sys.exit(2)
    click.echo(
        f"{kind}{' ' + channel if channel else ''} is off for {scope}" + ("" if changed else " (it already was)")
    )


@switch_group.command("list")
def switch_list_command() -> None:
    """Every switch that is on."""
    switches = active()
    for s in switches:
        click.echo(f"{s.kind}{' ' + s.channel if s.channel else ''}\t{s.scope}\t{s.set_at}\t{s.set_by}\t{s.reason}")
    if not switches:
        click.echo("no switch is on")
