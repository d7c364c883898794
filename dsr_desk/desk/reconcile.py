"""Bringing the workspace back in step after an interruption (a crash, a killed process, a power cut).

Every multi-file operation is ordered so that what an interruption leaves behind can be finished or
cleaned up here, at the next open: half-built files are removed, destructions are completed, and case
files that the index never heard of are added to it.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from dsr_desk.errors import DsrDeskError
from dsr_desk.store.case_keys import destroy_case_key
from dsr_desk.store.workspace import KEY_SUFFIX

if TYPE_CHECKING:
    from dsr_desk.desk.workspace import Desk

log = logging.getLogger(__name__)


@dataclass
class ReconcileReport:
    leftovers_removed: int = 0
    destructions_finished: list[str] = field(default_factory=list)
    reindexed: list[str] = field(default_factory=list)
    unreadable: dict[str, DsrDeskError] = field(default_factory=dict)
    missing_files: list[str] = field(default_factory=list)


def reconcile(desk: Desk) -> ReconcileReport:
    report = ReconcileReport()
    paths, index = desk.paths, desk.index
    for leftover in paths.leftovers():
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()
        report.leftovers_removed += 1
    for reference in index.pending_destructions():
        desk.finish_destruction(reference)
        report.destructions_finished.append(reference)
    indexed = {entry.summary.reference for entry in index.entries()}
    on_disk = paths.case_references_on_disk()
    for reference in sorted(on_disk - indexed):
        try:
            # Opening a case the index does not know adds it, once its audit chain checks out.
            desk.open_case(reference).close()
            report.reindexed.append(reference)
        except DsrDeskError as exc:
            report.unreadable[reference] = exc
    for key_file in paths.cases.glob(f"DSR-*{KEY_SUFFIX}"):
        reference = key_file.name[: -len(KEY_SUFFIX)]
        if reference not in on_disk and reference not in indexed:
            # The key of a case whose creation never finished: nothing was ever encrypted with it.
            destroy_case_key(key_file)
    report.missing_files = sorted(indexed - on_disk)
    if report.leftovers_removed or report.destructions_finished or report.reindexed:
        log.info(
            "workspace reconciled: %d leftovers, %d destructions, %d re-indexed",
            report.leftovers_removed,
            len(report.destructions_finished),
            len(report.reindexed),
        )
    return report
