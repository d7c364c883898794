"""An in-memory keyring backend: the real `keyring` API, so no test touches the developer's keychain."""

from __future__ import annotations

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.entries:
            raise PasswordDeleteError("no such entry")
        del self.entries[(service, username)]


class LockedKeyring(MemoryKeyring):
    """A keychain that is there but refuses (locked, or the user pressed Cancel)."""

    def get_password(self, service: str, username: str) -> str | None:
        raise RuntimeError("keychain is locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise RuntimeError("keychain is locked")
