"""The case's path as actions: its steps and next step, the status moving by itself as steps are done,
and the guard on closing (refused while steps are open; a privacy officer may override, with a reason)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING

from dsr_desk.desk.progress import READY_TO_CLOSE, workflow_facts
from dsr_desk.errors import CaseNotReadyToCloseError, ValidationError
from dsr_desk.rules.workflow import Workflow, workflow

if TYPE_CHECKING:
    from dsr_desk.desk.case import Case
    from dsr_desk.rules.case_values import CaseRecord, CaseSummary
    from dsr_desk.store.audit import AuditEvent
    from dsr_desk.store.index import IndexEntry


class WorkflowActions:
    """Mixed into Case; relies on its record(), events(), items(), systems(), _write() and _desk."""

    def workflow(self: Case) -> Workflow:
        return self.workflow_from(self.record(), self.events())

    def workflow_from(self: Case, record: CaseRecord, events: list[AuditEvent]) -> Workflow:
        return workflow(workflow_facts(record, events, self.systems_from(events), self.items()))

    @property
    def may_override_closing(self: Case) -> bool:
        return self._desk.is_officer

    def closing_details(self: Case, current: CaseRecord, reason: str, override: bool) -> dict[str, object]:
        """What a close records beyond the move itself; refuses a close with open steps unless a privacy
        officer overrides it with a reason, which is recorded with the steps that were still open.

        Called inside the close's write transaction with the record read there: no other window can
        complete or reopen a step between this check and the close."""
        open_texts = self.workflow_from(current, self.events()).open_texts()
        if not open_texts:
            return {}
        if not override:
            raise CaseNotReadyToCloseError(reference=self.reference, open="; ".join(open_texts))
        self._desk.require_officer("handlers.what.close_open")
        if not reason:
            raise ValidationError([("reason", "validation.override_needs_reason", {})])
        return {"override": True, "open": open_texts}

    def _note_ready_to_close(self: Case, before: IndexEntry | None, summary: CaseSummary) -> None:
        """The write that completes the last step before closing is followed by one event saying so:
        closing is offered from then on, never done by itself."""
        if not summary.progress.ready_to_close:
            return
        if before is None or before.summary.progress.ready_to_close:
            return

        def update(current: CaseRecord, now: dt.datetime) -> tuple[CaseRecord, dict] | None:
            # Another window may have said so a moment ago; the log says it once.
            events = self.events()
            if events and events[-1].action == READY_TO_CLOSE:
                return None
            return replace(current, updated_at=now), {}

        self._write(READY_TO_CLOSE, update)
