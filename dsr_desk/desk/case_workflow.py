"""The case's path as actions: its steps and next step, the status moving by itself as steps are done,
and the guard on closing (refused while steps are open; a privacy officer may override, with a reason)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dsr_desk.desk.progress import READY_TO_CLOSE, workflow_facts
from dsr_desk.errors import CaseNotReadyToCloseError, NotPermittedError, ValidationError
from dsr_desk.rules.workflow import Workflow, workflow

if TYPE_CHECKING:
    from dsr_desk.desk.case import Case
    from dsr_desk.rules.case_values import CaseRecord, CaseSummary
    from dsr_desk.store.audit import AuditEvent


class WorkflowActions:
    """Mixed into Case; relies on its record(), events(), items(), systems(), _write() and _desk."""

    def workflow(self: Case) -> Workflow:
        return self.workflow_from(self.record(), self.events())

    def workflow_from(self: Case, record: CaseRecord, events: list[AuditEvent]) -> Workflow:
        return workflow(workflow_facts(record, events, self.systems_from(events), self.items()))

    @property
    def may_override_closing(self: Case) -> bool:
        return self._desk.is_privacy_officer

    def closing_details(self: Case, reason: str, override: bool) -> dict[str, object]:
        """What a close records beyond the move itself; refuses a close with open steps unless a privacy
        officer overrides it with a reason, which is recorded with the steps that were still open."""
        open_texts = self.workflow().open_texts()
        if not open_texts:
            return {}
        if not override:
            raise CaseNotReadyToCloseError(reference=self.reference, open="; ".join(open_texts))
        if not self.may_override_closing:
            raise NotPermittedError(reference=self.reference)
        if not reason:
            raise ValidationError([("reason", "validation.override_needs_reason", {})])
        return {"override": True, "open": open_texts}

    def _note_ready_to_close(self: Case, summary: CaseSummary, event: AuditEvent) -> AuditEvent:
        """The write that completes the last step before closing is followed by one event saying so:
        closing is offered from then on, never done by itself."""
        if not summary.progress.ready_to_close:
            return event
        previous = self._desk.index.get(self.reference)
        if previous is None or previous.summary.progress.ready_to_close:
            return event
        return self._file.change(
            at=self._desk.now(), actor=self._desk.actor, action=READY_TO_CLOSE, details={}
        )
