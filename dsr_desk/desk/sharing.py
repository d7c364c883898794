"""Sharing a workspace: who has a case open for editing, and refusing writes to a case someone else has.

A window claims the case it shows; a command that only writes once does not claim, but is refused while
another live session holds a claim. A claim left by a session that ended (a crash) is taken over, and the
taker is told whose it was.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from dsr_desk.errors import CaseInUseError
from dsr_desk.i18n import format_datetime

if TYPE_CHECKING:
    from dsr_desk.desk.workspace import Desk
    from dsr_desk.store.locks import Owner


class SharingActions:
    """Mixed into Desk; relies on its session, claims and clock."""

    def claim_case(self: Desk, reference: str) -> Owner | None:
        """Takes the case for editing here. Raises CaseInUseError while another live session has it;
        returns the owner of an ended session's claim that was taken over (None when there was none)."""
        result = self.claims.claim(reference, self.session.owner)
        if not result.granted:
            raise self._in_use(reference, result.holder)
        return result.holder

    def release_case(self: Desk, reference: str) -> None:
        self.claims.release(reference, self.session.id)

    def case_holder(self: Desk, reference: str) -> Owner | None:
        """Who else has the case open for editing right now, if anyone."""
        return self.claims.holder(reference, self.session.id)

    def change_token(self: Desk) -> tuple:
        """Changes whenever any process changes the workspace's list, settings or handlers: cheap enough
        (three stats) for a window to ask every few seconds."""
        return tuple(_signature(path) for path in (self.paths.index, self.paths.settings, self.paths.keyfile))

    def refuse_if_claimed(self: Desk, reference: str) -> None:
        holder = self.case_holder(reference)
        if holder is not None:
            raise self._in_use(reference, holder)

    def _in_use(self: Desk, reference: str, holder: Owner | None) -> CaseInUseError:
        assert holder is not None
        return CaseInUseError(reference=reference, **owner_fields(holder, self.today()))


def _signature(path) -> tuple[int, int, int] | None:
    try:
        status = path.stat()
    except FileNotFoundError:
        return None
    return (status.st_ino, status.st_mtime_ns, status.st_size)


def owner_fields(owner: Owner, today: dt.date) -> dict[str, str]:
    """'Piet', 'PC-02', '10:14' (or '3 december 2026, 10:14' when it was not today)."""
    local = owner.since.astimezone()
    since = local.strftime("%H:%M") if local.date() == today else format_datetime(owner.since)
    return {"handler": owner.handler, "host": owner.host, "since": since}
