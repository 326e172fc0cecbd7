"""Portal vocabulary: a signed-in browser-like client per role, and one merchant's objects of every kind."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

_CSRF = re.compile(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"')


class Portal:
    """A test client that signs in through the login form and posts forms with their real CSRF token."""

    def __init__(self, client, ip: str = "127.0.0.1") -> None:
        self.client = client
        self.client.environ_base["REMOTE_ADDR"] = ip
        self._token: str | None = None

    def token(self) -> str:
        if self._token is None:
            page = self.client.get("/portal/login" if not self.signed_in() else "/portal/account/password")
            self._token = _CSRF.search(page.get_data(as_text=True)).group(1)
        return self._token

    def signed_in(self) -> bool:
        return self.client.get("/portal/account/password").status_code == 200

    def sign_in(self, email: str, password: str):
        page = self.client.get("/portal/login").get_data(as_text=True)
        token = _CSRF.search(page).group(1)
        response = self.client.post("/portal/login", data={"email": email, "password": password, "csrf_token": token})
        self._token = None  # the session was renewed at sign-in
        return response

    def get(self, path: str, **kw):
        response = self.client.get(path, **kw)
        # Read a streamed body (the CSV export) now and close it: left to the garbage collector, its generator
        # would pop its request context in the middle of a later request.
        response.get_data()
        response.close()
        return response

    def post(self, path: str, data: dict | None = None, *, csrf: bool = True, **kw):
        data = dict(data or {})
        if csrf:
            data.setdefault("csrf_token", self.token())
        return self.client.post(path, data=data, **kw)

    def text(self, path: str) -> str:
        response = self.get(path)
        assert response.status_code == 200, (path, response.status_code)
        return response.get_data(as_text=True)


@pytest.fixture
def portal(app, merchant) -> Portal:
    """The merchant's owner, signed in."""
    signed = Portal(app.test_client())
    assert signed.sign_in(merchant.email, merchant.password).status_code == 302
    return signed


def add_user(app, merchant_id: str, email: str, role: str, password: str = "staff-pass-123") -> str:
    """A team member who has already chosen their password."""
    from app.extensions import db
    from app.merchants.models import MerchantUser
    from app.merchants.team import add_member

    with app.app_context():
        user = add_member(merchant_id, email=email, role=role, temporary_password=password)
        db.session.get(MerchantUser, user.id).password_temporary = False
        db.session.commit()
        return user.id


@pytest.fixture
def member(app, merchant):
    """``member("operator")``: a signed-in user of ``merchant`` with that role."""

    def make(role: str) -> Portal:
        email = f"{role}-{len(made)}@acme.test"
        add_user(app, merchant.id, email, role)
        made.append(email)
        signed = Portal(app.test_client())
        assert signed.sign_in(email, "staff-pass-123").status_code == 302
        return signed

    made: list[str] = []
    return make


@dataclass
class World:
    """One of each object a portal route can name, all owned by one merchant."""

    order: str
    refund: str
    api_key: str
    webhook_endpoint: str
    delivery: str
    user: str
    product: str
    sku: str
    image: str
    coupon: str
    risk_entry: str = ""
    risk_rule: str = ""
    channel: str = "sandbox_card"
    subscription: str = ""
    clock: str = ""
    refund_request: str = ""
    partner: str = ""
    settlement: str = ""
    account: str = ""
    manual_action: str = ""
    withdrawal: str = ""
    reconciliation_run: str = ""
    discrepancy: str = ""
    api_request: str = ""
    dispute: str = ""
    saved_method: str = ""
    invitation: str = ""
    invitation_token: str = ""
    campaign: str = ""
    business_line: str = ""


