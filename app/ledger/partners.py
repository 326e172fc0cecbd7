"""Partners: the parties a merchant shares revenue with (studios, creators) and the merchant itself as ``self``,
each with a payout account, a settlement cycle and an optional rolling reserve.

A partner is one row for both modes (its name, cycle and clearing rules are shared), but its payout account and
reserve are kept per mode (``Partner.test_payout_account`` …), as a SKU's stock is: a key or the portal reads and
writes those of its own mode, so a test secret key can never say where live money goes or hold it back."""

from __future__ import annotations

import re

from sqlalchemy import select

from app.errors import InvalidRequest, NotFound
from app.extensions import conflict_insert, db
from app.ledger.books_models import CYCLES, PER_MODE, SELF, Partner, Payout, Settlement, mode_column
from app.merchants.models import Merchant
from app.platform.db.types import utcnow
from app.platform.values.ids import new_id
from app.platform.values.times import iso_time

MAX_PARTNERS = 1000  # added in each mode: a test key (in CI configs, with contractors) cannot use up live's
# A partner added in test mode is marked by its id, as keys are (sk_test_…): the modes' caps are counted apart.
TEST_PREFIX = "ptn_test"
MAX_RESERVE_DAYS = 365
# A bank or provider account reference: letters, digits and a few separators, as a payout API takes it.
_PAYOUT_ACCOUNT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 _.\-/:]{3,99}$")


def parse_payout_account(account: object, *, param: str) -> str:
    """A receiving account's reference as a payout API takes it (a partner's, or a customer's for a withdrawal),
    or a 400 naming ``param``."""
    if not isinstance(account, str) or not _PAYOUT_ACCOUNT.match(account.strip()):
        raise InvalidRequest(
            f"{param} is the receiving account's reference: 4 to 100 letters, digits, spaces or _ . - / :", param=param
        )
    return account.strip()


def ensure_self(merchant_id: str) -> None:
    """The merchant's own partner row (a no-op when it exists): every merchant clears to ``self``."""
    db.session.execute(
        conflict_insert(Partner)
        .values(merchant_id=merchant_id, id=SELF, name="", cycle="daily", created_at=utcnow())
        .on_conflict_do_nothing()
    )


def display_name(partner: Partner, merchant: Merchant | None = None) -> str:
    """How the portal and the API name a partner: the merchant's own name for ``self``."""
    if partner.id == SELF:
        merchant = merchant or db.session.get(Merchant, partner.merchant_id)
        return f"{merchant.name} (you)" if merchant else "You"
    return partner.name


def _fields(body: dict, *, creating: bool, livemode: bool) -> dict:
    """The row's attributes to set from an API body: the per-mode settings go to the columns of ``livemode``."""
    values = _api_fields(body, creating=creating)
    return {mode_column(name, livemode) if name in PER_MODE else name: value for name, value in values.items()}


def _api_fields(body: dict, *, creating: bool) -> dict:
    values: dict = {}
    if creating or "name" in body:
        name = body.get("name")
        if not isinstance(name, str) or not name.strip() or len(name.strip()) > 200:
            raise InvalidRequest("name is required: 1 to 200 characters", param="name")
        values["name"] = name.strip()
    if creating or "payout_account" in body:
        account = body.get("payout_account")
        values["payout_account"] = None if account is None else parse_payout_account(account, param="payout_account")
    if "cycle" in body:
        if body["cycle"] not in CYCLES:
            raise InvalidRequest(f"cycle must be one of {', '.join(CYCLES)}", param="cycle")
        values["cycle"] = body["cycle"]
    for name, most in (("reserve_bps", 10_000), ("reserve_days", MAX_RESERVE_DAYS)):
        if name in body:
            value = body[name]
            if type(value) is not int or not 0 <= value <= most:
                raise InvalidRequest(f"{name} must be a whole number from 0 to {most}", param=name)
            values[name] = value
    return values


