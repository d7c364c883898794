"""Desk: an open workspace. Every handler action on the workspace is a method here; the GUI and the
command line call these and nothing below them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from dsr_desk.desk import unlock
from dsr_desk.desk.auto_backup import AutomaticBackupActions
from dsr_desk.desk.backups import BackupActions
from dsr_desk.desk.handlers import HandlerActions, checked_handler_name
from dsr_desk.desk.reconcile import reconcile, report_notices
from dsr_desk.desk.reports import ReportActions
from dsr_desk.desk.retention import RetentionActions
from dsr_desk.desk.sharing import SharingActions
from dsr_desk.desk.signing import SigningActions
from dsr_desk.desk.workspace_cases import CaseLifecycle
from dsr_desk.desk.workspace_settings import WorkspaceSettingsActions
from dsr_desk.errors import DsrDeskError, ValidationError
from dsr_desk.rules.case_values import CaseSummary
from dsr_desk.rules.intake import clean_line
from dsr_desk.rules.overview import CaseOverview, overview
from dsr_desk.rules.workspace_setup import passphrase_problems
from dsr_desk.store.case_keys import case_key_wrapping_key, read_case_key
from dsr_desk.store.crypto import derive_subkey
from dsr_desk.store.index import WorkspaceIndex
from dsr_desk.store.keychain import Keychain
from dsr_desk.store.keyfile import PASSPHRASE, Handler, KeyFile
from dsr_desk.store.locks import Session, WorkspaceLock, locks_folder, session_alive
from dsr_desk.store.pending_outputs import PendingOutputs, pending_outputs_key, remove_abandoned
from dsr_desk.store.settings import Settings, SettingsFile, save_settings
from dsr_desk.store.tombstones import tombstone_key
from dsr_desk.store.workspace import WorkspacePaths

Clock = Callable[[], dt.datetime]


def system_clock() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Desk(
    CaseLifecycle,
    WorkspaceSettingsActions,
    SharingActions,
    HandlerActions,
    BackupActions,
    AutomaticBackupActions,
    ReportActions,
    RetentionActions,
    SigningActions,
):
    def __init__(
        self,
        paths: WorkspacePaths,
        keyfile: KeyFile,
        handler: Handler,
        master: bytes,
        clock: Clock = system_clock,
    ) -> None:
        self.paths = paths
        self.keyfile = keyfile
        self.clock = clock
        self._handler_id = handler.id
        self._opened_as = handler
        self._master = master  # kept for wrapping it for a new handler; never written anywhere in plain
        self._case_wrapping_key = case_key_wrapping_key(master)
        self._settings = SettingsFile(paths.settings)
        self._lock = WorkspaceLock(paths.root)
        self._tombstone_key = tombstone_key(master)
        with self._lock.held():  # two processes opening a workspace without an index make one, not two
            # A missing index is made anew; the clean-up below rebuilds it from the case files and tombstones.
            self.index_created = not paths.index.exists()
            self._index = WorkspaceIndex.open(paths.index, self.index_key(), create=self.index_created)
        self.session = Session(paths.root, self.actor, self.now())
        # What this desk writes outside the workspace while it writes it (None where nothing can be recorded).
        self.outputs: PendingOutputs | None = None
        if not self.read_only:
            self.outputs = PendingOutputs(
                locks_folder(paths.root), self.session.id, pending_outputs_key(master), keyfile.workspace_id
            )
        self.claims = self._index.claims(lambda session: session_alive(paths.root, session))
        self.reconcile_report = reconcile(self)

    def remove_abandoned_outputs(self) -> int:
        """Half-written exports and letters of sessions that were killed (see store/pending_outputs.py)."""
        return remove_abandoned(
            locks_folder(self.paths.root),
            lambda session: session_alive(self.paths.root, session),
            pending_outputs_key(self._master),
            self.keyfile.workspace_id,
        )

    def notices(self, lang: str | None = None) -> list[str]:
        """What opening found that the user must know: a rebuilt index, a case that could not be read."""
        return report_notices(self.reconcile_report, lang)

    # -- opening -------------------------------------------------------------------------------------------

    @classmethod
    def create(
        cls,
        root: Path,
        *,
        organisation: str,
        storage: str,
        passphrase: str | None = None,
        handler: str = "",
        language: str = "nl",
        keychain: Keychain | None = None,
        clock: Clock = system_clock,
    ) -> tuple[Desk, str]:
        """A new workspace at `root`, with `handler` (default: the computer's user name) as its first
        handler, a privacy officer; returns the open desk and the recovery key to print once."""
        paths = WorkspacePaths(Path(root))
        _check_new_passphrase(storage, passphrase)
        name = checked_handler_name(handler or getpass.getuser())
        keyfile, master, recovery_key = unlock.set_up_keys(
            paths, storage, passphrase, keychain or Keychain(), name
        )
        save_settings(paths.settings, Settings(organisation_name=clean_line(organisation), language=language))
        return cls(paths, keyfile, keyfile.handlers[0], master, clock), recovery_key

    @classmethod
    def open(
        cls,
        root: Path,
        *,
        handler: str | None = None,
        passphrase: str | None = None,
        keychain: Keychain | None = None,
        clock: Clock = system_clock,
    ) -> Desk:
        """Opens as `handler` (default: the first handler) with their own passphrase or keychain entry."""
        paths = WorkspacePaths(Path(root))
        keyfile, who, master = unlock.unlock(paths, handler, passphrase, keychain or Keychain())
        return cls(paths, keyfile, who, master, clock)

    @classmethod
    def open_with_recovery_key(
        cls,
        root: Path,
        recovery_key: str,
        *,
        storage: str,
        handler: str | None = None,
        passphrase: str | None = None,
        keychain: Keychain | None = None,
        clock: Clock = system_clock,
    ) -> Desk:
        """Opens with the recovery key, and gives `handler` (default: the first) a new credential."""
        paths = WorkspacePaths(Path(root))
        _check_new_passphrase(storage, passphrase)
        keyfile, who, master = unlock.recover(
            paths, recovery_key, storage, passphrase, keychain or Keychain(), handler
        )
        return cls(paths, keyfile, who, master, clock)

    def close(self) -> None:
        if self.session.ended:
            return
        with contextlib.suppress(DsrDeskError, SQLAlchemyError):
            self.claims.release_all(self.session.id)
        # Closing while an export or a letter is still being written (the window closed, a stop asked):
        # what it had written so far goes first.
        if self.outputs is not None:
            self.outputs.remove_own()
        self._index.close()
        self.session.end()

    def __enter__(self) -> Desk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- who and when ----------------------------------------------------------------------------------------

    @property
    def actor(self) -> str:
        """Who the audit log names for what this desk does: the handler who unlocked it."""
        return self.handler.name

    def now(self) -> dt.datetime:
        return self.clock()

    def today(self) -> dt.date:
        return self.clock().astimezone().date()

    def list_cases(self) -> list[CaseSummary]:
        return [entry.summary for entry in self._index.entries()]

    def overview(self) -> list[CaseOverview]:
        """Every case with its clock as of today: what the list, the reminders and `case list` show."""
        settings, today = self.clock_settings(), self.today()
        return [overview(summary, settings, today) for summary in self.list_cases()]

    # -- for Case and reconcile ----------------------------------------------------------------------------

    @property
    def index(self) -> WorkspaceIndex:
        return self._index

    def workspace_lock(self) -> contextlib.AbstractContextManager[None]:
        return self._lock.held()

    @property
    def read_only(self) -> bool:
        """True for a workspace this process cannot write (a read-only share, a backup disk)."""
        return self._lock.read_only

    def index_key(self) -> bytes:
        return derive_subkey(self._master, "dsr-desk/index/v1")

    def case_key(self, reference: str) -> bytes:
        return read_case_key(
            self.paths.case_key(reference), reference, self._case_wrapping_key, self.keyfile.workspace_id
        )


def _check_new_passphrase(storage: str, passphrase: str | None) -> None:
    """A passphrase that will guard the master key must be strong enough before anything is made."""
    if storage == PASSPHRASE and (problems := passphrase_problems(passphrase or "")):
        raise ValidationError(problems)