def build_world(app, merchant_id: str, sku: str) -> World:
    """Objects of every type for ``merchant_id`` (services where they exist, rows where the state is unusual)."""
    from sqlalchemy import select

    from app.catalog.coupons import create_coupon
    from app.catalog.images import add_product_image
    from app.catalog.models import Sku
    from app.extensions import db
    from app.merchants.models import ApiKey
    from app.orders.services import create_order
    from app.payments.models import PaymentAttempt, Refund
    from app.platform.db.types import utcnow
    from app.platform.outbox.events import record_event
    from app.platform.values.ids import new_id
    from app.webhooks.endpoints import create_endpoint
    from app.webhooks.models import WebhookDelivery

    user = add_user(app, merchant_id, f"staff-{merchant_id[-6:]}@example.test", "operator")
    with app.app_context():
        order = create_order(
            merchant_id,
            items=[{"sku": sku, "quantity": 1}],
            customer={"id": "cus_world"},
            agreement_accepted=True,
            livemode=False,
            customer_source="secret_key",
        )
        attempt = PaymentAttempt(
            id=new_id("pay"),
            merchant_id=merchant_id,
            order_id=order.id,
            channel="sandbox_card",
            status="failed",
            amount=order.total,
            currency=order.currency,
        )
        db.session.add(attempt)
        db.session.flush()
        refund = Refund(
            id=new_id("re"),
            merchant_id=merchant_id,
            order_id=order.id,
            payment_id=attempt.id,
            channel="sandbox_card",
            amount=100,
            currency=order.currency,
            status="failed",
            previous_order_status="paid",
            actor="api",
        )
        db.session.add(refund)
        endpoint = create_endpoint(
            merchant_id, url="https://hooks.example.test/kassa", events=["*"], livemode=False
        )  # the portal's default view, like the order
        event = record_event(merchant_id, "order.created", {"id": order.id, "object": "order"})
        db.session.flush()
        delivery = WebhookDelivery(
            id=new_id("whd"),
            merchant_id=merchant_id,
            endpoint_id=endpoint.id,
            event_id=event.id,
            status="failed",
            attempts=1,
            created_at=utcnow(),
            updated_at=utcnow(),
        )
        db.session.add(delivery)
        key = db.session.scalar(select(ApiKey.id).where(ApiKey.merchant_id == merchant_id, ApiKey.kind == "secret"))
        db.session.commit()
        product = db.session.get(Sku, sku).product_id
        image = add_product_image(merchant_id, product, b"\x89PNG\r\n\x1a\n" + b"\x00" * 64).id
        coupon = create_coupon(
            merchant_id, {"code": f"WORLD{merchant_id[-6:]}", "kind": "percent_off", "percent_bps": 1000}
        ).id
        from app.catalog.campaigns import CampaignTerms, create_campaign

        campaign = create_campaign(
            merchant_id,
            CampaignTerms(name="World campaign", rule="paid_order", template_coupon_id=coupon),
            livemode=False,
        ).id
        from app.risk.lists import add_entry
        from app.risk.rules import create_rule

        risk_entry = add_entry(
            merchant_id,
            {"kind": "email", "value": f"bad-{merchant_id[-6:]}@example.test", "action": "block"},
            livemode=False,
        ).id
        risk_rule = create_rule(
            merchant_id, {"kind": "amount_limit", "params": {"max_amount": 10**9}, "action": "review"}, livemode=False
        ).id
        from app.signing.contracts import open_subscription
        from app.signing.test_clocks import create_clock

        db.session.add(
            Sku(
                id=f"sku_world_sub_{merchant_id[-6:]}",
                merchant_id=merchant_id,
                product_id=product,
                name="Monthly",
                price_amount=999,
                currency="usd",
                specs={},
                subscription_interval="month",
                subscription_interval_count=1,
            )
        )
        db.session.commit()
        clock = create_clock(merchant_id, frozen_time=1_800_000_000, livemode=False).id
        from datetime import timedelta

        from app.payments.models import Dispute
        from app.risk.models import RefundRequest

        dispute = new_id("dp")
        db.session.add(
            Dispute(
                id=dispute,
                merchant_id=merchant_id,
                livemode=False,
                order_id=order.id,
                payment_id=attempt.id,
                channel="sandbox_card",
                provider_dispute_id=f"dp_world_{dispute}",
                amount=100,
                currency=order.currency,
                reason="fraudulent",
                status="needs_response",
                evidence_due_by=utcnow() + timedelta(days=7),
            )
        )
        refund_request = new_id("rfq")
        db.session.add(
            RefundRequest(
                id=refund_request,
                merchant_id=merchant_id,
                order_id=order.id,
                customer_id="cus_world",
                reason="world",
                status="review",
                score=50,
                reasons=[],
                created_at=utcnow(),
            )
        )
        db.session.commit()
        from app.operations.manual_models import ManualAction

        manual_action = new_id("mact")
        db.session.add(
            ManualAction(
                id=manual_action,
                merchant_id=merchant_id,
                order_id=order.id,
                kind="mark_succeeded",
                subject=attempt.id,
                params={"evidence": "world"},
                reason="world",
                status="awaiting_approval",
                idempotency_key=f"world-{merchant_id}",
                requested_by_id=user,
                requested_by_email="staff@example.test",
                requested_by_role="operator",
                created_at=utcnow(),
                updated_at=utcnow(),
            )
        )
        db.session.commit()
        subscription, _ = open_subscription(
            merchant_id,
            sku=f"sku_world_sub_{merchant_id[-6:]}",
            customer={"id": "cus_world_sub"},
            customer_source="secret_key",
            agreement_accepted=True,
            livemode=False,
            test_clock=clock,
        )
        partner, settlement, account = _books_world(merchant_id)
        withdrawal = _wallet_world(merchant_id)
        saved_method = _saved_card_world(merchant_id)
        reconciliation_run, discrepancy = _reconciliation_world(merchant_id)
        api_request = _request_log_world(app, merchant_id, key, order.id)
        invitation, invitation_token = _invitation_world(merchant_id)
        business_line = _business_line_world(merchant_id)
        return World(
            order=order.id,
            refund=refund.id,
            api_key=key,
            webhook_endpoint=endpoint.id,
            delivery=delivery.id,
            user=user,
            product=product,
            sku=sku,
            image=str(image),
            coupon=coupon,
            campaign=campaign,
            risk_entry=risk_entry,
            risk_rule=risk_rule,
            subscription=subscription.id,
            clock=clock,
            refund_request=refund_request,
            partner=partner,
            settlement=settlement,
            account=account,
            manual_action=manual_action,
            withdrawal=withdrawal,
            reconciliation_run=reconciliation_run,
            discrepancy=discrepancy,
            api_request=api_request,
            dispute=dispute,
            saved_method=saved_method,
            invitation=invitation,
            invitation_token=invitation_token,
            business_line=business_line,
        )


