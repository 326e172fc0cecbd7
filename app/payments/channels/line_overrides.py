"""What each business line changes of the merchant's channel settings, as routing reads it: kept in memory per
merchant like the channel settings themselves (``cached``), so a line order costs no extra query."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from app.merchants.business_line_models import BusinessLine
from app.merchants.config_cache import cached
from app.payments.channels.line_channel_models import LineChannelSetting


@dataclass(frozen=True)
class LineOverride:
    """One line's own ``enabled`` and ``priority`` for one channel (None: the merchant's)."""

    enabled: bool | None = None
    priority: int | None = None


@dataclass(frozen=True)
class LineChannelOverrides:
    """One line's overrides by channel code, and the line's code to name it in a refusal."""

    line_code: str
    channels: dict[str, LineOverride] = field(default_factory=dict)


NO_LINE = LineChannelOverrides(line_code="")


def load_line_overrides(session, merchant_id: str) -> dict[str, LineChannelOverrides]:
    """Every line of the merchant that has overrides, by line id (a loader for ``cached``)."""
    rows = session.execute(
        select(LineChannelSetting, BusinessLine.code)
        .join(BusinessLine, BusinessLine.id == LineChannelSetting.business_line_id)
        .where(LineChannelSetting.merchant_id == merchant_id)
    ).all()
    found: dict[str, LineChannelOverrides] = {}
    for row, line_code in rows:
        line = found.setdefault(row.business_line_id, LineChannelOverrides(line_code=line_code))
        line.channels[row.code] = LineOverride(enabled=row.enabled, priority=row.priority)
    return found


def line_overrides(merchant_id: str, line_id: str | None) -> LineChannelOverrides:
    """The overrides of ``line_id`` (none for an order of no line, or a line that follows the merchant)."""
    if line_id is None:
        return NO_LINE
    return cached(merchant_id, "payments.line_channel_overrides", load_line_overrides).get(line_id, NO_LINE)
