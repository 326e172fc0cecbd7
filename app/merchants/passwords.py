"""Portal passwords, hashed by werkzeug's KDF at the cost ``PASSWORD_HASH_METHOD`` names.

The default is werkzeug's own (scrypt, N = 32768: about 0.15 s a hash on one core here). The cost is stored in
each hash, so raising it later leaves existing passwords checkable; the test suite lowers it, because it signs
up a merchant for nearly every test.
"""

from __future__ import annotations

from functools import lru_cache

from flask import current_app
from werkzeug.security import check_password_hash, generate_password_hash


def hash_password(password: str) -> str:
    """The hash to store for ``password``."""
    return generate_password_hash(password, method=current_app.config["PASSWORD_HASH_METHOD"])


def password_matches(password_hash: str, password: str) -> bool:
    return check_password_hash(password_hash, password)


def check_without_a_user(password: str) -> None:
    """Spend what checking a real password costs, so an unknown email answers no faster than a wrong password."""
    check_password_hash(_stand_in(current_app.config["PASSWORD_HASH_METHOD"]), password)


@lru_cache(maxsize=4)
def _stand_in(method: str) -> str:
    return generate_password_hash("not-a-password", method=method)
