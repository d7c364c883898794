"""keyfile.json: who may open this workspace, and the wrapped copies of its master key.

Each handler has a credential of their own that unlocks the one workspace master key:
- "passphrase": the master key wrapped with a key derived by Argon2id from that handler's passphrase;
- "keychain": the master key sits in that handler's entry in the OS keychain of their computer; the file
  holds only the name of the entry.
Always: a copy wrapped by the recovery key from the printed recovery sheet, and a check value that tells
the master key of this workspace from any other. No key is ever in this file in plain text.

Version 1 (DSR Desk 0.1) had one credential and no handlers; it is read as a workspace with one handler,
a privacy officer, whose name the caller gives (it was kept in settings.toml).
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass, field, replace
from pathlib import Path

from dsr_desk.errors import (
    HandlerUnknownError,
    PassphraseRequiredError,
    WorkspaceCorruptError,
    WrongKeyError,
    WrongPassphraseError,
    WrongRecoveryKeyError,
)
from dsr_desk.store import strict_json
from dsr_desk.store.atomic import atomic_write
from dsr_desk.store.crypto import PassphraseKdf, UnwrapError, new_key, unwrap, wrap
from dsr_desk.store.handlers import (  # noqa: F401 - the handler names are part of the key file's API
    FIRST,
    HANDLER,
    KEYCHAIN,
    OFFICER,
    PASSPHRASE,
    ROLES,
    Handler,
    blob,
    first_handler,
    folded,
    handler_from_json,
)
from dsr_desk.store.recovery_key import new_recovery_key, parse_recovery_key, recovery_wrapping_key

FORMAT = "dsr-desk-keyfile"
VERSION = 2
_CHECK_PLAINTEXT = b"dsr-desk master key check"
_MAX_BYTES = 1024 * 1024


@dataclass(frozen=True)
class KeyFile:
    workspace_id: str
    created: str
    check: dict[str, str]
    recovery: dict[str, str]
    handlers: tuple[Handler, ...]
    stored_version: int = field(default=VERSION, compare=False)  # as read from disk: 1 is upgraded

    @classmethod
    def new(
        cls, storage: str, passphrase: str | None = None, handler_name: str = ""
    ) -> tuple[KeyFile, bytes, str]:
        """A fresh master key and key file with its first handler, a privacy officer; returns (key file,
        master key, recovery key text)."""
        workspace_id = str(uuid.uuid4())
        master = new_key()
        recovery_text = new_recovery_key()
        recovery_key = recovery_wrapping_key(parse_recovery_key(recovery_text))
        keyfile = cls(
            workspace_id=workspace_id,
            created=_now(),
            check=wrap(_CHECK_PLAINTEXT, master, _context("check", workspace_id)),
            recovery=wrap(master, recovery_key, _context("recovery", workspace_id)),
            handlers=(),
        )
        first = Handler(FIRST, handler_name, OFFICER, storage, _now())
        keyfile = replace(keyfile, handlers=(keyfile._credential(first, master, storage, passphrase),))
        return keyfile, master, recovery_text

    # -- handlers --------------------------------------------------------------------------------------------

    def handler(self, name: str | None = None) -> Handler:
        """The handler called `name` (case and spacing ignored); without a name, the first one."""
        if not name:
            return self.handlers[0]
        wanted = folded(name)
        for handler in self.handlers:
            if folded(handler.name) == wanted:
                return handler
        raise HandlerUnknownError(name=name)

    def has_handler(self, name: str) -> bool:
        return any(folded(h.name) == folded(name) for h in self.handlers)

    def with_handler(
        self, master: bytes, name: str, role: str, storage: str, passphrase: str | None
    ) -> KeyFile:
        handler = Handler(uuid.uuid4().hex, name, role, storage, _now())
        return replace(
            self, handlers=(*self.handlers, self._credential(handler, master, storage, passphrase))
        )

    def with_credential(
        self, handler_id: str, master: bytes, storage: str, passphrase: str | None
    ) -> KeyFile:
        """The handler's credential replaced (a new passphrase, or the keychain instead); the old one no
        longer opens the workspace."""
        return self._replaced(handler_id, lambda h: self._credential(h, master, storage, passphrase))

    def renamed(self, handler_id: str, name: str) -> KeyFile:
        return self._replaced(handler_id, lambda h: replace(h, name=name))

    def with_role(self, handler_id: str, role: str) -> KeyFile:
        return self._replaced(handler_id, lambda h: replace(h, role=role))

    def without_handler(self, handler_id: str) -> KeyFile:
        """The handler and their wrapped key gone: their passphrase no longer opens the workspace."""
        return replace(self, handlers=tuple(h for h in self.handlers if h.id != handler_id))

    # -- unlocking -------------------------------------------------------------------------------------------

    def verify(self, master: bytes) -> bytes:
        """Returns the master key when it belongs to this workspace; raises WrongKeyError otherwise."""
        try:
            unwrap(self.check, master, _context("check", self.workspace_id))
        except UnwrapError:
            raise WrongKeyError() from None
        return master

    def unlock_with_passphrase(self, handler: Handler, passphrase: str | None) -> bytes:
        if handler.storage != PASSPHRASE or handler.kdf is None or handler.wrapped is None:
            raise WorkspaceCorruptError(detail="no passphrase-wrapped key")
        if not passphrase:
            raise PassphraseRequiredError()
        wrapping_key = PassphraseKdf.from_json(handler.kdf).derive(passphrase)
        try:
            master = unwrap(handler.wrapped, wrapping_key, self._passphrase_context(handler))
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

    # -- the file --------------------------------------------------------------------------------------------

    def to_json(self) -> dict[str, object]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "workspace_id": self.workspace_id,
            "created": self.created,
            "check": self.check,
            "recovery": self.recovery,
            "handlers": [handler.to_json() for handler in self.handlers],
        }

    def save(self, path: Path) -> None:
        atomic_write(path, json.dumps(self.to_json(), indent=2, ensure_ascii=False).encode("utf-8") + b"\n")

    @classmethod
    def load(cls, path: Path, first_handler_name: str = "") -> KeyFile:
        """Reads the key file; a version 1 file comes back with one handler called `first_handler_name`."""
        try:
            raw = Path(path).read_bytes()
            if len(raw) > _MAX_BYTES:
                raise ValueError("too large")
            data = strict_json.loads(raw)  # no NaN, huge numbers or deep nesting
            if not isinstance(data, dict) or data.get("format") != FORMAT:
                raise ValueError("not a key file")
            version = data["version"]
            if type(version) is not int or not 1 <= version <= VERSION:
                raise ValueError("unknown version")
            if version == 1:
                handlers = (first_handler(data, first_handler_name, str(data["created"])),)
            else:
                handlers = tuple(handler_from_json(item) for item in data["handlers"])
            keyfile = cls(
                workspace_id=str(uuid.UUID(str(data["workspace_id"]))),
                created=str(data["created"]),
                check=blob(data["check"]),
                recovery=blob(data["recovery"]),
                handlers=handlers,
                stored_version=version,
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
            raise WorkspaceCorruptError(detail=f"keyfile.json: {_problem(exc)}") from None
        if not keyfile.handlers or not any(h.is_officer for h in keyfile.handlers):
            raise WorkspaceCorruptError(detail="keyfile.json: no privacy officer")
        return keyfile

    # -- internals -------------------------------------------------------------------------------------------

    def _credential(self, handler: Handler, master: bytes, storage: str, passphrase: str | None) -> Handler:
        if storage == KEYCHAIN:
            return replace(handler, storage=KEYCHAIN, kdf=None, wrapped=None)
        if storage != PASSPHRASE:
            raise ValueError(storage)
        if not passphrase:
            raise PassphraseRequiredError()
        kdf = PassphraseKdf.fresh()
        wrapped = wrap(master, kdf.derive(passphrase), self._passphrase_context(handler))
        return replace(handler, storage=PASSPHRASE, kdf=kdf.to_json(), wrapped=wrapped)

    def _passphrase_context(self, handler: Handler) -> bytes:
        # Bound to the handler: one handler's wrapped key moved into another's entry does not unwrap.
        purpose = "passphrase" if handler.id == FIRST else f"passphrase/{handler.id}"
        return _context(purpose, self.workspace_id)

    def _replaced(self, handler_id: str, change) -> KeyFile:
        if not any(h.id == handler_id for h in self.handlers):
            raise HandlerUnknownError(name=handler_id)
        return replace(self, handlers=tuple(change(h) if h.id == handler_id else h for h in self.handlers))


def _problem(exc: BaseException) -> str:
    # The message of a ValueError raised here names the field; others are shown by kind only.
    if isinstance(exc, strict_json.UntrustedJsonError):
        return exc.reason
    if type(exc) is ValueError and exc.args and isinstance(exc.args[0], str) and len(exc.args[0]) < 40:
        return exc.args[0]
    return type(exc).__name__


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _context(purpose: str, workspace_id: str) -> bytes:
    return f"dsr-desk/{purpose}/{workspace_id}".encode()
