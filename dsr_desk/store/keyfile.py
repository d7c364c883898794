"""keyfile.json: how this workspace's master key is kept, and the wrapped copies of it.

- storage "keychain": the master key sits in the OS keychain; the file holds only a check value.
- storage "passphrase": the master key is wrapped with a key derived by Argon2id from the passphrase.
- always: a copy wrapped by the recovery key from the printed recovery sheet.
No key is ever in this file in plain text.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass, replace
from pathlib import Path

from dsr_desk.errors import (
    PassphraseRequiredError,
    WorkspaceCorruptError,
    WrongKeyError,
    WrongPassphraseError,
    WrongRecoveryKeyError,
)
from dsr_desk.store import strict_json
from dsr_desk.store.atomic import atomic_write
from dsr_desk.store.crypto import PassphraseKdf, UnwrapError, new_key, unwrap, wrap
from dsr_desk.store.recovery_key import new_recovery_key, parse_recovery_key, recovery_wrapping_key

FORMAT = "dsr-desk-keyfile"
VERSION = 1
KEYCHAIN = "keychain"
PASSPHRASE = "passphrase"
_CHECK_PLAINTEXT = b"dsr-desk master key check"


@dataclass(frozen=True)
class KeyFile:
    workspace_id: str
    created: str
    storage: str
    check: dict[str, str]
    recovery: dict[str, str]
    passphrase_kdf: dict[str, object] | None = None
    passphrase_wrapped: dict[str, str] | None = None

    @classmethod
    def new(cls, storage: str, passphrase: str | None = None) -> tuple[KeyFile, bytes, str]:
        """A fresh master key and key file; returns (key file, master key, recovery key text)."""
        workspace_id = str(uuid.uuid4())
        master = new_key()
        recovery_text = new_recovery_key()
        recovery_key = recovery_wrapping_key(parse_recovery_key(recovery_text))
        keyfile = cls(
            workspace_id=workspace_id,
            created=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            storage=KEYCHAIN,
            check=wrap(_CHECK_PLAINTEXT, master, _context("check", workspace_id)),
            recovery=wrap(master, recovery_key, _context("recovery", workspace_id)),
        )
        if storage == PASSPHRASE:
            keyfile = keyfile.protected_by_passphrase(master, passphrase)
        return keyfile, master, recovery_text

    def verify(self, master: bytes) -> bytes:
        """Returns the master key when it belongs to this workspace; raises WrongKeyError otherwise."""
        try:
            unwrap(self.check, master, _context("check", self.workspace_id))
        except UnwrapError:
            raise WrongKeyError() from None
        return master

    def unlock_with_passphrase(self, passphrase: str | None) -> bytes:
        if self.storage != PASSPHRASE or self.passphrase_kdf is None or self.passphrase_wrapped is None:
            raise WorkspaceCorruptError(detail="no passphrase-wrapped key")
        if not passphrase:
            raise PassphraseRequiredError()
        wrapping_key = PassphraseKdf.from_json(self.passphrase_kdf).derive(passphrase)
        try:
            master = unwrap(self.passphrase_wrapped, wrapping_key, _context("passphrase", self.workspace_id))
        except UnwrapError:
            raise WrongPassphraseError() from None
        return self.verify(master)

    def unlock_with_recovery_key(self, recovery_text: str) -> bytes:
        recovery_key = recovery_wrapping_key(parse_recovery_key(recovery_text))
        try:
            master = unwrap(self.recovery, recovery_key, _context("recovery", self.workspace_id))
        except UnwrapError:
            raise WrongRecoveryKeyError() from None
        return self.verify(master)

    def protected_by_passphrase(self, master: bytes, passphrase: str | None) -> KeyFile:
        if not passphrase:
            raise PassphraseRequiredError()
        kdf = PassphraseKdf.fresh()
        wrapped = wrap(master, kdf.derive(passphrase), _context("passphrase", self.workspace_id))
        return replace(self, storage=PASSPHRASE, passphrase_kdf=kdf.to_json(), passphrase_wrapped=wrapped)

    def kept_in_keychain(self) -> KeyFile:
        return replace(self, storage=KEYCHAIN, passphrase_kdf=None, passphrase_wrapped=None)

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "format": FORMAT,
            "version": VERSION,
            "workspace_id": self.workspace_id,
            "created": self.created,
            "storage": self.storage,
            "check": self.check,
            "recovery": self.recovery,
        }
        if self.storage == PASSPHRASE:
            data["passphrase"] = {**(self.passphrase_kdf or {}), "wrapped": self.passphrase_wrapped}
        return data

    def save(self, path: Path) -> None:
        atomic_write(path, json.dumps(self.to_json(), indent=2).encode("utf-8") + b"\n")

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        try:
            data = strict_json.loads(path.read_bytes())  # no NaN, huge numbers or deep nesting
            if data.get("format") != FORMAT:
                raise ValueError("not a key file")
            if int(data["version"]) > VERSION:
                raise ValueError("newer key file")
            passphrase = data.get("passphrase")
            return cls(
                workspace_id=str(data["workspace_id"]),
                created=str(data["created"]),
                storage=str(data["storage"]),
                check=dict(data["check"]),
                recovery=dict(data["recovery"]),
                passphrase_kdf={k: v for k, v in passphrase.items() if k != "wrapped"}
                if passphrase
                else None,
                passphrase_wrapped=dict(passphrase["wrapped"]) if passphrase else None,
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise WorkspaceCorruptError(detail=f"keyfile.json: {type(exc).__name__}") from None


def _context(purpose: str, workspace_id: str) -> bytes:
    return f"dsr-desk/{purpose}/{workspace_id}".encode()
