"""Risk rules: data the merchant edits, each with a kind, parameters and an action (block or review). Each mode has
its own rules (``livemode``): a key reads and changes its mode's, and an order is judged by its mode's only.

- ``velocity``: at most ``max_count`` orders (or ``max_amount`` minor units, counted in each currency apart, or
  only in ``currency``) per ``by`` (customer, email, ip or device) within ``window_seconds`` — counted in Redis,
  atomically, so parallel orders cannot slip past the limit together.
- ``amount_limit``: one order above ``max_amount`` (optionally only in ``currency``).
- Velocity and amount limits apply to orders, or with ``applies_to: "withdrawals"`` to wallet withdrawals
  instead (counted per customer: a withdrawal comes from the merchant's server, which names no shopper's email,
  address or device) — the limit that stops a drained wallet.
- ``first_purchase_limit``: a customer with no paid order yet, buying above ``max_amount`` (optionally only in
  ``currency``).
- An amount is minor units of the order's currency: 10000 is $100.00 but ¥10,000 and 10.000 KWD, so a limit named
  with its ``currency`` applies to that currency's orders only; one without applies the same number in every
  currency (the portal always names one).
- ``refund_abuse``: how shopper refund requests are decided by their abuse score (0-100): below
  ``approve_below`` refunded at once, from ``deny_from`` denied, in between held for review. Its action is
  not used. Without such a rule: below 40 approved, from 80 denied.
- ``currency_country_mismatch``: ``currencies`` maps a currency to the countries (ISO 3166 codes) its
  payments are expected from, e.g. ``{"usd": ["US"], "eur": ["DE", "FR"]}``; a payment in a listed currency
  from another country gets the action. The shopper's country is read from the header the deployment trusts
  (``TRUSTED_COUNTRY_HEADER``, e.g. ``CF-IPCountry``); without it the rule cannot see a country and lets the
  order through.
"""

from __future__ import annotations

from typing import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import InvalidRequest, NotFound
from app.extensions import db
from app.merchants.business_lines import line_for_new_record
from app.merchants.config_cache import cached
from app.platform.values.currencies import ISO_4217
from app.platform.values.ids import new_id
from app.platform.values.money import normalise_currency
from app.risk.models import RiskRule

KINDS = ("velocity", "amount_limit", "first_purchase_limit", "refund_abuse", "currency_country_mismatch")
ACTIONS = ("block", "review")
VELOCITY_BY = ("customer", "email", "ip", "device")
APPLIES_TO = ("orders", "withdrawals")
MAX_RULES = 100


def _positive_int(params: dict, name: str, *, required: bool, upper: int = 10**12) -> int | None:
    value = params.get(name)
    if value is None and not required:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= upper:
        raise InvalidRequest(f"params.{name} must be a whole number between 1 and {upper}", param=f"params.{name}")
    return value


def check_params(kind: object, params: object) -> dict:
    """The rule's parameters, checked and reduced to the ones its kind reads."""
    if kind not in KINDS:
        raise InvalidRequest(f"kind must be one of {', '.join(KINDS)}", param="kind")
    if not isinstance(params, dict):
        raise InvalidRequest("params must be an object", param="params")
    applies_to = params.get("applies_to", "orders")
    if applies_to not in APPLIES_TO:
        raise InvalidRequest(f"params.applies_to must be one of {', '.join(APPLIES_TO)}", param="params.applies_to")
    if applies_to == "orders":
        return _checked_params(kind, params)
    if kind not in ("velocity", "amount_limit"):
        raise InvalidRequest("only velocity and amount_limit rules can apply to withdrawals", param="params.applies_to")
    if kind == "velocity" and params.get("by") != "customer":
        raise InvalidRequest(
            "a withdrawal rule counts per customer (params.by: customer): withdrawals come from "
            "your server, which names no shopper's email, address or device",
            param="params.by",
        )
    return _checked_params(kind, params) | {"applies_to": applies_to}


def applies_to(rule: RiskRule) -> str:
    """What a rule is about: ``orders`` or ``withdrawals``."""
    return rule.params.get("applies_to", "orders")


