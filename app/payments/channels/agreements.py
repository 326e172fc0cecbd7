"""Agreement ("protocol") templates: what a shopper agrees to when paying with a channel.

A template is per merchant, channel and checkout language, and versioned: each save that changes the text adds a
version (rows are never changed), and the newest one is in force. A language without one (or whose newest is empty)
shows the default language's. The text may name the purchase with placeholders, filled when shown:

    {amount}    the total, e.g. $9.99          {merchant}  the merchant's name
    {product}   what is bought                 {period}    a subscription's terms ("every month"), else empty
    {date}      today's date, YYYY-MM-DD

``{{`` and ``}}`` are literal braces. When a payment starts, the exact text shown for its channel is recorded on the
order with the template's version (``record_acceptance``): the order's page, API object and export show it, and a
later edit never changes what an earlier shopper agreed to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Iterable, Sequence, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import InvalidRequest
from app.extensions import conflict_insert, db
from app.merchants.config_cache import cached
from app.merchants.models import Merchant
from app.orders.models import Order
from app.payments.channels.agreement_models import AgreementTemplate, OrderAgreement
from app.payments.models import ChannelConfig
from app.platform.db.types import utcnow
from app.platform.values.ids import new_id
from app.platform.values.languages import CHECKOUT_LANGUAGES, DEFAULT_LANGUAGE
from app.platform.values.money import Money

PLACEHOLDERS = ("amount", "merchant", "product", "period", "date")
MAX_LENGTH = 5000
_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")

T = TypeVar("T")


@dataclass(frozen=True)
class Purchase:
    """What the placeholders are filled with."""

    amount: str
    merchant: str
    product: str
    period: str = ""
    date: str = ""


def check_body(body: str, *, param: str) -> str:
    """The template as stored (trimmed), or a 400 naming the placeholder or brace to fix."""
    body = (body or "").strip()
    if len(body) > MAX_LENGTH:
        raise InvalidRequest(f"{param} is at most {MAX_LENGTH} characters", param=param)
    for match in _TOKEN.finditer(body):
        token = match.group(0)
        if token in ("{{", "}}"):
            continue
        name = match.group(1)
        if name is None:
            raise InvalidRequest(
                f"{param} has a lone '{token}': write {{{{ or }}}} for a brace, or a placeholder such as {{amount}}",
                param=param,
            )
        if name not in PLACEHOLDERS:
            known = ", ".join("{" + p + "}" for p in PLACEHOLDERS)
            raise InvalidRequest(f"{param} names an unknown placeholder {{{name}}}: use {known}", param=param)
    return body


def render(body: str, purchase: Purchase) -> str:
    """The template with its placeholders filled."""

    def fill(match: re.Match) -> str:
        token = match.group(0)
        if token in ("{{", "}}"):
            return token[0]
        name = match.group(1)
        return str(getattr(purchase, name)) if name in PLACEHOLDERS else token

    return _TOKEN.sub(fill, body).strip()


def _newest_query(merchant_id: str, codes: Sequence[str] | None, languages: Sequence[str] | None):
    """The newest version of each (channel, language) of the merchant, limited to ``codes`` and ``languages`` when
    given, in one statement."""
    newest = select(
        AgreementTemplate.channel_code,
        AgreementTemplate.language,
        func.max(AgreementTemplate.version).label("version"),
    ).where(AgreementTemplate.merchant_id == merchant_id)
    if codes is not None:
        newest = newest.where(AgreementTemplate.channel_code.in_(list(codes)))
    if languages is not None:
        newest = newest.where(AgreementTemplate.language.in_(list(languages)))
    newest = newest.group_by(AgreementTemplate.channel_code, AgreementTemplate.language).subquery()
    return (
        select(AgreementTemplate)
        .join(
            newest,
            (AgreementTemplate.channel_code == newest.c.channel_code)
            & (AgreementTemplate.language == newest.c.language)
            & (AgreementTemplate.version == newest.c.version),
        )
        .where(AgreementTemplate.merchant_id == merchant_id)
    )


def _newest(
    merchant_id: str, codes: Iterable[str], languages: Sequence[str]
) -> dict[tuple[str, str], AgreementTemplate]:
    """The newest version of each (channel, language) asked for, as this transaction sees them."""
    codes = list(codes)
    if not codes:
        return {}
    return {(t.channel_code, t.language): t for t in db.session.scalars(_newest_query(merchant_id, codes, languages))}


def _templates_of(session: Session, merchant_id: str) -> dict[tuple[str, str], AgreementTemplate]:
    """Every channel's and language's newest template of the merchant (a loader for ``cached``)."""
    return {(t.channel_code, t.language): t for t in session.scalars(_newest_query(merchant_id, None, None))}


def _in_force(merchant_id: str) -> dict[tuple[str, str], AgreementTemplate]:
    # Read on every payment and every checkout: kept with the merchant's configuration (a save bumps its version).
    return cached(merchant_id, "payments.agreement_templates", _templates_of)


def has_agreements(merchant_id: str) -> bool:
    """Whether the merchant ever saved an agreement template: only then may an order carry an accepted one."""
    return bool(_in_force(merchant_id))


def templates_in_force(merchant_id: str, codes: Iterable[str], language: str) -> dict[str, AgreementTemplate]:
    """Per channel, the template a shopper reading ``language`` is shown (its own, else the default language's)."""
    language = language if language in CHECKOUT_LANGUAGES else DEFAULT_LANGUAGE
    wanted, templates = set(codes), _in_force(merchant_id)
    found = {key: t for key, t in templates.items() if key[0] in wanted and key[1] in (language, DEFAULT_LANGUAGE)}
    chosen = {}
    for code in {code for code, _ in found}:
        own, default = found.get((code, language)), found.get((code, DEFAULT_LANGUAGE))
        template = own if own is not None and own.body else default
        if template is not None and template.body:
            chosen[code] = template
    return chosen


def with_agreements(channels: Sequence[T], merchant_id: str, language: str, purchase: Purchase) -> list[T]:
    """The channels (anything with ``code`` and ``agreement_text``) with each one's agreement rendered for this
    purchase in ``language``; a channel without a template shows none."""
    templates = templates_in_force(merchant_id, [c.code for c in channels], language)
    return [
        replace(c, agreement_text=render(templates[c.code].body, purchase) if c.code in templates else None)
        for c in channels
    ]


def current_bodies(merchant_id: str, code: str) -> dict[str, str]:
    """The newest text of a channel's agreement in each checkout language (empty where none was saved)."""
    newest = _newest(merchant_id, [code], list(CHECKOUT_LANGUAGES))
    return {lang: (newest[(code, lang)].body if (code, lang) in newest else "") for lang in CHECKOUT_LANGUAGES}


def check_bodies(bodies: dict[str, str]) -> dict[str, str]:
    """Each language's text checked (a 400 naming the field to fix), before anything is saved."""
    return {lang: check_body(body, param=f"agreement_text_{lang}") for lang, body in bodies.items()}


def sample_purchase(merchant: str, language: str = DEFAULT_LANGUAGE) -> Purchase:
    """What the portal's preview fills the placeholders with."""
    return purchase(merchant, 999, "usd", language, ["Pro membership — 30 days"], "$9.99 every month, cancel anytime")


def versions(merchant_id: str, code: str) -> list[AgreementTemplate]:
    """Every saved version of a channel's agreement, newest first."""
    return list(
        db.session.scalars(
            select(AgreementTemplate)
            .where(AgreementTemplate.merchant_id == merchant_id, AgreementTemplate.channel_code == code)
            .order_by(AgreementTemplate.version.desc(), AgreementTemplate.language)
        )
    )


def save_agreements(merchant_id: str, code: str, bodies: dict[str, str], *, actor: str | None) -> list[str]:
    """Save each language's text that differs from its newest version as a new version, in the caller's
    transaction; the default language's is also the channel's ``agreement_text``. Returns the languages saved."""
    checked = check_bodies(bodies)
    current = _newest(merchant_id, [code], list(checked))
    top = db.session.scalar(
        select(func.max(AgreementTemplate.version)).where(
            AgreementTemplate.merchant_id == merchant_id, AgreementTemplate.channel_code == code
        )
    )
    version = (top or 0) + 1
    saved = []
    for language, body in checked.items():
        if language not in CHECKOUT_LANGUAGES:
            raise InvalidRequest(f"no checkout language {language!r}", param="language")
        before = current.get((code, language))
        if (before.body if before is not None else "") == body:
            continue
        db.session.add(
            AgreementTemplate(
                id=new_id("agt"),
                merchant_id=merchant_id,
                channel_code=code,
                language=language,
                version=version,
                body=body,
                created_by=actor,
            )
        )
        saved.append(language)
    if DEFAULT_LANGUAGE in saved:
        config = db.session.scalar(
            select(ChannelConfig).where(ChannelConfig.merchant_id == merchant_id, ChannelConfig.code == code)
        )
        if config is not None:
            config.agreement_text = checked[DEFAULT_LANGUAGE] or None
    return saved


def record_acceptance(order: Order, code: str, *, period: str | None = None) -> bool:
    """Write what the shopper agreed to by paying ``order`` with ``code`` now (the text as their page showed it,
    in the order's language), replacing an earlier payment's; in the caller's transaction. False when the channel
    has no agreement: one statement, nothing written."""
    language = order.language if order.language in CHECKOUT_LANGUAGES else DEFAULT_LANGUAGE
    template = templates_in_force(order.merchant_id, [code], language).get(code)
    if template is None:
        return False
    merchant = db.session.get(Merchant, order.merchant_id)
    bought = purchase(merchant.name, order.total, order.currency, language, [item.name for item in order.items], period)
    values = {
        "merchant_id": order.merchant_id,
        "channel_code": code,
        "template_id": template.id,
        "version": template.version,
        "language": template.language,
        "text": render(template.body, bought),
        "accepted_at": utcnow(),
    }
    db.session.execute(
        conflict_insert(OrderAgreement)
        .values(order_id=order.id, **values)
        .on_conflict_do_update(index_elements=["order_id"], set_=values)
    )
    return True


def accepted_agreements(order_ids: list[str]) -> dict[str, OrderAgreement]:
    """Several orders' accepted agreements in one statement."""
    if not order_ids:
        return {}
    return {
        a.order_id: a for a in db.session.scalars(select(OrderAgreement).where(OrderAgreement.order_id.in_(order_ids)))
    }


def purchase(
    merchant: str, total: int, currency: str, language: str, products: Iterable[str], period: str | None = None
) -> Purchase:
    """The placeholders' values for a purchase, the amount written the shopper's way."""
    return Purchase(
        amount=Money(total, currency).format_in(language),
        merchant=merchant,
        product=", ".join(dict.fromkeys(p for p in products if p)),
        period=period or "",
        date=utcnow().date().isoformat(),
    )
