"""The workspace master key in the operating system's keychain, through the `keyring` API.

Windows Credential Locker, macOS Keychain, Secret Service on Linux. Tests pass their own backend; nothing
here falls back to storing the key anywhere else when the keychain is missing or locked.
"""

from __future__ import annotations

import logging

import keyring
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.errors import KeyringError, PasswordDeleteError

from dsr_desk.errors import KeychainEntryMissingError, KeychainUnavailableError
from dsr_desk.store.crypto import KEY_BYTES, b64, unb64

SERVICE = "DSR Desk"
_PROBE_ACCOUNT = "dsr-desk-probe"
log = logging.getLogger(__name__)

# Backends raise their own exception types (D-Bus, Security framework, ...), not only KeyringError,
# so every backend call catches Exception and keeps only the type name.
_BACKEND_ERRORS = (KeyringError, Exception)


class Keychain:
    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self._backend = backend

    @property
    def backend(self) -> KeyringBackend:
        return self._backend if self._backend is not None else keyring.get_keyring()

    def is_usable(self) -> bool:
        """True when a real keychain answers: it can store, read back and delete a probe entry."""
        try:
            backend = self.backend
            if isinstance(backend, fail.Keyring):
                return False
            backend.set_password(SERVICE, _PROBE_ACCOUNT, "probe")
            ok = backend.get_password(SERVICE, _PROBE_ACCOUNT) == "probe"
            backend.delete_password(SERVICE, _PROBE_ACCOUNT)
        except _BACKEND_ERRORS as exc:
            log.info("keychain not usable: %s", type(exc).__name__)
            return False
        return ok

    def store(self, workspace_id: str, master_key: bytes, handler_id: str | None = None) -> None:
        try:
            self.backend.set_password(SERVICE, _account(workspace_id, handler_id), b64(master_key))
        except _BACKEND_ERRORS as exc:
            raise KeychainUnavailableError() from _without_detail(exc)

    def load(self, workspace_id: str, handler_id: str | None = None) -> bytes:
        try:
            value = self.backend.get_password(SERVICE, _account(workspace_id, handler_id))
        except _BACKEND_ERRORS as exc:
            raise KeychainUnavailableError() from _without_detail(exc)
        if value is None:
            raise KeychainEntryMissingError()
        try:
            key = unb64(value)
        except ValueError:
            raise KeychainEntryMissingError() from None
        if len(key) != KEY_BYTES:
            raise KeychainEntryMissingError()
        return key

    def delete(self, workspace_id: str, handler_id: str | None = None) -> None:
        """Best effort: an entry that is already gone, or a keychain no longer there, is fine here."""
        try:
            self.backend.delete_password(SERVICE, _account(workspace_id, handler_id))
        except PasswordDeleteError:
            pass
        except _BACKEND_ERRORS as exc:
            log.info("keychain entry not deleted: %s", type(exc).__name__)


def _account(workspace_id: str, handler_id: str | None) -> str:
    # Each handler's entry on their own computer; the first handler keeps the name entries had before
    # there were handlers, so an upgraded workspace opens as it did.
    if handler_id in (None, "first"):
        return f"workspace-{workspace_id}"
    return f"workspace-{workspace_id}-{handler_id}"


def _without_detail(exc: BaseException) -> Exception:
    # A backend's message may echo what it was given; keep only the type in the chain.
    return RuntimeError(type(exc).__name__)
