"""``stripe``: card payments through the merchant's own Stripe account, with Stripe's official library.

One PaymentIntent per attempt (the attempt id is its idempotency key and its ``kassa_attempt_id`` metadata); the
shopper confirms it with Stripe's card element on Kassa's card page (app/web/checkout/card_views.py); status by
retrieve for polling and the janitor; refunds with the refund's reference as idempotency key; webhooks verified
with Stripe's signature scheme before anything is read; chargebacks from ``charge.dispute.*`` events, evidence by the
dispute's update (stripe_disputes.py reads the Dispute); the daily statement from the balance transactions
(stripe_statement.py). Amounts convert between Kassa's minor units and Stripe's
per Stripe's currency table (stripe_currency.py). The library's HTTP goes through the integration log.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Callable, Iterator, Mapping, TypeVar

import stripe
from itsdangerous import BadSignature, URLSafeSerializer

from app.payments.channels.adapters.stripe_connect import (
    ACCOUNT_EVENTS,
    TRANSFER_EVENTS,
    StripeConnect,
    account_status,
    transfer_result,
)
from app.payments.channels.adapters.stripe_currency import from_stripe_amount, to_stripe_amount
from app.payments.channels.adapters.stripe_disputes import (
    DISPUTE_EVENTS,
    UnknownDisputeStatus,
    chargeback_status,
    dispute_notice,
    disputed_payment,
)
from app.payments.channels.adapters.stripe_http import LoggedHttpClient
from app.payments.channels.adapters.stripe_mandates import StripeMandates, is_setup
from app.payments.channels.adapters.stripe_saved_cards import StripeSavedCards
from app.payments.channels.adapters.stripe_statement import balance_lines
from app.payments.channels.interface import (
    CallbackRejected,
    ChannelResult,
    ConnectedAccountNotice,
    DisputeNotice,
    PaymentRequest,
    PayoutResult,
    ProviderOutcomeUnknown,
    ProviderPayment,
    ProviderRefused,
    ProviderUnavailable,
    RefundResult,
    StatementLine,
)
from app.payments.channels.registry import ChannelSpec, SettingField

T = TypeVar("T")

# Webhook events Kassa acts on, which the merchant subscribes the endpoint to; any other verified event is
# acknowledged and ignored.
PAYMENT_EVENTS = ("payment_intent.succeeded", "payment_intent.payment_failed", "payment_intent.canceled")
# A SetupIntent saves a card for a payment of nothing (a free trial's first order, a subscriber's new card).
SETUP_EVENTS = ("setup_intent.succeeded", "setup_intent.setup_failed", "setup_intent.canceled")
WEBHOOK_EVENTS = PAYMENT_EVENTS + SETUP_EVENTS + DISPUTE_EVENTS + TRANSFER_EVENTS
# Stripe's dispute fee in the US, $15.00, charged when a dispute opens and kept whatever the outcome: on a win the
# disputed amount comes back, and the separate counter fee, not this one (support.stripe.com, "Disputes" and "June
# 2025 pricing updates for disputes"). Elsewhere it depends on the account's country: the merchant names it.
DISPUTE_FEE_BY_CURRENCY = {"usd": 1500}
FIND_PAGES = 3  # the janitor's look-up scans at most this many pages of 100 recent PaymentIntents


def card_page_token(secret: str, attempt_id: str, return_url: str) -> str:
    """The card page's link token: the attempt and where to send the shopper after, signed with SECRET_KEY."""
    return URLSafeSerializer(secret, salt="kassa-stripe-card-page").dumps([attempt_id, return_url])


def read_card_page_token(secret: str, token: str) -> tuple[str, str] | None:
    """The attempt id and return URL of a card page token; None when it was not made by this Kassa."""
    try:
        attempt_id, return_url = URLSafeSerializer(secret, salt="kassa-stripe-card-page").loads(token)
    except (BadSignature, ValueError, TypeError):
        return None
    return str(attempt_id), str(return_url)


@dataclass(frozen=True)
class CardConfirmation:
    result: ChannelResult
    client_secret: str | None  # set when the shopper must authenticate in the browser