def _checked_params(kind: str, params: dict) -> dict:
    if kind == "velocity":
        if params.get("by") not in VELOCITY_BY:
            raise InvalidRequest(f"params.by must be one of {', '.join(VELOCITY_BY)}", param="params.by")
        window = _positive_int(params, "window_seconds", required=True, upper=90 * 86400)
        count = _positive_int(params, "max_count", required=False, upper=1_000_000)
        amount = _positive_int(params, "max_amount", required=False)
        if (count is None) == (amount is None):
            raise InvalidRequest("a velocity rule limits either params.max_count or params.max_amount", param="params")
        checked = {"by": params["by"], "window_seconds": window}
        checked |= {"max_count": count} if count is not None else {"max_amount": amount} | _currency(params)
        return checked
    if kind == "refund_abuse":
        approve_below = _positive_int(params, "approve_below", required=True, upper=100)
        deny_from = _positive_int(params, "deny_from", required=True, upper=101)
        if approve_below > deny_from:
            raise InvalidRequest("params.approve_below must not be above params.deny_from", param="params")
        return {"approve_below": approve_below, "deny_from": deny_from}
    if kind == "currency_country_mismatch":
        return {"currencies": _currency_countries(params.get("currencies"))}
    return {"max_amount": _positive_int(params, "max_amount", required=True)} | _currency(params)


def _currency(params: dict) -> dict:
    """The currency an amount limit is in, when named: ``{"currency": "jpy"}``, else nothing."""
    currency = params.get("currency")
    if currency is None:
        return {}
    try:  # "xyz" is three letters but no currency: a limit in it would never apply to anything
        return {"currency": normalise_currency(currency)}
    except ValueError:
        raise InvalidRequest(
            "params.currency is a three-letter ISO 4217 currency code such as usd or jpy", param="params.currency"
        ) from None


def limits_currency(rule: RiskRule, currency: str) -> bool:
    """Whether an amount rule's limit applies to an amount in ``currency`` (one named for another does not)."""
    return rule.params.get("currency") in (None, currency)


def _currency_countries(value: object) -> dict[str, list[str]]:
    if not isinstance(value, dict) or not value or len(value) > 200:
        raise InvalidRequest(
            'params.currencies maps currencies to countries, e.g. {"usd": ["US"]}', param="params.currencies"
        )
    checked = {}
    for currency, countries in value.items():
        if not isinstance(currency, str) or currency.lower() not in ISO_4217:
            raise InvalidRequest(
                f"{currency!r} is not a three-letter ISO 4217 currency code such as usd", param="params.currencies"
            )
        if (
            not isinstance(countries, list)
            or not countries
            or len(countries) > 300
            or any(not isinstance(c, str) or len(c) != 2 or not c.isalpha() for c in countries)
        ):
            raise InvalidRequest(
                f"params.currencies.{currency.lower()} must list two-letter country codes",
                param=f"params.currencies.{currency.lower()}",
            )
        checked[currency.lower()] = sorted({c.upper() for c in countries})
    return checked


def _action(action: object) -> str:
    if action not in ACTIONS:
        raise InvalidRequest(f"action must be one of {', '.join(ACTIONS)}", param="action")
    return action


def _of_line(merchant_id: str, asked: dict, params: dict) -> dict:
    """``params`` with the business line the rule is limited to (``params.business_line``: a line's id or code, kept
    as its id): such a rule applies only to that line's orders."""
    if asked.get("business_line") is None:
        return params
    if params.get("applies_to", "orders") != "orders":
        raise InvalidRequest("only a rule about orders can name a business line", param="params.business_line")
    line = line_for_new_record(merchant_id, asked["business_line"], param="params.business_line")
    return params | {"business_line": line}


def line_named(merchant_id: str, params: object) -> str | None:
    """The id of the business line a rule's ``params`` name (None: every line), checked as saving it would check it:
    a rule tried before it is saved is tried on that line's orders."""
    if not isinstance(params, dict):
        return None
    return _of_line(merchant_id, params, dict(params)).get("business_line")


