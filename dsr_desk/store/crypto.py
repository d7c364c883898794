"""Key material: random keys, AES-GCM key wrapping, Argon2id from a passphrase, HKDF sub-keys.

Nothing here writes a key anywhere; callers decide where the (wrapped) results go.
"""

from __future__ import annotations

import base64
import secrets
import unicodedata
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

KEY_BYTES = 32
NONCE_BYTES = 12


class UnwrapError(Exception):
    """The wrapping key is wrong, or the wrapped bytes were changed. Callers turn this into a typed error."""


def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def wrap(secret: bytes, wrapping_key: bytes, context: bytes) -> dict[str, str]:
    """AES-256-GCM; `context` is bound as associated data so a wrapped key cannot be moved elsewhere."""
    nonce = secrets.token_bytes(NONCE_BYTES)
    return {"nonce": b64(nonce), "ciphertext": b64(AESGCM(wrapping_key).encrypt(nonce, secret, context))}


def unwrap(blob: dict[str, str], wrapping_key: bytes, context: bytes) -> bytes:
    try:
        return AESGCM(wrapping_key).decrypt(unb64(blob["nonce"]), unb64(blob["ciphertext"]), context)
    except (InvalidTag, KeyError, ValueError, TypeError, AttributeError) as exc:  # a tampered file: any shape
        raise UnwrapError from exc


def derive_subkey(master: bytes, purpose: str) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=purpose.encode()).derive(master)


@dataclass(frozen=True)
class PassphraseKdf:
    """Argon2id parameters, stored beside the wrapped key so they can be raised later.

    The defaults are RFC 9106's second recommendation (64 MiB, 3 passes, 4 lanes): about 0.15 s here.
    """

    salt: bytes
    memory_kib: int = 64 * 1024
    iterations: int = 3
    lanes: int = 4

    @classmethod
    def fresh(cls) -> PassphraseKdf:
        return cls(salt=secrets.token_bytes(16))

    def derive(self, passphrase: str) -> bytes:
        # NFC: the same passphrase typed on macOS and Windows must give the same key.
        secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
        return Argon2id(
            salt=self.salt,
            length=KEY_BYTES,
            iterations=self.iterations,
            lanes=self.lanes,
            memory_cost=self.memory_kib,
        ).derive(secret)

    def to_json(self) -> dict[str, object]:
        return {
            "kdf": "argon2id",
            "salt": b64(self.salt),
            "memory_kib": self.memory_kib,
            "iterations": self.iterations,
            "lanes": self.lanes,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> PassphraseKdf:
        """Parameters read from disk, each within bounds: a key file edited to ask for 16 GiB or a million
        passes would otherwise hang the app at unlock. Raises ValueError naming what is wrong."""
        if data.get("kdf") != "argon2id":
            raise ValueError("unknown key derivation")
        salt = unb64(str(data["salt"]))
        if not MIN_SALT <= len(salt) <= MAX_SALT:
            raise ValueError("salt")
        values = {name: data.get(name) for name in _BOUNDS}
        for name, (low, high) in _BOUNDS.items():
            value = values[name]
            if type(value) is not int or not low <= value <= high:
                raise ValueError(name)
        return cls(salt=salt, **values)  # type: ignore[arg-type]


MIN_SALT, MAX_SALT = 16, 64
# Wide enough for any parameters a later release may choose, narrow enough that no value hangs an unlock.
_BOUNDS = {"memory_kib": (8 * 1024, 1024 * 1024), "iterations": (1, 16), "lanes": (1, 16)}
