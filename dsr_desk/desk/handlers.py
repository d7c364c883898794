"""The handlers of a workspace: who may open it, each with a credential of their own, and what their role
lets them do. A privacy officer may do everything; a handler may not destroy cases, nor change the
register, the organisation's profile or the handlers.

Roles guard against slips, not against a colleague set on harm: whoever can unlock the workspace holds its
master key. Removing a handler removes their wrapped copy of it, so their passphrase no longer opens it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dsr_desk.errors import HandlerExistsError, LastOfficerError, NotPermittedError, ValidationError
from dsr_desk.i18n import t
from dsr_desk.rules.intake import clean_line
from dsr_desk.rules.workspace_setup import passphrase_problems
from dsr_desk.store.keychain import Keychain
from dsr_desk.store.keyfile import KEYCHAIN, OFFICER, PASSPHRASE, ROLES, Handler, KeyFile

if TYPE_CHECKING:
    from collections.abc import Callable

    from dsr_desk.desk.workspace import Desk

MAX_NAME = 80


def checked_handler_name(name: str) -> str:
    name = clean_line(name)
    if not name:
        raise ValidationError([("handler", "validation.handler.name_empty", {})])
    if len(name) > MAX_NAME:
        raise ValidationError([("handler", "validation.handler.name_long", {"max": MAX_NAME})])
    return name


class HandlerActions:
    """Mixed into Desk; relies on its paths, keyfile, master key and workspace lock."""

    @property
    def handler(self: Desk) -> Handler:
        """The handler who unlocked this desk."""
        for handler in self.keyfile.handlers:
            if handler.id == self._handler_id:
                return handler
        # Removed by someone else while this desk was open: it keeps working under the name it opened with.
        return self._opened_as

    @property
    def is_officer(self: Desk) -> bool:
        return self.handler.is_officer

    def require_officer(self: Desk, what: str) -> None:
        """Refuses what only a privacy officer may do; `what` is a translation key naming it."""
        if not self.is_officer:
            raise NotPermittedError(what=t(what))

    def handlers(self: Desk) -> list[Handler]:
        self._reload_keyfile()
        return list(self.keyfile.handlers)

    def add_handler(
        self: Desk,
        name: str,
        *,
        role: str = "handler",
        storage: str = PASSPHRASE,
        passphrase: str | None = None,
        keychain: Keychain | None = None,
    ) -> Handler:
        """A new handler with their own passphrase, or their own entry in this computer's keychain."""
        self.require_officer("handlers.what.manage")
        name = checked_handler_name(name)
        if role not in ROLES:
            raise ValidationError([("role", "validation.handler.role", {"known": ", ".join(ROLES)})])
        if storage == PASSPHRASE and (problems := passphrase_problems(passphrase or "")):
            raise ValidationError(problems)

        def added(keyfile: KeyFile) -> KeyFile:
            if keyfile.has_handler(name):
                raise HandlerExistsError(name=name)
            changed = keyfile.with_handler(self._master, name, role, storage, passphrase)
            if storage == KEYCHAIN:
                (keychain or Keychain()).store(keyfile.workspace_id, self._master, changed.handlers[-1].id)
            return changed

        return self._change_keyfile(added).handler(name)

    def remove_handler(self: Desk, name: str, *, keychain: Keychain | None = None) -> None:
        self.require_officer("handlers.what.manage")

        def removed(keyfile: KeyFile) -> KeyFile:
            gone = keyfile.handler(name)
            if gone.is_officer and sum(h.is_officer for h in keyfile.handlers) == 1:
                raise LastOfficerError(name=gone.name)
            return keyfile.without_handler(gone.id)

        before = self.keyfile.handler(name) if self.keyfile.has_handler(name) else None
        self._change_keyfile(removed)
        if before is not None and before.storage == KEYCHAIN:
            (keychain or Keychain()).delete(self.keyfile.workspace_id, before.id)

    def set_handler_role(self: Desk, name: str, role: str) -> None:
        self.require_officer("handlers.what.manage")
        if role not in ROLES:
            raise ValidationError([("role", "validation.handler.role", {"known": ", ".join(ROLES)})])

        def changed(keyfile: KeyFile) -> KeyFile:
            handler = keyfile.handler(name)
            officers = sum(h.is_officer for h in keyfile.handlers)
            if handler.is_officer and role != OFFICER and officers == 1:
                raise LastOfficerError(name=handler.name)
            return keyfile.with_role(handler.id, role)

        self._change_keyfile(changed)

    def rename_self(self: Desk, name: str) -> None:
        """The name the audit log gives this handler from now on (what is logged already stays)."""
        name = checked_handler_name(name)

        def renamed(keyfile: KeyFile) -> KeyFile:
            if keyfile.has_handler(name) and keyfile.handler(name).id != self._handler_id:
                raise HandlerExistsError(name=name)
            return keyfile.renamed(self._handler_id, name)

        self._change_keyfile(renamed)

    def _change_keyfile(self: Desk, change: Callable[[KeyFile], KeyFile]) -> KeyFile:
        """Applies `change` to keyfile.json as it is on disk now, under the workspace lock, so a handler
        another process added a moment ago is never lost."""
        with self.workspace_lock():
            current = KeyFile.load(self.paths.keyfile, self.handler.name)
            changed = change(current)
            changed.save(self.paths.keyfile)
        self.keyfile = changed
        return changed

    def _reload_keyfile(self: Desk) -> None:
        self.keyfile = KeyFile.load(self.paths.keyfile, self.handler.name)
