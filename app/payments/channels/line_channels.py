"""A business line's own channel settings (issue #56): per line and channel, an override of the merchant's ``enabled``
and ``priority``. A field the line leaves unset (None) is the merchant's, so a line without overrides offers exactly
what the merchant does; routing applies them to orders of the line (app/payments/channels/routing.py)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.errors import InvalidRequest
from app.extensions import db
from app.merchants.business_lines import get_line
from app.payments.channels.line_channel_models import LineChannelSetting
from app.payments.channels.line_overrides import line_overrides
from app.payments.channels.registry import channel_codes, channel_spec
from app.payments.channels.routing import channel_offers
from app.platform.db.types import utcnow

MAX_PRIORITY = 10_000  # as the merchant's own priority (app/payments/channels/configs.py)
FIELDS = ("enabled", "priority")


@dataclass(frozen=True)
class LineChannel:
    """One channel as a line's shoppers are offered it: the settings in force, and which of them are the line's own."""

    code: str
    name: str
    enabled: bool
    priority: int
    own_enabled: bool | None  # None: the merchant's
    own_priority: int | None
    merchant_enabled: bool  # what the merchant's other shoppers get (the portal shows what a line inherits)
    merchant_priority: int

    @property
    def inherited(self) -> bool:
        """Whether the line follows the merchant in everything for this channel."""
        return self.own_enabled is None and self.own_priority is None

    def to_json(self) -> dict:
        return {
            "object": "line_channel",
            "code": self.code,
            "name": self.name,
            "enabled": self.enabled,
            "priority": self.priority,
            "inherited": self.inherited,
            "overrides": {"enabled": self.own_enabled, "priority": self.own_priority},
        }


def line_channels(merchant_id: str, line_id: str) -> list[LineChannel]:
    """Every channel with the line's settings, in the order the line's shoppers see them (highest priority first;
    disabled ones in their place); another merchant's line is a 404."""
    line = get_line(merchant_id, line_id, param="id")
    own = line_overrides(merchant_id, line.id).channels
    merchants = {offer.code: offer for offer in channel_offers(merchant_id)}
    shown = []
    for offer in channel_offers(merchant_id, business_line=line.id):
        setting, merchant = own.get(offer.code), merchants[offer.code]
        shown.append(
            LineChannel(
                code=offer.code,
                name=offer.name,
                enabled=offer.enabled,
                priority=offer.priority,
                own_enabled=setting.enabled if setting else None,
                own_priority=setting.priority if setting else None,
                merchant_enabled=merchant.enabled,
                merchant_priority=merchant.priority,
            )
        )
    return shown


def _validated(changes: object) -> list[tuple[str, dict]]:
    """``[{code, enabled?, priority?}]`` as (code, {field: value}); a field left out is not changed, None clears it."""
    if not isinstance(changes, (list, tuple)):
        raise InvalidRequest("channels must be a list of {code, enabled, priority}", param="channels")
    clean: list[tuple[str, dict]] = []
    for index, entry in enumerate(changes):
        where = f"channels[{index}]"
        if not isinstance(entry, dict):
            raise InvalidRequest(f"{where} must be an object {{code, enabled, priority}}", param=where)
        code = entry.get("code")
        if not isinstance(code, str) or channel_spec(code) is None:
            raise InvalidRequest(
                f"{where}.code: unknown channel {code!r}; channels: {', '.join(channel_codes())}",
                code="resource_missing",  # a channel of that code is not installed, as a SKU of an id may not exist
                param=f"{where}.code",
            )
        if any(code == seen for seen, _ in clean):
            raise InvalidRequest(f"{where}.code: {code} is named twice; name each channel once", param=f"{where}.code")
        unknown = sorted(set(entry) - {"code", *FIELDS})
        if unknown:
            raise InvalidRequest(
                f"{where}.{unknown[0]}: a line sets only enabled and priority of a channel",
                param=f"{where}.{unknown[0]}",
            )
        fields: dict = {}
        if "enabled" in entry:
            if entry["enabled"] is not None and not isinstance(entry["enabled"], bool):
                raise InvalidRequest(
                    f"{where}.enabled must be true, false or null (the merchant's setting)", param=f"{where}.enabled"
                )
            fields["enabled"] = entry["enabled"]
        if "priority" in entry:
            value = entry["priority"]
            if value is not None and (type(value) is not int or not 0 <= value <= MAX_PRIORITY):
                raise InvalidRequest(
                    f"{where}.priority must be a whole number from 0 (first) to {MAX_PRIORITY}, or null (the "
                    "merchant's priority)",
                    param=f"{where}.priority",
                )
            fields["priority"] = value
        clean.append((code, fields))
    return clean


def set_line_channels(merchant_id: str, line_id: str, changes: object) -> list[LineChannel]:
    """Set (or, with None, clear) the line's own ``enabled`` and ``priority`` of the channels named; the others keep
    theirs. An archived line's channels cannot change (it takes no new orders); bad input is a 400 naming the field
    and changes nothing."""
    line = get_line(merchant_id, line_id, param="id")
    if line.archived_at is not None:
        raise InvalidRequest(
            f"business line {line.code!r} is archived: its channels cannot change",
            code="business_line_archived",
            param="id",
        )
    clean = _validated(changes)
    rows = {
        row.code: row
        for row in db.session.scalars(select(LineChannelSetting).where(LineChannelSetting.business_line_id == line.id))
    }
    for code, fields in clean:
        row = rows.get(code)
        if row is None:
            row = LineChannelSetting(merchant_id=merchant_id, business_line_id=line.id, code=code)
        for name, value in fields.items():
            setattr(row, name, value)
        if row.enabled is None and row.priority is None:
            # Nothing of its own left: no row, so "inherited" is simply its absence.
            if row.id is not None:
                db.session.delete(row)
            rows.pop(code, None)
            continue
        row.updated_at = utcnow()
        if code not in rows:
            db.session.add(row)
            rows[code] = row
    try:
        db.session.commit()
    except IntegrityError:  # a concurrent first save of the same channel won its unique key
        db.session.rollback()
        raise InvalidRequest("the line's channels changed concurrently; try again", param="channels") from None
    return line_channels(merchant_id, line.id)


def line_channel_settings(merchant_id: str, line_id: str) -> dict:
    """The line's own settings as JSON by channel code (none: it follows the merchant), e.g. for the audit log."""
    rows = db.session.scalars(
        select(LineChannelSetting)
        .where(LineChannelSetting.merchant_id == merchant_id, LineChannelSetting.business_line_id == line_id)
        .order_by(LineChannelSetting.code)
    )
    return {"channels": {row.code: {"enabled": row.enabled, "priority": row.priority} for row in rows}}
