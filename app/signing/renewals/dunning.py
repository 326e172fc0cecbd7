"""Dunning: when a renewal's deduction fails, when to try again and what the last failure does.

The schedule counts days from the renewal's due time, so a slow worker never stretches it. The default
makes 8 tries within 14 days (the first at the due time, then these seven); the merchant may set their
own days and choose whether the last failure cancels or pauses the contract.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from app.errors import InvalidRequest
from app.extensions import db
from app.merchants.models import Merchant

DEFAULT_RETRY_DAYS = (1, 2, 3, 5, 7, 10, 14)
FINAL_ACTIONS = ("cancel", "pause")
MAX_RETRIES = 20
MAX_RETRY_DAY = 60
NOTICE_DAYS = (0, 30)


def retry_days(merchant: Merchant) -> tuple[int, ...]:
    return tuple(merchant.dunning_retry_days) if merchant.dunning_retry_days else DEFAULT_RETRY_DAYS


def tries_allowed(merchant: Merchant) -> int:
    """Every try a renewal gets: the first at the due time and one per retry day."""
    return 1 + len(retry_days(merchant))


def next_try_at(merchant: Merchant, due_at: datetime, tries_made: int) -> datetime | None:
    """When to try again after ``tries_made`` failed tries; None when the schedule is spent."""
    days = retry_days(merchant)
    if tries_made > len(days):
        return None
    return due_at + timedelta(days=days[tries_made - 1])


def dunning_window(merchant: Merchant) -> timedelta:
    """How long a renewal may stay unpaid before its last try: its order stays open that long."""
    return timedelta(days=retry_days(merchant)[-1] if retry_days(merchant) else 0)


def parse_retry_days(value: object) -> list[int] | None:
    """Retry days as the merchant writes them ("1, 3, 7" or a list): increasing whole days; empty = default."""
    if value is None or value == "" or value == []:
        return None
    if isinstance(value, str):
        parts = [p.strip() for p in value.replace(";", ",").split(",") if p.strip()]
        try:
            value = [int(p) for p in parts]
        except ValueError:
            raise InvalidRequest(
                "retry days are whole numbers separated by commas, e.g. 1, 3, 7", param="dunning_retry_days"
            ) from None
    if not isinstance(value, list) or any(type(d) is not int for d in value):
        raise InvalidRequest("retry days must be a list of whole days", param="dunning_retry_days")
    if len(value) > MAX_RETRIES:
        raise InvalidRequest(f"at most {MAX_RETRIES} retries", param="dunning_retry_days")
    if any(d < 1 or d > MAX_RETRY_DAY for d in value) or value != sorted(set(value)):
        raise InvalidRequest(f"retry days must increase, each from 1 to {MAX_RETRY_DAY}", param="dunning_retry_days")
    return value


def update_dunning(
    merchant_id: str, *, retry_days: object, final_action: object, notice_days: object, emails: bool | None = None
) -> Merchant:
    """The merchant's dunning schedule, what the last failure does, the renewal notice and, unless ``emails`` is
    None, whether Kassa emails subscribers (app/receipts/subscription_sending.py) (caller commits)."""
    merchant = db.session.get(Merchant, merchant_id)
    days = parse_retry_days(retry_days)
    if final_action not in FINAL_ACTIONS:
        raise InvalidRequest(
            "after the last failed try the subscription is canceled or paused: choose cancel or pause",
            param="dunning_final_action",
        )
    low, high = NOTICE_DAYS
    if type(notice_days) is not int or not low <= notice_days <= high:
        raise InvalidRequest(
            f"the renewal notice is a whole number of days from {low} to {high}", param="renewal_notice_days"
        )
    merchant.dunning_retry_days, merchant.dunning_final_action = days, final_action
    merchant.renewal_notice_days = notice_days
    if emails is not None:
        merchant.subscription_emails = emails
    return merchant