def key_mode(key: str) -> bool | None:
    """True for a live key, False for a test key, None when it is neither."""
    parts = key.split("_")
    return {"live": True, "test": False}.get(parts[1]) if len(parts) > 2 else None


class StripeAdapter(StripeMandates, StripeSavedCards, StripeConnect):
    code = "stripe"
    default_name = "Card (Stripe)"
    default_icon = "card"

    @classmethod
    def from_settings(cls, config: Mapping, settings: Mapping) -> "StripeAdapter":
        """The merchant's Stripe keys; Kassa's configuration says where Stripe is and where Kassa is."""
        return cls(
            settings.get("secret_key", ""),
            settings.get("publishable_key", ""),
            settings.get("webhook_secret", ""),
            api_base=config["STRIPE_API_BASE"],
            public_url=config["PUBLIC_URL"],
            page_secret=config["SECRET_KEY"],
            timeout=config["CHANNEL_HTTP_TIMEOUT_SECONDS"],
            tolerance_seconds=config["CALLBACK_TOLERANCE_SECONDS"],
            connect_webhook_secret=settings.get("connect_webhook_secret", ""),
        )

    def __init__(
        self,
        secret_key: str,
        publishable_key: str,
        webhook_secret: str,
        *,
        api_base: str,
        public_url: str,
        page_secret: str = "",
        timeout: float = 10.0,
        tolerance_seconds: int = 300,
        connect_webhook_secret: str = "",
    ) -> None:
        self.secret_key, self.publishable_key, self.webhook_secret = secret_key, publishable_key, webhook_secret
        self.connect_webhook_secret = connect_webhook_secret
        self.public_url = public_url.rstrip("/")
        self.page_secret = page_secret
        self.tolerance = tolerance_seconds
        self._client = None
        self._api_base, self._timeout = api_base, timeout

    @property
    def client(self) -> stripe.StripeClient:
        if not self.secret_key:
            raise ProviderRefused("stripe is not set up for this merchant: enter its keys in the portal")
        if self._client is None:
            # No retries inside the library: a create that got no answer is resolved by the janitor, by reference.
            self._client = stripe.StripeClient(
                self.secret_key,
                base_addresses={"api": self._api_base},
                max_network_retries=0,
                http_client=LoggedHttpClient(timeout=self._timeout),
            )
        return self._client

    @property
    def livemode(self) -> bool | None:
        return key_mode(self.secret_key)

    def refuse(self, order) -> str | None:
        """Why this merchant's Stripe account cannot take this order: not set up, a test key for a live order
        (or the reverse), or an amount Stripe cannot express in that currency."""
        if not self.secret_key:
            return "stripe is not set up: enter its keys in the portal"
        if self.livemode is not bool(order.livemode):
            wanted = "live (sk_live_…)" if order.livemode else "test (sk_test_…)"
            return f"a {'live' if order.livemode else 'test'} order needs a {wanted} Stripe key"
        try:
            to_stripe_amount(order.total, order.currency)
        except ValueError as exc:
            return str(exc)
        return None

    def _call(self, call: Callable[[], T], *, acting: bool = False) -> T:
        """One library call, its errors mapped onto Kassa's classes: refused (4xx, Stripe did nothing),
        outcome unknown (no answer, 5xx: it may have acted) and unavailable (rate limited). A lost connection is an
        unknown outcome for a call that ``acting`` (a create, evidence sent), a mere failure for a read."""
        try:
            return call()
        except stripe.APIConnectionError as exc:
            if acting:
                raise ProviderOutcomeUnknown(f"Stripe did not answer: {exc.user_message or exc}") from exc
            raise ProviderUnavailable(f"Stripe unreachable: {exc.user_message or exc}") from exc
        except stripe.RateLimitError as exc:
            raise ProviderUnavailable(f"Stripe rate limit: {exc.user_message}") from exc
        except stripe.APIError as exc:
            raise ProviderOutcomeUnknown(f"Stripe answered {exc.http_status}: {exc.user_message}") from exc
        except stripe.StripeError as exc:  # card, invalid request, authentication, permission, idempotency
            raise ProviderRefused(f"Stripe refused ({exc.http_status}): {exc.user_message}") from exc

    def _result(self, intent: Mapping) -> ChannelResult:
        """A PaymentIntent as Stripe answered it; one Kassa cannot read (a missing or mistyped field, another
        object) is an unknown outcome, never a KeyError: Stripe may have taken the money."""
        try:
            return self._read_intent(intent)
        except (KeyError, TypeError, ValueError, AttributeError):
            raise ProviderOutcomeUnknown(
                f"Stripe answered something Kassa cannot read as a PaymentIntent: "
                f"{json.dumps(intent, default=str)[:200]}"
            ) from None

    def _read_intent(self, intent: Mapping) -> ChannelResult:
        status = intent.get("status")
        error = intent.get("last_payment_error") or {}
        if status == "succeeded":
            outcome, reason = "succeeded", None
        elif status == "canceled":
            outcome, reason = "failed", f"canceled at Stripe ({intent.get('cancellation_reason') or 'no reason'})"
        elif status == "requires_payment_method" and error:
            outcome, reason = "failed", error.get("message") or error.get("code") or "the card was declined"
        else:  # requires_payment_method (not tried yet), requires_confirmation/action, processing, requires_capture
            outcome, reason = "pending", None
        currency, provider_reference, amount = intent["currency"], intent["id"], intent["amount"]
        attempt_id = (intent.get("metadata") or {}).get("kassa_attempt_id", "")
        if (
            not all(isinstance(text, str) for text in (currency, provider_reference, attempt_id))
            or type(amount) is not int
            or not isinstance(reason, (str, type(None)))
        ):
            raise TypeError("a PaymentIntent's id, currency, amount or metadata has the wrong type")
        return ChannelResult(
            channel=self.code,
            provider_reference=provider_reference,
            attempt_id=attempt_id,
            status=outcome,
            amount=from_stripe_amount(amount, currency),
            currency=currency,
            failure_reason=reason,
            raw=intent,
        )

    def create_payment(self, request: PaymentRequest) -> ProviderPayment:
        """A PaymentIntent the shopper confirms on Kassa's card page. One that signs a contract (``recurring``)
        is made on the customer's Stripe Customer and saves the card for off-session renewals; one of nothing
        that signs a contract is a SetupIntent (stripe_mandates.py). One that saves the card for the customer's next
        checkouts is made on the Customer too (``on_session``); one paid with a saved card is confirmed in the call
        (stripe_saved_cards.py)."""
        try:
            amount = to_stripe_amount(request.amount, request.currency)
        except ValueError as exc:
            raise ProviderRefused(str(exc)) from exc
        if request.saved_method is not None:
            return self.pay_with_saved_card(request, amount)
        customer = self.customer_for(request) if request.recurring or request.save_method else None
        if customer and request.amount == 0:
            reference = self.create_setup(request, customer)
            return ProviderPayment(
                reference=reference, next_action=self._card_page(request.attempt_id, request.return_url)
            )
        params = {
            "amount": amount,
            "currency": request.currency,
            "payment_method_types": ["card"],
            "metadata": {"kassa_attempt_id": request.attempt_id, "kassa_description": request.description},
        }
        if customer:
            # A contract's renewals charge the card with nobody there; a saved card is paid with the shopper present.
            params.update(customer=customer, setup_future_usage="off_session" if request.recurring else "on_session")
        # The attempt id as idempotency key: a retried create returns the same PaymentIntent.
        intent = self._call(
            lambda: self.client.v1.payment_intents.create(
                params=params, options={"idempotency_key": request.attempt_id}
            ),
            acting=True,
        )
        return ProviderPayment(reference=intent.id, next_action=self._card_page(request.attempt_id, request.return_url))

    def next_action(self, intent: Mapping) -> dict:
        """The shopper confirms the PaymentIntent with Stripe's card element on Kassa's card page."""
        return self._card_page((intent.get("metadata") or {}).get("kassa_attempt_id", ""), "")

    def _card_page(self, attempt_id: str, return_url: str) -> dict:
        # Signed, so only the shopper this link was given to opens the card form of this attempt.
        token = card_page_token(self.page_secret, attempt_id, return_url)
        return {"type": "redirect", "url": f"{self.public_url}/checkout/card/{token}"}

    def charge_off_session(self, request: PaymentRequest, *, customer: str, payment_method: str) -> ChannelResult:
        """Charge a card the customer saved earlier, with nobody at the checkout (a subscription renewal): one
        PaymentIntent created and confirmed off-session, the attempt id as idempotency key. A decline, or a bank
        that wants the customer present (``authentication_required``), is a failed result with Stripe's reason,
        not an error: the renewal is then retried or the customer asked to pay."""
        try:
            amount = to_stripe_amount(request.amount, request.currency)
        except ValueError as exc:
            raise ProviderRefused(str(exc)) from exc
        return self.charge_saved_card(
            request, amount=amount, customer=customer, payment_method=payment_method, off_session=True
        )

    def charge_saved_card(
        self, request: PaymentRequest, *, amount: int, customer: str, payment_method: str, off_session: bool
    ) -> ChannelResult:
        """One PaymentIntent created and confirmed with a saved card (the attempt id as idempotency key), off session
        (a renewal) or with the shopper present (a saved card at checkout). A decline is a failed result."""
        params = {
            "amount": amount,
            "currency": request.currency,
            "customer": customer,
            "payment_method": payment_method,
            "payment_method_types": ["card"],
            "confirm": True,
            **({"off_session": True} if off_session else {}),
            "metadata": {"kassa_attempt_id": request.attempt_id, "kassa_description": request.description},
        }
        try:
            intent = self._call(
                lambda: self.client.v1.payment_intents.create(
                    params=params, options={"idempotency_key": request.attempt_id}
                ),
                acting=True,
            )
        except ProviderRefused as exc:
            declined = exc.__cause__
            body = getattr(declined, "json_body", None) or {}
            intent = (body.get("error") or {}).get("payment_intent")
            if not isinstance(declined, stripe.CardError):
                raise
            if intent:  # Stripe's 402 carries the PaymentIntent with its last_payment_error
                return self._result(intent)
            found = self.find_payment(request.attempt_id)  # a server whose 402 names only the charge
            if found is None:
                raise
            return found
        return self._result(intent.to_dict())

    def query_payment(self, provider_reference: str) -> ChannelResult:
        if is_setup(provider_reference):
            return self.setup_result(
                self._call(lambda: self.client.v1.setup_intents.retrieve(provider_reference)).to_dict()
            )
        return self._result(self._call(lambda: self.client.v1.payment_intents.retrieve(provider_reference)).to_dict())

    def find_payment(self, attempt_id: str) -> ChannelResult | None:
        """The PaymentIntent (or, for a payment of nothing that saves a card, the SetupIntent) Kassa created for an
        attempt, by its metadata, among the most recent ones; None if Stripe has none (the create never took
        effect). The janitor asks within minutes of the create, so the bounded scan of recent intents is enough."""
        intent = self._find_recent(self.client.v1.payment_intents, attempt_id)
        if intent is not None:
            return self._result(intent)
        setup = self._find_recent(self.client.v1.setup_intents, attempt_id)
        return self.setup_result(setup) if setup is not None else None

    def _find_recent(self, service, attempt_id: str) -> dict | None:
        starting_after = None
        for _ in range(FIND_PAGES):
            params = {"limit": 100, **({"starting_after": starting_after} if starting_after else {})}
            page = self._call(lambda: service.list(params=params))
            for intent in (item.to_dict() for item in page.data):
                if (intent.get("metadata") or {}).get("kassa_attempt_id") == attempt_id:
                    return intent
            if not page.has_more or not page.data:
                return None
            starting_after = page.data[-1].id
        return None

    def confirm_card(self, provider_reference: str, payment_method: str) -> "CardConfirmation":
        """Attach the PaymentMethod Stripe.js made on the card page and confirm the PaymentIntent. A declined card
        is an answer (the result says failed), not an error; a card that asks for authentication comes back with
        the client secret Stripe.js needs to show it (never stored, never logged)."""
        self._call(
            lambda: self.client.v1.payment_intents.update(provider_reference, params={"payment_method": payment_method})
        )
        try:
            intent = self._call(lambda: self.client.v1.payment_intents.confirm(provider_reference))
        except ProviderRefused:  # declined: Stripe kept the error on the PaymentIntent
            intent = self._call(lambda: self.client.v1.payment_intents.retrieve(provider_reference))
        result = self._result(intent.to_dict())
        needs_action = intent.status == "requires_action"
        return CardConfirmation(result, intent.client_secret if needs_action else None)

    def refund(self, provider_reference: str, amount: int, refund_id: str) -> RefundResult:
        """Refund part or all of a PaymentIntent; the refund's reference is the idempotency key and its metadata,
        so a retry finds the refund it may already have made and reports its current state."""
        try:
            intent = self._call(lambda: self.client.v1.payment_intents.retrieve(provider_reference))
            stripe_amount = to_stripe_amount(amount, intent.currency)
            refund = self._made_refund(provider_reference, refund_id) or self._call(
                lambda: self.client.v1.refunds.create(
                    params={
                        "payment_intent": provider_reference,
                        "amount": stripe_amount,
                        "metadata": {"kassa_refund_id": refund_id},
                    },
                    options={"idempotency_key": refund_id},
                )
            )
        except ProviderRefused as exc:
            return RefundResult(None, "failed", str(exc))  # Stripe answered and did nothing
        except ValueError as exc:
            return RefundResult(None, "failed", str(exc))
        except ProviderUnavailable:
            raise  # outcome unknown: retried with the same reference
        if refund.status == "succeeded":
            return RefundResult(refund.id, "succeeded")
        if refund.status in ("failed", "canceled"):
            return RefundResult(
                refund.id, "failed", getattr(refund, "failure_reason", None) or f"refund {refund.status}"
            )
        raise ProviderUnavailable(f"Stripe has refund {refund.id} {refund.status}; its outcome is not known yet")

    def _made_refund(self, provider_reference: str, refund_id: str):
        page = self._call(
            lambda: self.client.v1.refunds.list(params={"payment_intent": provider_reference, "limit": 100})
        )
        return next(
            (r for r in page.data if (r.to_dict().get("metadata") or {}).get("kassa_refund_id") == refund_id), None
        )

    def _verified_event(self, headers: Mapping[str, str], body: bytes):
        if not self.webhook_secret:
            raise CallbackRejected("stripe webhooks are not set up for this merchant (no signing secret)")
        # The account's own endpoint, or its Connect endpoint (events on connected accounts), each with its secret.
        secrets = [secret for secret in (self.webhook_secret, self.connect_webhook_secret) if secret]
        for index, secret in enumerate(secrets):
            try:
                return stripe.Webhook.construct_event(
                    body, headers.get("Stripe-Signature"), secret, tolerance=self.tolerance
                )
            except stripe.SignatureVerificationError as exc:
                if index == len(secrets) - 1:
                    raise CallbackRejected(f"Stripe signature does not verify: {exc.user_message or exc}") from exc
            except ValueError as exc:
                raise CallbackRejected("Stripe webhook body is not JSON") from exc
        raise CallbackRejected("Stripe signature does not verify")

    def parse_payout_callback(self, headers: Mapping[str, str], body: bytes) -> PayoutResult:
        """A verified ``transfer.*`` event as the payout try it names; any other event is refused."""
        result = self.parse_callback(headers, body)
        if not isinstance(result, PayoutResult):
            raise CallbackRejected("not a Stripe transfer event of a Kassa payout")
        return result

    def parse_callback(
        self, headers: Mapping[str, str], body: bytes
    ) -> ChannelResult | DisputeNotice | PayoutResult | ConnectedAccountNotice | None:
        """Verify Stripe's signature (``Stripe-Signature``, the merchant's endpoint secret, timestamp tolerance)
        before reading anything; None for a verified event Kassa does not act on. A dispute's event asks Stripe for
        the PaymentIntent it names (ProviderUnavailable when it cannot be asked: the hook answers 503)."""
        event = self._verified_event(headers, body)
        if event.type in ACCOUNT_EVENTS:  # a partner's connected account moved on in its onboarding
            try:
                account = json.loads(body)["data"]["object"]
                return ConnectedAccountNotice(self.code, str(account["id"]), account_status(account))
            except (KeyError, TypeError, AttributeError) as exc:
                raise CallbackRejected(f"Stripe event is not an Account Kassa can read: {exc}") from exc
        if event.type in TRANSFER_EVENTS:  # a payout's transfer to a connected account (stripe_connect.py)
            try:
                transfer = json.loads(body)["data"]["object"]
                return (
                    transfer_result(transfer)
                    if (transfer.get("metadata") or {}).get("kassa_payout_reference")
                    else None
                )
            except (KeyError, TypeError, AttributeError, ProviderOutcomeUnknown) as exc:
                raise CallbackRejected(f"Stripe event is not a Transfer Kassa can read: {exc}") from exc
        if event.type in DISPUTE_EVENTS:
            try:
                return self._dispute_notice(json.loads(body)["data"]["object"])
            except (KeyError, TypeError, AttributeError, UnknownDisputeStatus) as exc:
                raise CallbackRejected(f"Stripe event is not a Dispute Kassa can read: {exc}") from exc
        if event.type in SETUP_EVENTS:
            try:
                intent = json.loads(body)["data"]["object"]
                if not (intent.get("metadata") or {}).get("kassa_attempt_id"):
                    return None  # a card saved on the same account by something other than Kassa
                return self.setup_result(intent)
            except (KeyError, TypeError, AttributeError, ProviderOutcomeUnknown) as exc:
                raise CallbackRejected("Stripe event is not a SetupIntent Kassa can read") from exc
        if event.type not in PAYMENT_EVENTS:
            return None
        try:
            intent = json.loads(body)["data"]["object"]
            if not (intent.get("metadata") or {}).get("kassa_attempt_id"):
                return None  # a payment on the same account that Kassa did not make
            return self._result(intent)
        except (KeyError, TypeError, AttributeError, ProviderOutcomeUnknown) as exc:
            raise CallbackRejected("Stripe event is not a PaymentIntent Kassa can read") from exc

    def _dispute_notice(self, dispute: Mapping) -> DisputeNotice | None:
        """A Stripe Dispute as Kassa's notice; None when it is no chargeback (an inquiry: no money moved) or not of
        a payment Kassa made."""
        status = chargeback_status(dispute)
        if status is None:
            return None
        found = self._disputed_attempt(dispute)
        if found is None:
            return None
        payment_intent, attempt_id = found
        return dispute_notice(
            dispute, channel=self.code, status=status, payment_intent=payment_intent, attempt_id=attempt_id
        )

    def _disputed_attempt(self, dispute: Mapping) -> tuple[str, str] | None:
        """(PaymentIntent id, Kassa's attempt id) of the disputed payment: the Dispute names the PaymentIntent (or
        only the charge, which names it), and Kassa's attempt id is in the PaymentIntent's metadata, which the Dispute
        does not carry; None for a payment Kassa did not make."""
        payment_intent, charge = disputed_payment(dispute)
        if payment_intent is None and charge is not None:
            payment_intent = disputed_payment(self._call(lambda: self.client.v1.charges.retrieve(charge)).to_dict())[0]
        if payment_intent is None:
            return None  # a charge made without a PaymentIntent: never one of Kassa's
        intent = self._call(lambda: self.client.v1.payment_intents.retrieve(payment_intent)).to_dict()
        attempt_id = (intent.get("metadata") or {}).get("kassa_attempt_id")
        return (payment_intent, attempt_id) if isinstance(attempt_id, str) and attempt_id else None

    def submit_dispute_evidence(self, provider_dispute_id: str, text: str) -> str:
        """Send the merchant's evidence as the dispute's ``uncategorized_text`` and submit it (Stripe's dispute
        update with ``submit=true``); returns Kassa's status of the dispute then (``under_review``). ProviderRefused
        when Stripe will not take it (already submitted, closed, past due); ProviderOutcomeUnknown when its answer
        was lost or unreadable (it may have taken the evidence, and a second submit is refused)."""
        answer = self._call(
            lambda: self.client.v1.disputes.update(
                provider_dispute_id, params={"evidence": {"uncategorized_text": text}, "submit": True}
            ),
            acting=True,
        )
        try:
            status = chargeback_status(answer.to_dict())
        except (UnknownDisputeStatus, AttributeError) as exc:
            raise ProviderOutcomeUnknown(f"Stripe answered something Kassa cannot read as a Dispute: {exc}") from None
        if status is None:
            raise ProviderOutcomeUnknown(
                f"Stripe answered dispute {provider_dispute_id} as an inquiry, not the chargeback Kassa knows"
            )
        return status

    def statement(self, day: date) -> Iterator[StatementLine]:
        """The day's balance transactions of the merchant's Stripe account as statement lines (stripe_statement.py)."""
        return balance_lines(self.client, self._call, day)

    def find_dispute(self, provider_dispute_id: str) -> DisputeNotice:
        """The dispute as Stripe has it now (retrieve); ProviderRefused if Stripe has none by that id, or it is no
        chargeback of a payment Kassa made."""
        found = self._call(lambda: self.client.v1.disputes.retrieve(provider_dispute_id))
        try:
            notice = self._dispute_notice(found.to_dict())
        except (KeyError, TypeError, AttributeError, UnknownDisputeStatus, CallbackRejected) as exc:
            raise ProviderOutcomeUnknown(f"Stripe dispute {provider_dispute_id} is not readable: {exc}") from exc
        if notice is None:
            raise ProviderRefused(f"Stripe dispute {provider_dispute_id} is no chargeback of a payment Kassa made")
        return notice