def create_partner(merchant_id: str, body: dict, *, livemode: bool) -> Partner:
    """A new partner of the merchant, with the payout account and reserve of ``livemode`` (the other mode's wait
    to be set in that mode: a partner added with a test key has no live account)."""
    values = _fields(body, creating=True, livemode=livemode)
    added_in_test = Partner.id.startswith(f"{TEST_PREFIX}_", autoescape=True)
    count = db.session.scalar(
        select(db.func.count())
        .select_from(Partner)
        .where(Partner.merchant_id == merchant_id, ~added_in_test if livemode else added_in_test)
    )
    if count >= MAX_PARTNERS:
        mode = "live" if livemode else "test"
        raise InvalidRequest(f"a merchant adds at most {MAX_PARTNERS} partners in {mode} mode", param="name")
    partner = Partner(
        merchant_id=merchant_id,
        id=new_id("ptn" if livemode else TEST_PREFIX),
        created_at=utcnow(),
        **({"cycle": "daily"} | values),
    )
    db.session.add(partner)
    db.session.commit()
    return partner


def get_partner(merchant_id: str, partner_id: str) -> Partner:
    """The merchant's partner (``self`` always exists); another merchant's is not found."""
    if partner_id == SELF:
        ensure_self(merchant_id)
        db.session.flush()
    partner = db.session.get(Partner, (partner_id, merchant_id))
    if partner is None:
        raise NotFound(f"no partner {partner_id!r}", param="partner")
    return partner


def update_partner(merchant_id: str, partner_id: str, body: dict, *, livemode: bool) -> Partner:
    """Change a partner's name, cycle, or the payout account or reserve of ``livemode`` (``self`` has no name of
    its own)."""
    partner = get_partner(merchant_id, partner_id)
    values = _fields(body, creating=False, livemode=livemode)
    if partner.id == SELF:
        values.pop("name", None)
    for name, value in values.items():
        setattr(partner, name, value)
    db.session.commit()
    _release_waiting_payouts(merchant_id, partner, livemode)
    return partner


def _release_waiting_payouts(merchant_id: str, partner: Partner, livemode: bool) -> None:
    """Settlements of ``livemode`` cut while the partner had no payout account in that mode are paid once it has
    one; a payout waiting to be tried again after the bank refused it goes to the new account, now."""
    account = partner.payout_account_in(livemode)
    if not account:
        return
    now = utcnow()
    waiting = select(Settlement.id).where(Settlement.merchant_id == merchant_id, Settlement.partner_id == partner.id)
    # A try is only ever sent once it is due, and its outcome moves next_try_at on: one still waiting for its back-off
    # (not sent under its reference yet) is not on its way to the provider, so changing where it goes is safe.
    not_sent = (Payout.destination == "") | (
        Payout.provider_payout_id.is_(None) & (Payout.next_try_at > now) & (Payout.try_number > 1)
    )
    db.session.execute(
        db.update(Payout)
        .where(
            Payout.settlement_id.in_(waiting),
            Payout.status == "pending",
            Payout.livemode == livemode,
            Payout.destination != account,
            not_sent,
        )
        .values(destination=account, next_try_at=now, updated_at=now)
    )
    db.session.commit()


def list_partners(merchant_id: str) -> list[Partner]:
    """The merchant's partners, ``self`` first."""
    ensure_self(merchant_id)
    db.session.commit()
    rows = db.session.scalars(select(Partner).where(Partner.merchant_id == merchant_id).order_by(Partner.created_at))
    return sorted(rows, key=lambda p: (p.id != SELF, p.created_at))


def partner_json(partner: Partner, merchant: Merchant | None = None, *, livemode: bool) -> dict:
    """A partner as a key of ``livemode`` sees it: that mode's payout account and reserve."""
    reserve_bps, reserve_days = partner.reserve_in(livemode)
    return {
        "id": partner.id,
        "object": "partner",
        "name": display_name(partner, merchant),
        "payout_account": partner.payout_account_in(livemode),
        "cycle": partner.cycle,
        "reserve_bps": reserve_bps,
        "reserve_days": reserve_days,
        "self": partner.id == SELF,
        "created_at": iso_time(partner.created_at),
    }
