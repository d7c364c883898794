"""The workspace signing key: Ed25519 (from `cryptography`), so an archive can show which workspace made it.

The private key is kept in `signing.json`, wrapped (AES-GCM) by a sub-key of the master key, bound to the
workspace: without a handler's credential or the recovery key it signs nothing. The public key travels in
every signature; its fingerprint (SHA-256 of the raw public key, 128 bits in eight groups of four) is what
people compare: on the command line (`dsr-desk fingerprint`), in Settings and on every archive's summary.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat

from dsr_desk.errors import WorkspaceCorruptError
from dsr_desk.store import strict_json
from dsr_desk.store.atomic import atomic_write
from dsr_desk.store.crypto import UnwrapError, b64, derive_subkey, unb64, unwrap, wrap

FORMAT = "dsr-desk-signing-key"
VERSION = 1
FILE_NAME = "signing.json"
ALGORITHM = "Ed25519"


def fingerprint(public_key: bytes) -> str:
    """'4F2A-9C1B-…' (eight groups): the same text everywhere it is shown, so it can be compared by eye."""
    digest = hashlib.sha256(public_key).hexdigest()[:32].upper()
    return "-".join(digest[i : i + 4] for i in range(0, 32, 4))


class Signer:
    def __init__(self, private: Ed25519PrivateKey) -> None:
        self._private = private
        self.public_key = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        self.fingerprint = fingerprint(self.public_key)

    def sign(self, data: bytes) -> bytes:
        return self._private.sign(data)


def signature_holds(public_key: bytes, signature: bytes, data: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


def _wrapping_key(master: bytes) -> bytes:
    return derive_subkey(master, "dsr-desk/signing/v1")


def _context(workspace_id: str) -> bytes:
    return f"dsr-desk/signing/{workspace_id}".encode()


def load_signer(path: Path, master: bytes, workspace_id: str) -> Signer | None:
    """The workspace's signer, or None when it has none yet."""
    try:
        data = strict_json.loads(Path(path).read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        raise WorkspaceCorruptError(detail=f"{FILE_NAME}: unreadable") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise WorkspaceCorruptError(detail=f"{FILE_NAME}: not a signing key")
    try:
        raw = unwrap(data.get("wrapped") or {}, _wrapping_key(master), _context(workspace_id))
        signer = Signer(Ed25519PrivateKey.from_private_bytes(raw))
    except (UnwrapError, ValueError):
        raise WorkspaceCorruptError(detail=f"{FILE_NAME}: damaged or another workspace's") from None
    if data.get("public_key") != b64(signer.public_key):
        raise WorkspaceCorruptError(detail=f"{FILE_NAME}: public key does not match")
    return signer


def create_signer(path: Path, master: bytes, workspace_id: str) -> Signer:
    """A new key pair, written wrapped; the caller holds the workspace lock and found none."""
    private = Ed25519PrivateKey.generate()
    signer = Signer(private)
    raw = private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    data = {
        "format": FORMAT,
        "version": VERSION,
        "algorithm": ALGORITHM,
        "public_key": b64(signer.public_key),
        "wrapped": wrap(raw, _wrapping_key(master), _context(workspace_id)),
    }
    atomic_write(path, json.dumps(data, indent=2).encode("utf-8") + b"\n")
    return signer


def unb64_or_none(text: object) -> bytes | None:
    if not isinstance(text, str):
        return None
    try:
        return unb64(text)
    except ValueError:
        return None
