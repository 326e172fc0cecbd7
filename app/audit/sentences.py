"""The audit log read aloud: each entry as a sentence ("alice@shop.example changed the price of SKU Gold monthly
from $9.99 to $12.99") and its before/after difference field by field, with amounts, percentages and dates
written the way the portal writes them elsewhere."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from app.audit.models import AuditEntry
from app.platform.values.money import Money

SIGN_IN, SIGN_IN_FAILED, SIGN_OUT = "user.sign_in", "user.sign_in_failed", "user.sign_out"
# Whole sentences for actions that name no object, after the actor.
_ACCESS = {
    SIGN_IN: "signed in to the portal",
    SIGN_IN_FAILED: "failed to sign in to the portal (wrong password)",
    SIGN_OUT: "signed out of the portal",
    "user.password_change": "changed their password",
    "user.invitation_accept": "accepted a team invitation and joined the team",
}
# The last part of an action as a verb; anything else reads "did “…” on".
_VERBS = {
    "create": "created",
    "add": "added",
    "update": "changed",
    "delete": "deleted",
    "remove": "removed",
    "revoke": "revoked",
    "roll": "rolled",
    "archive": "archived",
    "deactivate": "deactivated",
    "generate": "generated codes for",
    "refund": "refunded",
    "refund_retry": "retried a refund of",
    "cancel": "canceled",
    "confirm": "confirmed",
    "review": "reviewed",
    "resolve": "resolved",
    "reorder": "reordered",
    "settings": "changed the settings of",
    "role_change": "changed the role of",
    "resend": "resent",
    "advance": "advanced",
    "approve": "approved",
    "retry_payout": "retried the payout of",
    "image_add": "added an image to",
    "image_remove": "removed an image from",
    "erase": "erased the personal data of",
    "export": "exported the personal data of",
    "evidence": "sent evidence for",
}
# The same verbs after their object, for the filter menu ("Order refund retried").
_LABEL_VERBS = {
    "generate": "codes generated",
    "refund_retry": "refund retried",
    "settings": "settings changed",
    "role_change": "role changed",
    "retry_payout": "payout retried",
    "image_add": "image added",
    "image_remove": "image removed",
    "erase": "personal data erased",
    "export": "personal data exported",
    "evidence": "evidence sent",
}
# "list_entry_create" is "create" of a list entry (older actions name the object in the verb).
_SIMPLE_VERBS = ("create", "update", "delete", "add", "remove")
_TYPES = {
    "sku": "SKU",
    "api_key": "API key",
    "merchant_user": "user",
    "merchant": "business profile",
    "risk_list_entry": "risk list entry",
    "risk_rule": "risk rule",
    "customer_erasure": "customer",
    "team": "user",
    "team_invitation": "team invitation",
    "channel_config": "channel",
}
_NAME_KEYS = ("name", "code", "email", "label", "display_name", "url", "value")
# Columns that change with every write or identify the row: they say nothing a merchant did.
_NOISE = frozenset(
    {"id", "merchant_id", "created_at", "updated_at", "version", "session_version", "config_version", "token_hash"}
)
_FIELD_LABELS = {
    "price_amount": "price",
    "amount_off": "amount off",
    "percent_bps": "percent off",
    "max_discount": "largest discount",
    "min_subtotal": "minimum spend",
    "max_redemptions": "total uses",
    "max_per_customer": "uses per customer",
    "revoked_at": "revoked",
}
_MONEY_FIELDS = frozenset(
    {
        "price_amount",
        "amount",
        "amount_off",
        "max_discount",
        "min_subtotal",
        "total",
        "subtotal",
        "refunded_amount",
        "discount",
        "fee_amount",
        "payout_amount",
    }
)
# A channel's limits are in its limits currency, not in a "currency" of their own.
_LIMIT_FIELDS = frozenset({"min_amount", "max_amount"})
_ALWAYS_SHOWN = 1  # an update of this many fields says the values in the sentence itself


@dataclass(frozen=True)
class FieldChange:
    """One field of the object, before and after, as text ("—" where it did not exist)."""

    label: str
    before: str
    after: str


@dataclass(frozen=True)
class AuditSentence:
    text: str
    changes: list[FieldChange]


def action_label(action: str) -> str:
    """A kind of entry for the filter menu: "Sign-in", "SKU changed", "API key revoked"."""
    labels = {
        SIGN_IN: "Sign-in",
        SIGN_IN_FAILED: "Failed sign-in",
        SIGN_OUT: "Sign-out",
        "user.password_change": "Password changed",
    }
    if action in labels:
        return labels[action]
    subject, verb = _split(action)
    done = _LABEL_VERBS.get(verb) or _VERBS.get(verb, verb.replace("_", " "))
    words = f"{_type_label(subject.replace('.', '_'))} {done}"
    return words[:1].upper() + words[1:]


def _split(action: str) -> tuple[str, str]:
    """An action as (what it acts on, its verb)."""
    subject, _, verb = action.rpartition(".")
    if verb not in _VERBS:
        head, _, tail = verb.rpartition("_")
        if head and tail in _SIMPLE_VERBS:
            return f"{subject}.{head}", tail
    return subject, verb


def _type_label(object_type: str) -> str:
    return _TYPES.get(object_type, object_type.replace("_", " "))


def actor_text(entry: AuditEntry) -> str:
    """Who: the user's email, or the API key by its label."""
    return f"API key {entry.actor_email}" if entry.actor_role == "api_key" else entry.actor_email


