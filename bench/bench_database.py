"""A fresh, empty database for a benchmark run (PostgreSQL: drop and create)."""

from __future__ import annotations

from sqlalchemy import create_engine, text


def fresh_database(url: str) -> None:
    if not url.startswith("postgresql"):
        return
    admin = create_engine(url.rsplit("/", 1)[0] + "/postgres", isolation_level="AUTOCOMMIT")
    name = url.rsplit("/", 1)[1]
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()


def seed_bench_merchant(app):
    """Migrate the app's database and add a merchant with one product and SKU (prod_bench, sku_bench at 5.00 usd);
    returns what create_merchant returned (its keys)."""
    from flask_migrate import upgrade

    from app.catalog.models import Product, Sku
    from app.extensions import db
    from app.merchants.services import create_merchant

    with app.app_context():
        upgrade()
        created = create_merchant("Bench", "bench@kassa.test", "bench-pass-1")
        db.session.add(Product(id="prod_bench", merchant_id=created.merchant.id, name="Bench", description=""))
        db.session.add(
            Sku(
                id="sku_bench",
                merchant_id=created.merchant.id,
                product_id="prod_bench",
                name="one",
                price_amount=500,
                currency="usd",
                stock=None,
            )
        )
        db.session.commit()
    return created
