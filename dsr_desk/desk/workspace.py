"""Desk: an open workspace. Every handler action on the workspace is a method here; the GUI and the
command line call these and nothing below them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import os
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from dsr_desk.desk import unlock
from dsr_desk.desk.case import Case
from dsr_desk.desk.handlers import HandlerActions, checked_handler_name
from dsr_desk.desk.reconcile import reconcile
from dsr_desk.desk.sharing import SharingActions
from dsr_desk.desk.workspace_settings import WorkspaceSettingsActions
from dsr_desk.errors import CaseNotFoundError, DsrDeskError, ValidationError, WriteFailedError
from dsr_desk.rules.case_values import CaseRecord, CaseSummary, DestructionRecord
from dsr_desk.rules.intake import clean_line, prepare_new_case
from dsr_desk.rules.overview import CaseOverview, overview
from dsr_desk.rules.representation import Relation
from dsr_desk.rules.requests import CaseStatus, Channel, RequestType
from dsr_desk.rules.workspace_setup import passphrase_problems
from dsr_desk.store.case_file import CaseFile
from dsr_desk.store.case_keys import case_key_wrapping_key, destroy_case_key, read_case_key, write_case_key
from dsr_desk.store.crypto import derive_subkey, new_key
from dsr_desk.store.index import WorkspaceIndex
from dsr_desk.store.keychain import Keychain
from dsr_desk.store.keyfile import PASSPHRASE, Handler, KeyFile
from dsr_desk.store.locks import Session, WorkspaceLock, session_alive
from dsr_desk.store.settings import Settings, SettingsFile, save_settings
from dsr_desk.store.sqlcipher import remove_database_files
from dsr_desk.store.workspace import WorkspacePaths

Clock = Callable[[], dt.datetime]


def system_clock() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Desk(WorkspaceSettingsActions, SharingActions, HandlerActions):
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
        with self._lock.held():  # two processes opening a workspace without an index make one, not two
            self._index = WorkspaceIndex.open(
                paths.index, derive_subkey(master, "dsr-desk/index/v1"), create=not paths.index.exists()
            )
        self.session = Session(paths.root, self.actor, self.now())
        self.claims = self._index.claims(lambda session: session_alive(paths.root, session))
        self.reconcile_report = reconcile(self)

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

    def new_case(
        self,
        *,
        name: str,
        email: str = "",
        address: str = "",
        received: dt.date,
        types: list[RequestType] | tuple[RequestType, ...],
        channel: Channel = Channel.EMAIL,
        notes: str = "",
        for_person: str = "",
        relation: Relation | None = None,
    ) -> CaseSummary:
        """A new case; `for_person` and `relation` when the requester asks for someone else."""
        intake = prepare_new_case(
            name=name,
            email=email,
            address=address,
            received=received,
            types=types,
            channel=channel,
            notes=notes,
            today=self.today(),
            data_subject=for_person,
            relation=relation,
        )
        now = self.now()
        with self._lock.held():
            reference = self._index.reserve_reference(intake.received.year, self.session.id, now)
            record = CaseRecord(
                reference=reference,
                requester=intake.requester,
                received=intake.received,
                types=intake.types,
                channel=intake.channel,
                status=CaseStatus.NEW,
                notes=intake.notes,
                created_at=now,
                updated_at=now,
                data_subject=intake.data_subject,
                relation=intake.relation,
            )
            case_key = new_key()
            write_case_key(
                self.paths.case_key(reference),
                reference,
                case_key,
                self._case_wrapping_key,
                self.keyfile.workspace_id,
            )
            building = self.paths.case_file_in_progress(reference)
            details = {
                "received": record.received.isoformat(),
                "types": [k.value for k in record.types],
                "channel": record.channel.value,
            }
            if record.relation:
                details["relation"] = record.relation.value
            case_file = CaseFile.create(building, case_key, record, self.actor, details)
            head = case_file.events()[-1]
            case_file.close()
            os.replace(building, self.paths.case_file(reference))
            self._index.add_case(record.summary(), head.hash, head.seq)
        return record.summary()

    def open_case(self, reference: str) -> Case:
        """The case, to read and (unless another handler has it open: see claim_case) to change."""
        entry = self._index.get(reference)
        path = self.paths.case_file(reference)
        if not path.exists():
            raise CaseNotFoundError(reference=reference)
        return Case(self, CaseFile.open(path, self.case_key(reference), reference), entry)

    def destroy_case(self, reference: str, reason: str) -> DestructionRecord:
        """Crypto-shredding: the key goes first, then the file; a record without personal data remains.

        Refused while another handler or window has the case open, and for a handler who is not a privacy
        officer."""
        self.require_officer("handlers.what.destroy")
        with self._lock.held():
            entry = self._index.get(reference)
            if entry is None:
                raise CaseNotFoundError(reference=reference)
            self.refuse_if_claimed(reference)
            record = DestructionRecord(
                reference=reference,
                received=entry.summary.received,
                closed_at=entry.summary.closed_at,
                destroyed_at=self.now(),
                destroyed_by=self.actor,
                reason=clean_line(reason),
            )
            self._index.begin_destruction(record)
            self.finish_destruction(reference)
        return record

    def closed_between(self, first: dt.date, last: dt.date) -> list[CaseSummary]:
        """The cases closed on a day from `first` to `last`, both included."""
        return [c for c in self.list_cases() if c.closed_on is not None and first <= c.closed_on <= last]

    def archive_closed(
        self,
        folder: Path,
        first: dt.date,
        last: dt.date,
        *,
        progress=lambda done, total, ref: None,
        cancelled=lambda: False,
    ) -> tuple[list[Path], list[tuple[str, str]]]:
        """Archives of every case closed between `first` and `last` (inclusive), one ZIP each in `folder`.

        A case that cannot be archived (its log not intact, its file damaged) is skipped and named, with the
        reason, so one bad case does not stop the rest.
        """
        folder.mkdir(parents=True, exist_ok=True)
        chosen = self.closed_between(first, last)
        written: list[Path] = []
        refused: list[tuple[str, str]] = []
        for done, summary in enumerate(chosen, start=1):
            if cancelled():
                break
            try:
                with self.open_case(summary.reference) as case:
                    written.append(case.write_archive(folder / f"{summary.reference}.zip").path)
            except WriteFailedError:
                raise  # the folder itself is the problem: the next case would fail the same way
            except DsrDeskError as error:
                refused.append((summary.reference, error.message()))
            progress(done, len(chosen), summary.reference)
        return written, refused

    def finish_destruction(self, reference: str) -> None:
        destroy_case_key(self.paths.case_key(reference))
        remove_database_files(self.paths.case_file(reference))
        self._index.finish_destruction(reference)

    def destruction_records(self) -> list[DestructionRecord]:
        return self._index.destruction_records()

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

    def case_key(self, reference: str) -> bytes:
        return read_case_key(
            self.paths.case_key(reference), reference, self._case_wrapping_key, self.keyfile.workspace_id
        )


def _check_new_passphrase(storage: str, passphrase: str | None) -> None:
    """A passphrase that will guard the master key must be strong enough before anything is made."""
    if storage == PASSPHRASE and (problems := passphrase_problems(passphrase or "")):
        raise ValidationError(problems)
