"""The API reference's renderer is the version the README names, pinned exactly, and vendored as copied by
`make vendor-api-docs` (its outside image replaced)."""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
VENDORED = ROOT / "static" / "vendor" / "redoc"


def test_redoc_is_pinned_exactly_and_vendored_at_that_version():
    pinned = json.loads((ROOT / "tools" / "api-docs" / "package.json").read_text())["dependencies"]["redoc"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", pinned), f"pin an exact version, not {pinned}"
    locked = json.loads((ROOT / "tools" / "api-docs" / "package-lock.json").read_text())
    assert locked["packages"]["node_modules/redoc"]["version"] == pinned
    assert f'Version: "{pinned}"' in (VENDORED / "redoc.standalone.js.LICENSE.txt").read_text()
    assert (VENDORED / "LICENSE").read_text().startswith("The MIT License")
    assert f"**Redoc {pinned}**" in (ROOT / "README.md").read_text()


def test_the_vendored_bundle_loads_nothing_from_redocly():
    bundle = (VENDORED / "redoc.standalone.js").read_text()
    assert "cdn.redoc.ly" not in bundle
    assert "redoc.standalone.js.map" not in bundle  # the map is not vendored: no 404 when devtools open