def _invitation_world(merchant_id: str) -> tuple[str, str]:
    """A pending team invitation (its email row too, as the Team page makes one) and its link's token."""
    from app.extensions import db
    from app.merchants.invitations import invitation_token, invite_member
    from app.receipts.invitation_sending import add_invitation_email

    invitation = invite_member(merchant_id, email="invited@world.test", role="operator", invited_by="owner@world.test")
    add_invitation_email(invitation)
    db.session.commit()
    return invitation.id, invitation_token(invitation.id)


def _books_world(merchant_id: str) -> tuple[str, str, str]:
    """A partner, a settlement whose payout failed (so it may be sent again) and an account with postings."""
    from app.extensions import db
    from app.ledger.books_models import Payout, Settlement
    from app.ledger.journal import post_journal_entry
    from app.ledger.partners import create_partner
    from app.platform.db.types import utcnow
    from app.platform.values.ids import new_id

    partner = create_partner(
        merchant_id, {"name": "World Studio", "payout_account": "acct_world_0001"}, livemode=False
    ).id
    account = f"partner:{partner}:payable"
    post_journal_entry(
        merchant_id, "world", new_id("w"), [(account, 500, "usd"), (f"merchant:{merchant_id}:receivable", -500, "usd")]
    )
    settlement = Settlement(
        id=new_id("stl"),
        merchant_id=merchant_id,
        partner_id=partner,
        livemode=False,
        currency="usd",
        period_end=utcnow(),
        gross=500,
        fees=0,
        refunds=0,
        adjustments=0,
        reserve_held=0,
        net=500,
        payout_amount=500,
        line_count=1,
        status="failed",
    )
    db.session.add(settlement)
    db.session.add(
        Payout(
            id=new_id("po"),
            merchant_id=merchant_id,
            livemode=False,
            settlement_id=settlement.id,
            amount=500,
            currency="usd",
            destination="acct_world_0001",
            channel="sandbox_card",
            status="failed",
            created_at=utcnow(),
            updated_at=utcnow(),
        )
    )
    db.session.commit()
    return partner, settlement.id, account


def _reconciliation_world(merchant_id: str) -> tuple[str, str]:
    """A finished reconciliation run with one open discrepancy."""
    from app.extensions import db
    from app.platform.db.types import utcnow
    from app.platform.values.ids import new_id
    from app.reconciliation.models import Discrepancy, ReconciliationRun

    today = utcnow().date()
    run = ReconciliationRun(
        id=new_id("rcn"),
        merchant_id=merchant_id,
        channel="sandbox_card",
        day=today,
        status="done",
        lines=1,
        matched=0,
        missing_in_kassa=0,
        missing_at_provider=0,
        amount_mismatch=1,
        status_mismatch=0,
        duplicate=0,
        auto_resolved=0,
        actor="test",
    )
    db.session.add(run)
    db.session.flush()
    found = Discrepancy(
        id=new_id("dsc"),
        merchant_id=merchant_id,
        run_id=run.id,
        channel="sandbox_card",
        day=today,
        kind="amount_mismatch",
        line_type="capture",
        reference="pay_world",
        kassa_object="pay_world",
        currency="usd",
        kassa_currency="usd",
        kassa_amount=500,
        provider_amount=600,
        kassa_status="succeeded",
        provider_status="succeeded",
        status="open",
    )
    db.session.add(found)
    db.session.commit()
    return run.id, found.id


