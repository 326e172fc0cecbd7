"""What a merchant enters for a payment tool (credentials and options): checked against the tool's settings schema
(app/payments/channels/registry.py), stored sealed (app/payments/channels/sealed_settings.py), shown masked; and the
keys that seal them, named for backups and rotated. Values are never logged; the portal only ever sees them masked.
"""

from __future__ import annotations

import hashlib
import json
import re

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.errors import InvalidRequest
from app.extensions import db
from app.payments.channels.credential_models import ChannelCredentials
from app.payments.channels.registry import ChannelSpec, channel_codes, channel_spec
from app.payments.channels.sealed_settings import configured_keys, merchant_settings, saved_row, sealing_keys, unseal
from app.platform.db.types import utcnow
from app.platform.observability import logs

log = logs.get("payments.credentials")

MASK = "••••"


def key_fingerprints() -> list[str]:
    """A short SHA-256 of each configured key, newest first: names a key (a backup records which ones its
    settings were encrypted under) without telling anything of it."""
    return [hashlib.sha256(key.encode()).hexdigest()[:16] for key in configured_keys()]


def _spec(code: object) -> ChannelSpec:
    spec = channel_spec(code)
    if spec is None:
        raise InvalidRequest(f"unknown channel {code!r}; channels: {', '.join(channel_codes())}", param="code")
    return spec


def is_set_up(merchant_id: str, code: str) -> bool:
    """Has the merchant entered every required setting of the channel?"""
    spec = channel_spec(code)
    if spec is None or not spec.needs_setup:
        return True
    saved = merchant_settings(merchant_id, code)
    return all(saved.get(f.name) for f in spec.settings if f.required)


def _validated(spec: ChannelSpec, values: dict, saved: dict) -> dict:
    known = {f.name: f for f in spec.settings}
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise InvalidRequest(
            f"unknown setting {unknown[0]!r} for {spec.code}; settable: {', '.join(known) or 'none'}", param=unknown[0]
        )
    clean = dict(saved)
    for name, setting in known.items():
        value = values.get(name)
        if value is not None and not isinstance(value, str):
            raise InvalidRequest(f"{setting.label} must be text", param=name)
        value = (value or "").strip()
        if not value:
            if setting.secret and saved.get(name):
                continue  # a blank secret keeps the saved one: the portal never shows it to edit
            if setting.required:
                raise InvalidRequest(f"{setting.label} is required", param=name)
            clean.pop(name, None)
            continue
        if len(value) > setting.max_length:
            raise InvalidRequest(f"{setting.label} must be at most {setting.max_length} characters", param=name)
        if setting.pattern and not re.fullmatch(setting.pattern, value):
            raise InvalidRequest(
                f"{setting.label} does not look right" + (f": {setting.pattern_hint}" if setting.pattern_hint else ""),
                param=name,
            )
        clean[name] = value
    return clean


def save_channel_settings(merchant_id: str, code: object, values: dict) -> dict:
    """Check the merchant's values against the channel's schema and store them encrypted; returns them masked.
    A blank secret keeps the saved value; invalid input is a 400 naming the field."""
    spec = _spec(code)
    if not isinstance(values, dict):
        raise InvalidRequest("settings must be an object of setting names to text", param="settings")
    for _ in range(2):  # a concurrent first save may win the unique key; then update its row
        row = saved_row(merchant_id, spec.code)
        clean = _validated(spec, values, unseal(row) if row is not None else {})
        token = sealing_keys().encrypt(json.dumps(clean, sort_keys=True).encode()).decode()
        if row is None:
            row = ChannelCredentials(merchant_id=merchant_id, code=spec.code, ciphertext=token, updated_at=utcnow())
            db.session.add(row)
        else:
            row.ciphertext, row.updated_at = token, utcnow()
        try:
            db.session.commit()
        except IntegrityError:
            db.session.rollback()
            continue
        log.info(
            "channel settings saved",
            extra={"fields": {"merchant_id": merchant_id, "channel": spec.code, "settings": sorted(clean)}},
        )
        return mask_settings(spec, clean)
    raise InvalidRequest("the channel settings changed concurrently; try again", param="code")


def mask(value: str) -> str:
    """A secret as the portal shows it: its last four characters only when it is long enough to keep the rest
    unguessable (a Stripe key shows as ``••••4242``)."""
    return MASK + value[-4:] if len(value) >= 16 else MASK


def mask_settings(spec: ChannelSpec, values: dict) -> dict:
    """Saved values as anyone may see them: secrets masked, options as entered."""
    return {f.name: (mask(values[f.name]) if f.secret else values[f.name]) for f in spec.settings if values.get(f.name)}


def masked_settings(merchant_id: str, code: str) -> dict:
    """The merchant's saved settings for a channel, secrets masked (for the portal and the audit log)."""
    spec = _spec(code)
    return mask_settings(spec, merchant_settings(merchant_id, spec.code))


def rotate_channel_keys(batch: int = 500) -> int:
    """Re-encrypt every stored setting with the newest key (MultiFernet.rotate); returns how many rows. Run it
    after putting a new key first in CHANNEL_CREDENTIALS_KEYS, before removing the old one."""
    keys, done, last_id = sealing_keys(), 0, 0
    while True:  # bounded: each pass moves past ``batch`` ids, and the table is finite
        rows = list(
            db.session.scalars(
                select(ChannelCredentials)
                .where(ChannelCredentials.id > last_id)
                .order_by(ChannelCredentials.id)
                .limit(batch)
            )
        )
        if not rows:
            return done
        for row in rows:
            row.ciphertext = keys.rotate(row.ciphertext.encode()).decode()
            last_id = row.id
        db.session.commit()
        done += len(rows)
