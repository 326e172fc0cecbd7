"""Imports every model so metadata is complete (Alembic autogenerate, relationships)."""
from app.catalog.models import Product, Sku  # noqa: F401
from app.events import Event, EventHandling  # noqa: F401
from app.idempotency import IdempotencyKey  # noqa: F401
from app.ledger.models import JournalEntry, Posting, WalletAccount, WalletBarrier  # noqa: F401
from app.merchants.models import ApiKey, Merchant, MerchantUser  # noqa: F401
from app.orders.models import Order, OrderItem, OrderTimelineEntry  # noqa: F401
from app.payments.models import ChannelConfig, PaymentAttempt  # noqa: F401

# Outbox subscribers register on import: wallet top-up crediting and wallet reservation release.
import app.orders.topups  # noqa: E402,F401
import app.payments.adapters.wallet  # noqa: E402,F401
