"""Retention as the desk applies it: which closed cases are past their term, holding a case for a complaint or
a procedure, and destroying what is due (key first, then file, then a destruction record, each)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from dsr_desk.errors import DsrDeskError, ValidationError
from dsr_desk.rules.case_values import DestructionRecord
from dsr_desk.rules.intake import clean_block
from dsr_desk.rules.retention import RetentionEntry, is_due, retention_due_on
from dsr_desk.store.audit import AuditEvent
from dsr_desk.store.settings import MAX_RETENTION_MONTHS, MIN_RETENTION_MONTHS

if TYPE_CHECKING:
    from dsr_desk.desk.case import Case
    from dsr_desk.desk.workspace import Desk

HELD = "retention.held"
RELEASED = "retention.released"


def hold_from_events(events: Iterable[AuditEvent]) -> tuple[bool, str]:
    """Whether the case is held now, and why: the last hold or release decides."""
    held, reason = False, ""
    for event in events:
        if event.action == HELD:
            held, reason = True, str(event.details.get("reason", ""))
        elif event.action == RELEASED:
            held, reason = False, ""
    return held, reason


class HoldActions:
    """Mixed into Case."""

    def hold(self: Case, reason: str) -> None:
        """Kept beyond its term ('bewaren wegens klacht/procedure') until released: never due meanwhile."""
        reason = clean_block(reason, field="reason")
        if not reason:
            raise ValidationError([("reason", "validation.hold_reason", {})])
        self._touch(HELD, {"reason": reason})

    def release(self: Case, reason: str = "") -> None:
        """Ends a hold; only a privacy officer, since it lets the case be destroyed when its term is over."""
        self._desk.require_officer("handlers.what.retention")
        if self.held()[0]:
            self._touch(RELEASED, {"reason": clean_block(reason, field="reason")} if reason else {})

    def held(self: Case) -> tuple[bool, str]:
        return hold_from_events(self.events())


class RetentionActions:
    """Mixed into Desk."""

    def update_retention_settings(self: Desk, *, months: int) -> None:
        self.require_officer("handlers.what.retention")
        _check_months(months)
        self._save(lambda current: current.with_changes(retention_months=months))

    def retention_candidates(self: Desk, months: int | None = None) -> list[RetentionEntry]:
        """Every closed case past its term, the held ones included (marked), oldest first."""
        months = self.settings.retention_months if months is None else _check_months(months)
        today, entries = self.today(), []
        for summary in self.list_cases():
            closed_on = summary.closed_on
            if summary.status.is_open or closed_on is None or retention_due_on(closed_on, months) > today:
                continue
            with self.open_case(summary.reference) as case:
                held, reason = case.held()
            entries.append(
                RetentionEntry(
                    summary.reference, closed_on, retention_due_on(closed_on, months), held, reason
                )
            )
        return sorted(entries, key=lambda e: (e.due_on, e.reference))

    def cases_due_for_destruction(self: Desk, months: int | None = None) -> list[RetentionEntry]:
        return [e for e in self.retention_candidates(months) if is_due(e, self.today())]

    def destroy_due(
        self: Desk, reason: str, months: int | None = None
    ) -> tuple[list[DestructionRecord], list[tuple[str, str]]]:
        """Destroys every case due, each as `destroy_case` does; a case that cannot be destroyed now (open
        in another window, say) is named with the reason and the rest go on."""
        self.require_officer("handlers.what.destroy")
        if not clean_block(reason, field="reason"):
            raise ValidationError([("reason", "validation.destroy_reason", {})])
        destroyed, refused = [], []
        for entry in self.cases_due_for_destruction(months):
            try:
                destroyed.append(self.destroy_case(entry.reference, reason))
            except DsrDeskError as error:
                refused.append((entry.reference, error.message()))
        return destroyed, refused


def _check_months(months: int) -> int:
    if not MIN_RETENTION_MONTHS <= months <= MAX_RETENTION_MONTHS:
        raise ValidationError(
            [
                (
                    "months",
                    "validation.retention_months",
                    {"min": MIN_RETENTION_MONTHS, "max": MAX_RETENTION_MONTHS},
                )
            ]
        )
    return months
