"""Codes a person reads aloud or types over: a verification code, an export password."""

from __future__ import annotations

import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"  # no 0/O, 1/I/L, U: easy to read aloud and to type


def readable_code(groups: int, size: int) -> str:
    """`groups` groups of `size` random characters from ALPHABET, joined by hyphens."""
    return "-".join("".join(secrets.choice(ALPHABET) for _ in range(size)) for _ in range(groups))