def applies_to_line(rule: RiskRule, business_line: str | None) -> bool:
    """Whether the rule applies to an order of ``business_line``: a rule naming no line applies to every order."""
    named = rule.params.get("business_line")
    return named is None or named == business_line


def create_rule(merchant_id: str, body: dict, *, livemode: bool) -> RiskRule:
    """Add a rule for the mode's orders (commits)."""
    params = check_params(body.get("kind"), body.get("params"))
    params = _of_line(merchant_id, body["params"], params)
    action = _action(body.get("action"))
    count = db.session.query(RiskRule).filter_by(merchant_id=merchant_id, livemode=livemode).count()
    if count >= MAX_RULES:
        raise InvalidRequest(f"a merchant has at most {MAX_RULES} rules in each mode; delete one first", param="kind")
    rule = RiskRule(
        id=new_id("rr"),
        merchant_id=merchant_id,
        livemode=livemode,
        kind=body["kind"],
        params=params,
        action=action,
        enabled=True,
    )
    db.session.add(rule)
    db.session.commit()
    return rule


def get_rule(merchant_id: str, rule_id: str, *, livemode: bool) -> RiskRule:
    """The mode's rule ``rule_id``; another merchant's or the other mode's is a 404."""
    rule = db.session.scalar(
        select(RiskRule).where(
            RiskRule.id == rule_id, RiskRule.merchant_id == merchant_id, RiskRule.livemode == livemode
        )
    )
    if rule is None:
        raise NotFound(f"no risk rule {rule_id}", param="id")
    return rule


def update_rule(merchant_id: str, rule_id: str, body: dict, *, livemode: bool) -> RiskRule:
    """Change the mode's rule's params, action or enabled (commits)."""
    rule = get_rule(merchant_id, rule_id, livemode=livemode)
    unknown = set(body) - {"params", "action", "enabled"}
    if unknown:
        raise InvalidRequest(
            f"only params, action and enabled can change (not {sorted(unknown)[0]})", param=sorted(unknown)[0]
        )
    if "enabled" in body and not isinstance(body["enabled"], bool):
        raise InvalidRequest("enabled must be true or false", param="enabled")
    if "params" in body:
        params = _of_line(merchant_id, body["params"], check_params(rule.kind, body["params"]))
    else:
        params = rule.params
    action = _action(body["action"]) if "action" in body else rule.action
    rule.params, rule.action = params, action
    rule.enabled = body.get("enabled", rule.enabled)
    db.session.commit()
    return rule


def delete_rule(merchant_id: str, rule_id: str, *, livemode: bool) -> str:
    """Delete the mode's rule (commits); one of the other mode is a 404 and stays."""
    rule = get_rule(merchant_id, rule_id, livemode=livemode)
    db.session.delete(rule)
    db.session.commit()
    return rule_id


def rules_of(merchant_id: str, *, livemode: bool, enabled_only: bool = False) -> list[RiskRule]:
    """The merchant's rules of the mode in creation order; ``enabled_only`` (the assessment's reading) from memory
    while the merchant's configuration is unchanged: those rows are only read, never changed."""
    if enabled_only:
        return list(
            cached(merchant_id, f"risk.enabled_rules.{'live' if livemode else 'test'}", _enabled_rules(livemode))
        )
    return list(
        db.session.scalars(
            select(RiskRule)
            .where(RiskRule.merchant_id == merchant_id, RiskRule.livemode == livemode)
            .order_by(RiskRule.id)
        )
    )


def _enabled_rules(livemode: bool) -> Callable[[Session, str], tuple[RiskRule, ...]]:
    def load(session: Session, merchant_id: str) -> tuple[RiskRule, ...]:
        return tuple(
            session.scalars(
                select(RiskRule)
                .where(RiskRule.merchant_id == merchant_id, RiskRule.livemode == livemode, RiskRule.enabled.is_(True))
                .order_by(RiskRule.id)
            )
        )

    return load
