"""Imports every model so metadata is complete (Alembic autogenerate, relationships)."""

from app.audit.models import AuditEntry  # noqa: F401
from app.catalog.campaign_models import Campaign, CampaignIssuance  # noqa: F401
from app.catalog.coupon_models import Coupon, CouponRedemption  # noqa: F401
from app.catalog.models import Product, ProductImage, Sku, SkuPrice  # noqa: F401
from app.checkout_sessions.models import CheckoutSession  # noqa: F401
from app.ledger.books_models import LedgerCheck, OrderClearing, Partner, Payout, Settlement, SettlementCursor  # noqa: F401
from app.ledger.checkpoints import PostingCheckpoint, PostingCut  # noqa: F401
from app.ledger.models import JournalEntry, Posting, WalletAccount, WalletBarrier  # noqa: F401
from app.ledger.wallet.models import WalletTransfer, WalletWithdrawal  # noqa: F401
from app.merchants.business_line_models import BusinessLine  # noqa: F401
from app.merchants.models import ApiKey, Merchant, MerchantLogo, MerchantUser  # noqa: F401
from app.operations.manual_models import ManualAction  # noqa: F401
from app.orders import event_modes  # noqa: F401,E402  (an order's events take the order's mode)
from app.orders.fulfilment_models import Entitlement, EntitlementGrant, OrderFulfilment  # noqa: F401
from app.orders.models import Order, OrderItem, OrderTimelineEntry, SubOrder  # noqa: F401
from app.payments.channels.adapters.stripe_customers import StripeCustomer  # noqa: F401
from app.payments.channels.agreement_models import AgreementTemplate, OrderAgreement  # noqa: F401
from app.payments.channels.credential_models import ChannelCredentials  # noqa: F401
from app.payments.channels.line_channel_models import LineChannelSetting  # noqa: F401
from app.payments.integration_log import IntegrationLog  # noqa: F401
from app.payments.models import (  # noqa: F401
    ChannelConfig,
    Dispute,  # noqa: F401
    PaymentAttempt,
    Refund,  # noqa: F401
)
from app.payments.report_days import ReportDay, ReportGeneration  # noqa: F401
from app.payments.saved_methods.models import SavedPaymentMethod  # noqa: F401
from app.platform.idempotency import IdempotencyKey  # noqa: F401
from app.platform.outbox.events import Event, EventHandling  # noqa: F401
from app.platform.switch_models import Switch  # noqa: F401
from app.privacy.models import CustomerErasure  # noqa: F401
from app.receipts.models import ReceiptEmail  # noqa: F401
from app.reconciliation.models import Discrepancy, ReconciliationRun  # noqa: F401
from app.request_log.models import ApiRequestLog  # noqa: F401
from app.risk.models import RefundRequest, RiskListEntry, RiskRule  # noqa: F401
from app.signing.models import ContractFinding, Subscription, SubscriptionRenewal, SubscriptionTimelineEntry, TestClock  # noqa: F401
from app.webhooks import fanout  # noqa: F401,E402  (subscribes the webhook fan-out to the outbox)
from app.webhooks.models import WebhookDelivery, WebhookDeliveryAttempt, WebhookEndpoint  # noqa: F401