def object_text(entry: AuditEntry) -> str:
    """The object as a merchant knows it: its kind and name ("SKU Gold monthly"), else its id; a refund by what it
    gave back ("$5.00 of order ord_…"), as "refunded refund re_…" told the merchant nothing."""
    kind = _type_label(entry.object_type)
    state = entry.after if isinstance(entry.after, dict) else entry.before
    if entry.object_type == "refund" and isinstance(state, dict) and state.get("order_id"):
        return f"{value_text('amount', state.get('amount'), state)} of order {state['order_id']}"
    for state in (entry.after, entry.before):
        if isinstance(state, dict):
            name = next((state[key] for key in _NAME_KEYS if isinstance(state.get(key), str) and state[key]), None)
            if name:
                return f"{kind} {name}"
    return f"{kind} {entry.object_id}"


def value_text(key: str, value: object, state: dict) -> str:
    """One stored value as the portal shows it: $12.99, 12.5%, on/off, 23 Nov 2026 14:05 UTC."""
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "on" if value else "off"
    currency = state.get("limits_currency" if key in _LIMIT_FIELDS else "currency")
    if key in _MONEY_FIELDS | _LIMIT_FIELDS and isinstance(value, int) and isinstance(currency, str):
        try:
            return Money(value, currency).format()
        except (ValueError, KeyError):
            return str(value)
    if key.endswith("_bps") and isinstance(value, int):
        return f"{(Decimal(value) / 100).normalize():f}%"
    if isinstance(value, str) and len(value) >= 19 and value[4:5] == "-" and value[10:11] == "T":
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            return value
        return f"{moment.day} {moment:%b %Y %H:%M} UTC"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def field_changes(entry: AuditEntry) -> list[FieldChange]:
    """The fields that differ between before and after, noise left out; a creation lists what it set."""
    before, after = entry.before, entry.after
    if not isinstance(before, dict) and not isinstance(after, dict):
        return []
    if not isinstance(before, dict) or not isinstance(after, dict):
        # Created or deleted: the values it was made with or had, without the empty ones.
        state = after if isinstance(after, dict) else before
        return [
            FieldChange(
                _FIELD_LABELS.get(key, key.replace("_", " ")),
                "—" if state is after else value_text(key, value, state),
                value_text(key, value, state) if state is after else "—",
            )
            for key, value in sorted(state.items())
            if key not in _NOISE and value not in (None, "", [], {})
        ]
    return [
        FieldChange(
            _FIELD_LABELS.get(key, key.replace("_", " ")),
            value_text(key, before.get(key), before),
            value_text(key, after.get(key), after),
        )
        for key in sorted(set(before) | set(after))
        if key not in _NOISE and before.get(key) != after.get(key)
    ]


def describe(entry: AuditEntry) -> AuditSentence:
    """The entry as a sentence and its field-by-field difference."""
    who = actor_text(entry)
    if entry.action in _ACCESS:
        return AuditSentence(f"{who} {_ACCESS[entry.action]}", [])
    changes = field_changes(entry)
    verb = _split(entry.action)[1]
    what = object_text(entry)
    if verb not in _VERBS and isinstance(entry.before, dict) and isinstance(entry.after, dict):
        verb = "update"  # "settings.branding" and the like: an object that was there before and after
    if verb == "update" and len(changes) == _ALWAYS_SHOWN:
        change = changes[0]
        return AuditSentence(
            f"{who} changed the {change.label} of {what} from {change.before} to {change.after}", changes
        )
    if verb in _VERBS:
        return AuditSentence(f"{who} {_VERBS[verb]} {what}", changes)
    return AuditSentence(f"{who} did “{entry.action}” on {what}", changes)