CHANNEL = ChannelSpec(
    code="stripe",
    name=StripeAdapter.default_name,
    adapter=StripeAdapter,
    settings=(
        SettingField(
            "secret_key",
            "Secret key",
            secret=True,
            pattern=r"(sk|rk)_(test|live)_[A-Za-z0-9_]+",
            pattern_hint="starts with sk_test_ or sk_live_ (or a restricted rk_ key)",
            help="Stripe Dashboard → Developers → API keys. A test key takes test orders, a live key live ones.",
        ),
        SettingField(
            "publishable_key",
            "Publishable key",
            pattern=r"pk_(test|live)_[A-Za-z0-9_]+",
            pattern_hint="starts with pk_test_ or pk_live_",
            help="Loads Stripe's card form in the checkout.",
        ),
        SettingField(
            "webhook_secret",
            "Webhook signing secret",
            secret=True,
            pattern=r"whsec_[A-Za-z0-9_]+",
            pattern_hint="starts with whsec_",
            help=f"Add the webhook URL below in Stripe with the events {', '.join(WEBHOOK_EVENTS)}, and "
            "paste its signing secret.",
        ),
        SettingField(
            "connect_webhook_secret",
            "Connect webhook signing secret",
            secret=True,
            required=False,
            pattern=r"whsec_[A-Za-z0-9_]+",
            pattern_hint="starts with whsec_",
            help=f"For payouts through Stripe Connect: add the same URL as a Connect endpoint (events on connected "
            f"accounts) with {', '.join(ACCOUNT_EVENTS)}, and paste its signing secret, so a partner is ready as soon "
            "as Stripe says so.",
        ),
    ),
    capabilities=frozenset(
        {
            "redirect",
            "card_form",
            "refunds",
            "partial_refunds",
            "disputes",
            "recurring",
            "setup",
            "statements",
            "payouts",
            "saved_methods",
        }
    ),
    # Stripe's standard US card pricing, 2.9 % + $0.30; its fixed part in other currencies depends on the merchant's
    # Stripe account, so Kassa assumes none there: set the account's rate on the channel's page (its fee section).
    fee_bps=290,
    fee_fixed_by_currency={"usd": 30},
    # Stripe keeps its processing fee when a payment is refunded ("Stripe's processing fees from the original
    # transaction won't be returned", support.stripe.com "Understanding fees for refunded payments"; its refunds'
    # balance transactions carry no fee credit): the merchant bears the whole fee of a refunded capture.
    fee_returned_on_refund="none",
    dispute_fee_by_currency=DISPUTE_FEE_BY_CURRENCY,
)
