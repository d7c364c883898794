"""The handlers of a key file: who may open the workspace, their role, and how their copy of the master
key is kept. Values and their reading from JSON; the key file itself wraps and unwraps."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from dsr_desk.store.crypto import PassphraseKdf

KEYCHAIN = "keychain"
PASSPHRASE = "passphrase"
OFFICER = "officer"
HANDLER = "handler"
ROLES = (OFFICER, HANDLER)
# The first handler of a workspace (and the one a version 1 file becomes): their keychain entry and wrapped
# key keep the names they had before there were handlers.
FIRST = "first"


@dataclass(frozen=True)
class Handler:
    id: str
    name: str
    role: str
    storage: str
    added: str
    kdf: dict[str, object] | None = None
    wrapped: dict[str, str] | None = None

    @property
    def is_officer(self) -> bool:
        return self.role == OFFICER

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "id": self.id,
            "name": self.name,
            "role": self.role,
            "storage": self.storage,
            "added": self.added,
        }
        if self.storage == PASSPHRASE:
            data["passphrase"] = {**(self.kdf or {}), "wrapped": self.wrapped}
        return data

    def summary_json(self) -> dict[str, object]:
        """What `handler list --json` shows: no key material, not even wrapped."""
        return {"name": self.name, "role": self.role, "storage": self.storage, "added": self.added}


def first_handler(data: dict, name: str, created: str) -> Handler:
    storage = str(data["storage"])
    passphrase = data.get("passphrase") if storage == PASSPHRASE else None
    return checked(
        Handler(
            id=FIRST,
            name=name or "Privacy officer",
            role=OFFICER,
            storage=storage,
            added=created,
            kdf={k: v for k, v in passphrase.items() if k != "wrapped"} if passphrase else None,
            wrapped=blob(passphrase["wrapped"]) if passphrase else None,
        )
    )


def handler_from_json(item: dict) -> Handler:
    passphrase = item.get("passphrase")
    return checked(
        Handler(
            id=str(item["id"]),
            name=str(item["name"]),
            role=str(item["role"]),
            storage=str(item["storage"]),
            added=str(item["added"]),
            kdf={k: v for k, v in passphrase.items() if k != "wrapped"} if passphrase else None,
            wrapped=blob(passphrase["wrapped"]) if passphrase else None,
        )
    )


def checked(handler: Handler) -> Handler:
    if not handler.id.isalnum() or not handler.name or handler.role not in ROLES:
        raise ValueError("handler")
    if handler.storage not in (KEYCHAIN, PASSPHRASE):
        raise ValueError("storage")
    if handler.storage == PASSPHRASE:
        if handler.kdf is None or handler.wrapped is None:
            raise ValueError("passphrase")
        PassphraseKdf.from_json(handler.kdf)  # bounded parameters, a known derivation: checked on reading
    return handler


def blob(value: object) -> dict[str, str]:
    if not isinstance(value, dict) or set(value) != {"nonce", "ciphertext"}:
        raise ValueError("wrapped key")
    return {key: str(text) for key, text in value.items()}


def folded(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())
