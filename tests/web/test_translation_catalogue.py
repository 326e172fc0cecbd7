"""The committed message catalogue holds every text a shopper is shown: a template or module that translates but
is left out of babel.cfg is extracted by nobody, and the next re-extraction marks its German and French texts
obsolete (the subscriber emails went out in English that way)."""

from __future__ import annotations

import re
from configparser import RawConfigParser
from pathlib import Path

from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po
from babel.util import pathmatch

ROOT = Path(__file__).resolve().parents[2]
TRANSLATES = re.compile(r"""(?<![\w.])(?:_|gettext|ngettext|lazy_gettext)\(\s*["']""")


def _ids(path: Path) -> set[str]:
    with path.open("rb") as handle:
        return {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}


def test_every_file_that_translates_is_extracted():
    config = RawConfigParser()
    config.read(ROOT / "babel.cfg")
    patterns = [section.split(":", 1)[1].strip() for section in config.sections()]
    files = [*ROOT.glob("templates/**/*.html"), *ROOT.glob("templates/**/*.txt"), *ROOT.glob("app/**/*.py")]
    missed = [
        str(path.relative_to(ROOT))
        for path in files
        if TRANSLATES.search(path.read_text(encoding="utf-8"))
        and "/portal/" not in str(path)
        and not any(pathmatch(pattern, str(path.relative_to(ROOT))) for pattern in patterns)
    ]
    assert missed == [], "add them to babel.cfg (docs/languages.md)"


def test_the_committed_catalogue_is_current_and_translated(tmp_path):
    fresh = tmp_path / "messages.pot"
    CommandLineInterface().run(
        ["pybabel", "-q", "extract", "-F", str(ROOT / "babel.cfg"), "-k", "lazy_gettext", "-o", str(fresh), str(ROOT)]
    )
    assert _ids(fresh) - _ids(ROOT / "translations" / "messages.pot") == set(), "extract and update (docs/languages.md)"
    for language in ("de", "fr"):
        assert _ids(ROOT / "translations" / language / "LC_MESSAGES" / "messages.po") >= _ids(fresh), language