def _request_log_world(app, merchant_id: str, key_id: str, order_id: str) -> str:
    """One API request in the merchant's log (written the way the web layer writes it after a response)."""
    from app.platform.db.types import utcnow
    from app.platform.observability.log_writer import flush_logs
    from app.platform.values.ids import new_id
    from app.request_log.recording import CapturedRequest, queue_captured

    captured = CapturedRequest(
        id=new_id("areq"),
        merchant_id=merchant_id,
        livemode=False,
        key_id=key_id,
        key_label="sk_test_…world",
        method="GET",
        path=f"/api/v1/orders/{order_id}",
        query="",
        status_code=200,
        duration_ms=3,
        request_id=new_id("req"),
        ip="127.0.0.1",
        created_at=utcnow(),
        response_body=b'{"id": "%s"}' % order_id.encode(),
    )
    queue_captured(app, captured)
    flush_logs(app)
    return captured.id


def _saved_card_world(merchant_id: str) -> str:
    """A card ``cus_world`` saved at a checkout (as the order.paid of a payment that asked to save it leaves it)."""
    from app.extensions import db
    from app.payments.saved_methods.models import SavedPaymentMethod
    from app.platform.values.ids import new_id

    method = SavedPaymentMethod(
        id=new_id("spm"),
        merchant_id=merchant_id,
        livemode=False,
        customer_id="cus_world",
        channel="sandbox_card",
        status="active",
        attempt_id=new_id("pay"),
        provider_reference="card_world",
        brand="visa",
        last4="4242",
    )
    db.session.add(method)
    db.session.commit()
    return method.id


def _wallet_world(merchant_id: str) -> str:
    """A customer's wallet (``cus_world``) with a withdrawal on its way."""
    from app.extensions import db
    from app.ledger.wallet.services import credit_topup
    from app.payments.payouts.withdrawals import request_withdrawal
    from app.platform.values.money import Money

    credit_topup(merchant_id, "cus_world", Money(1000, "usd"), reference=f"seed_{merchant_id}", livemode=False)
    db.session.commit()
    withdrawal, _ = request_withdrawal(
        merchant_id, "cus_world", {"amount": 400, "currency": "usd", "destination": "acct_world_0001"}, livemode=False
    )
    return withdrawal.id


def _business_line_world(merchant_id: str) -> str:
    """A business line the world's merchant defined (its orders stay in the merchant's default)."""
    from app.merchants.business_lines import create_line

    return create_line(merchant_id, code="world", name="World line").id


@pytest.fixture
def world(app, merchant, catalog) -> World:
    return build_world(app, merchant.id, catalog["sku"])


# Every portal URL pattern with its path arguments filled from a World.
def fill(rule: str, world: World) -> str:
    values = {
        "order_id": world.order,
        "refund_id": world.refund,
        "key_id": world.api_key,
        "endpoint_id": world.webhook_endpoint,
        "delivery_id": world.delivery,
        "user_id": world.user,
        "code": world.channel,
        "product_id": world.product,
        "sku_id": world.sku,
        "image_id": world.image,
        "coupon_id": world.coupon,
        "campaign_id": world.campaign,
        "entry_id": world.risk_entry,
        "rule_id": world.risk_rule,
        "subscription_id": world.subscription,
        "clock_id": world.clock,
        "action": "pause",
        "request_id": world.refund_request,
        "decision": "deny",
        "partner_id": world.partner,
        "settlement_id": world.settlement,
        "account": world.account,
        "action_id": world.manual_action,
        "customer_id": "cus_world",
        "withdrawal_id": world.withdrawal,
        "run_id": world.reconciliation_run,
        "discrepancy_id": world.discrepancy,
        "log_id": world.api_request,
        "dispute_id": world.dispute,
        "method_id": world.saved_method,
        "invitation_id": world.invitation,
        "token": world.invitation_token,
        "line_id": world.business_line,
        "sub_order_id": "so_world",  # the world's order is not split: a part of it is not found
    }
    return re.sub(r"<(?:[a-z]+(?:\([^)]*\))?:)?([a-z_]+)>", lambda m: values[m.group(1)], rule)


def portal_pages(app, world: World) -> list[str]:
    """Every portal page a GET opens, in path order, its arguments filled from ``world`` (downloads left out)."""
    pages = [
        fill(rule.rule, world)
        for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule)
        if rule.endpoint.startswith("portal.")
        and "GET" in rule.methods
        and not rule.endpoint.endswith("_export")
        and not rule.rule.endswith(".csv")
    ]
    assert pages, "no portal page in the URL map: a walk over them would test nothing"
    return pages
