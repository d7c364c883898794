"""The recovery key printed on the recovery sheet: 160 random bits in Crockford base32, with a checksum.

Groups of four, e.g. `7K2M-...`; letters that are easy to confuse (I, L, O, U) are not used, and a typed
I or L reads as 1 and O as 0. The last group is a checksum, so a typo is told apart from a wrong key.
"""

from __future__ import annotations

import hashlib
import secrets

from dsr_desk.errors import RecoveryKeyTypoError
from dsr_desk.store.crypto import derive_subkey

_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_SECRET_BYTES = 20  # 160 bits -> 32 characters
_CHECK_CHARS = 4


def new_recovery_key() -> str:
    return format_recovery_key(secrets.token_bytes(_SECRET_BYTES))


def format_recovery_key(secret: bytes) -> str:
    body = _encode(secret)
    chars = body + _checksum(body)
    return "-".join(chars[i : i + 4] for i in range(0, len(chars), 4))


def parse_recovery_key(text: str) -> bytes:
    """The secret behind a typed recovery key; raises RecoveryKeyTypoError when it cannot be one."""
    chars = text.upper().replace("-", "").replace(" ", "").translate(str.maketrans("ILO", "110"))
    body, check = chars[:-_CHECK_CHARS], chars[-_CHECK_CHARS:]
    if len(body) != 32 or any(c not in _ALPHABET for c in chars) or _checksum(body) != check:
        raise RecoveryKeyTypoError()
    return _decode(body)


def recovery_wrapping_key(secret: bytes) -> bytes:
    # The secret is 160 random bits, so a slow passphrase KDF would add nothing.
    return derive_subkey(secret, "dsr-desk/recovery/v1")


def _encode(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    return "".join(_ALPHABET[(number >> (5 * i)) & 31] for i in reversed(range(len(data) * 8 // 5)))


def _decode(text: str) -> bytes:
    number = 0
    for char in text:
        number = (number << 5) | _ALPHABET.index(char)
    return number.to_bytes(len(text) * 5 // 8, "big")


def _checksum(body: str) -> str:
    digest = int.from_bytes(hashlib.sha256(body.encode()).digest()[:4], "big")
    return "".join(_ALPHABET[(digest >> (5 * i)) & 31] for i in range(_CHECK_CHARS))
