"""Bringing the workspace back in step after an interruption (a crash, a killed process, a power cut).

Every multi-file step (creating a case, destroying one, saving settings) runs under the exclusive workspace
lock, and so does this clean-up. So whatever this sees half done while it holds the lock was left by a
process that died in the middle: nothing another process is doing right now is ever touched.

A quick look without the lock comes first; the lock is taken only when there is something to do, so a
command that starts while the window is busy does not wait for it.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from dsr_desk.errors import DsrDeskError, cause_text
from dsr_desk.i18n import t
from dsr_desk.store.case_keys import destroy_case_key
from dsr_desk.store.locks import session_alive, sweep_ended_sessions
from dsr_desk.store.tombstones import TombstoneUnreadableError
from dsr_desk.store.workspace import ATTACHMENTS_SUFFIX, CASE_SUFFIX, KEY_SUFFIX, TOMBSTONE_SUFFIX

if TYPE_CHECKING:
    from pathlib import Path

    from dsr_desk.desk.workspace import Desk

log = logging.getLogger(__name__)


@dataclass
class ReconcileReport:
    leftovers_removed: int = 0
    creations_undone: list[str] = field(default_factory=list)
    destructions_finished: list[str] = field(default_factory=list)
    reindexed: list[str] = field(default_factory=list)
    unreadable: dict[str, DsrDeskError] = field(default_factory=dict)
    missing_files: list[str] = field(default_factory=list)
    claims_released: int = 0
    outputs_removed: int = 0
    index_rebuilt: bool = False
    destructions_restored: list[str] = field(default_factory=list)
    tombstones_refused: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Look:
    pending_cases: list[str]
    pending_destructions: list[str]
    unindexed: set[str]
    missing: set[str]
    orphan_keys: list[str]
    orphan_attachments: list[str]
    leftovers: list[Path]
    ended_claims: set[str]
    unrecorded_tombstones: set[str]
    untombstoned: set[str]

    @property
    def work(self) -> bool:
        return bool(
            self.pending_cases
            or self.pending_destructions
            or self.unindexed
            or self.orphan_keys
            or self.orphan_attachments
            or self.leftovers
            or self.ended_claims
            or self.unrecorded_tombstones
            or self.untombstoned
        )


def reconcile(desk: Desk) -> ReconcileReport:
    report = ReconcileReport()
    if desk.read_only:
        return report  # nothing here can be repaired, and nothing is being written by this process
    # Needs no lock: whether a session's process is gone is exact (see locks.py), and a gone one's files
    # are its own.
    report.outputs_removed = desk.remove_abandoned_outputs()
    sweep_ended_sessions(desk.paths.root, desk.session.id)
    look = _look(desk)
    if look.work:
        with desk.workspace_lock():
            look = _look(desk)  # again, now that nobody else is in the middle of a step
            _repair(desk, look, report)
    report.missing_files = sorted(look.missing)
    report.index_rebuilt = desk.index_created and bool(report.reindexed or report.destructions_restored)
    if (
        report.leftovers_removed
        or report.destructions_finished
        or report.reindexed
        or report.creations_undone
    ):
        log.info(
            "workspace reconciled: %d leftovers, %d creations undone, %d destructions, %d re-indexed",
            report.leftovers_removed,
            len(report.creations_undone),
            len(report.destructions_finished),
            len(report.reindexed),
        )
    return report


def report_notices(report: ReconcileReport, lang: str | None = None) -> list[str]:
    """What the user must know of the clean-up at opening, in sentences (nothing for routine repairs)."""
    notices = []
    if report.index_rebuilt:
        notices.append(
            t(
                "reconcile.index_rebuilt",
                lang,
                cases=len(report.reindexed),
                destroyed=len(report.destructions_restored),
            )
        )
    notices += [t("reconcile.tombstone_refused", lang, reference=r) for r in report.tombstones_refused]
    notices += [
        t("reconcile.unreadable", lang, reference=r, reason=cause_text(error, lang))
        for r, error in sorted(report.unreadable.items())
    ]
    return notices


def _look(desk: Desk) -> _Look:
    paths, index = desk.paths, desk.index
    pending_cases = index.pending_cases()
    files = paths.cases_on_disk()  # one look at cases/, for every kind of file in it
    on_disk, keys, tombstones = files[CASE_SUFFIX], files[KEY_SUFFIX], files[TOMBSTONE_SUFFIX]
    indexed = index.references()
    busy = set(pending_cases)
    own = desk.session.id
    # Normally every tombstone's record is in the index; only one the index lacks (it was lost) is read.
    destroyed = index.destroyed_references()
    unrecorded = tombstones - destroyed
    return _Look(
        pending_cases=pending_cases,
        pending_destructions=index.pending_destructions(),
        unindexed=on_disk - indexed - busy - unrecorded,
        missing=indexed - on_disk,
        orphan_keys=sorted(keys - on_disk - indexed - busy),
        orphan_attachments=sorted(files[ATTACHMENTS_SUFFIX] - on_disk - indexed - busy),
        leftovers=paths.leftovers(exclude=busy),
        ended_claims={s for s in desk.claims.sessions() if s != own and not session_alive(paths.root, s)},
        unrecorded_tombstones=unrecorded,
        # Destroyed before tombstones existed, or cut off before its tombstone was written.
        untombstoned=destroyed - tombstones,
    )


def _repair(desk: Desk, look: _Look, report: ReconcileReport) -> None:
    paths, index = desk.paths, desk.index
    for leftover in look.leftovers:
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()
        report.leftovers_removed += 1
    for reference in look.pending_cases:
        if paths.case_file(reference).exists():
            # Renamed into place before the process died: a whole case, only not listed yet.
            _reindex(desk, reference, report)
        else:
            paths.case_file_in_progress(reference).unlink(missing_ok=True)
            destroy_case_key(paths.case_key(reference))
            report.creations_undone.append(reference)
        index.forget_pending(reference)
    for reference in sorted(look.unrecorded_tombstones):
        _restore_destruction(desk, reference, report)
    for record in index.destruction_records(pending_too=True):
        if record.reference in look.untombstoned:
            desk.write_tombstone(record)
    for reference in look.pending_destructions:
        desk.finish_destruction(reference)
        report.destructions_finished.append(reference)
    for reference in sorted(look.unindexed):
        _reindex(desk, reference, report)
    if desk.index_created:
        # Every number any file is named after, readable or not, so none is handed out over it again.
        index.raise_counters(paths.references_on_disk())
    for reference in look.orphan_keys:
        # The key of a case whose file is gone and that nobody lists or is creating: it guards nothing.
        destroy_case_key(paths.case_key(reference))
    for reference in look.orphan_attachments:
        # Attachments of a case whose file is gone: encrypted under a key that is gone with it.
        shutil.rmtree(paths.case_attachments(reference), ignore_errors=True)
    for session in look.ended_claims:
        desk.claims.release_all(session)
        report.claims_released += 1


def _restore_destruction(desk: Desk, reference: str, report: ReconcileReport) -> None:
    paths = desk.paths
    try:
        record = desk.tombstone_record(reference)
    except OSError as error:
        log.warning("a tombstone could not be read: %s", type(error).__name__)
        return  # left as it is; its reference stays taken (raise_counters counts every file)
    except TombstoneUnreadableError:
        # Not written by this workspace (edited, or copied in): it destroys nothing. Kept aside for a look.
        tombstone = paths.tombstone(reference)
        tombstone.replace(tombstone.with_name(tombstone.name + ".refused"))
        report.tombstones_refused.append(reference)
        if paths.case_file(reference).exists():
            _reindex(desk, reference, report)
        return
    # A case file still there was being destroyed when the index was lost: its destruction goes on.
    interrupted = paths.case_file(reference).exists() or paths.case_key(reference).exists()
    desk.index.restore_destruction(record, finished=not interrupted)
    if interrupted:
        desk.finish_destruction(reference)
    report.destructions_restored.append(reference)


def _reindex(desk: Desk, reference: str, report: ReconcileReport) -> None:
    try:
        # Opening a case the index does not know adds it, once its audit chain checks out.
        desk.open_case(reference).close()
        report.reindexed.append(reference)
    except DsrDeskError as exc:
        report.unreadable[reference] = exc
