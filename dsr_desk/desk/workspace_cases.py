"""The cases of a workspace as the desk makes, opens, archives and destroys them.

Creating and destroying a case each touch several files (its key, its file, the index) and so run under the
workspace lock: the clean-up after a crash, which takes the same lock, can tell a step left half done by a
process that died from one another process is in the middle of.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from dsr_desk.desk.case import Case
from dsr_desk.desk.progress import first_progress
from dsr_desk.documents.archive.bulk_index import write_index
from dsr_desk.errors import CaseNotFoundError, DsrDeskError, ValidationError, WriteFailedError
from dsr_desk.rules.case_values import CaseRecord, CaseSummary, DestructionRecord
from dsr_desk.rules.intake import clean_line, prepare_new_case
from dsr_desk.rules.representation import Relation
from dsr_desk.rules.requests import CaseStatus, Channel, RequestType
from dsr_desk.store.case_file import CaseFile
from dsr_desk.store.case_keys import destroy_case_key, write_case_key
from dsr_desk.store.crypto import new_key
from dsr_desk.store.sqlcipher import remove_database_files
from dsr_desk.store.tombstones import read_tombstone, write_tombstone

if TYPE_CHECKING:
    from dsr_desk.desk.workspace import Desk


class CaseLifecycle:
    """Mixed into Desk; relies on its paths, index, lock, session and keys."""

    def new_case(
        self: Desk,
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
            reference = self._free_reference(intake.received.year, now)
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
            events = case_file.events()
            case_file.close()
            os.replace(building, self.paths.case_file(reference))
            summary = replace(
                record.summary(), progress=first_progress(record, events, self.settings.register)
            )
            self._index.add_case(summary, events[-1].hash, events[-1].seq)
        return summary

    def _free_reference(self: Desk, year: int, now: dt.datetime) -> str:
        """The next reference the index hands out that no file on disk holds either: a case file the index
        lost sight of (unreadable when it was rebuilt, say) is never written over."""
        while True:
            reference = self._index.reserve_reference(year, self.session.id, now)
            if not self.paths.reference_in_use_on_disk(reference):
                return reference
            self._index.forget_pending(reference)

    def open_case(self: Desk, reference: str) -> Case:
        """The case, to read and (unless another handler has it open: see claim_case) to change."""
        entry = self._index.get(reference)
        path = self.paths.case_file(reference)
        if not path.exists():
            raise CaseNotFoundError(reference=reference)
        return Case(self, CaseFile.open(path, self.case_key(reference), reference), entry)

    def destroy_case(self: Desk, reference: str, reason: str) -> DestructionRecord:
        """Crypto-shredding: the key goes first, then the file; a record without personal data remains.

        Refused while another handler or window has the case open, and for a handler who is not a privacy
        officer."""
        self.require_officer("handlers.what.destroy")
        if not clean_line(reason):
            raise ValidationError([("reason", "validation.destroy_reason_empty", {})])
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
                reason=clean_line(reason, field="reason"),
            )
            self._index.begin_destruction(record)
            self.write_tombstone(record)  # before anything is destroyed: the record outlives the index
            self.finish_destruction(reference)
        return record

    def closed_between(self: Desk, first: dt.date, last: dt.date) -> list[CaseSummary]:
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
        reason, so one bad case does not stop the rest. The folder also gets one signed index of the
        archives written (archives-index.json).
        """
        folder.mkdir(parents=True, exist_ok=True)
        chosen = self.closed_between(first, last)
        written: list[Path] = []
        listed: list[tuple[str, Path]] = []
        refused: list[tuple[str, str]] = []
        for done, summary in enumerate(chosen, start=1):
            if cancelled():
                break
            try:
                with self.open_case(summary.reference) as case:
                    written.append(case.write_archive(folder / f"{summary.reference}.zip").path)
                    listed.append((summary.reference, written[-1]))
            except WriteFailedError:
                raise  # the folder itself is the problem: the next case would fail the same way
            except DsrDeskError as error:
                refused.append((summary.reference, error.message()))
            progress(done, len(chosen), summary.reference)
        if listed:
            write_index(folder, listed, first, last, self.signer(), self.now())
        return written, refused

    def finish_destruction(self: Desk, reference: str) -> None:
        destroy_case_key(self.paths.case_key(reference))
        remove_database_files(self.paths.case_file(reference))
        # Unreadable since the key went (they are encrypted under it), and now gone too.
        shutil.rmtree(self.paths.case_attachments(reference), ignore_errors=True)
        self._index.finish_destruction(reference)

    def write_tombstone(self: Desk, record: DestructionRecord) -> None:
        write_tombstone(
            self.paths.tombstone(record.reference), record, self._tombstone_key, self.keyfile.workspace_id
        )

    def tombstone_record(self: Desk, reference: str) -> DestructionRecord:
        """The destruction record kept beside where the case was (TombstoneUnreadableError if not ours)."""
        return read_tombstone(
            self.paths.tombstone(reference), reference, self._tombstone_key, self.keyfile.workspace_id
        )

    def destruction_records(self: Desk) -> list[DestructionRecord]:
        return self._index.destruction_records()
