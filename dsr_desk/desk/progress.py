"""A case's path as its audit log tells it: the facts rules/workflow.py judges, read from the events."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from dsr_desk.desk.answers import ANSWERED, LETTER_SENT, inputs_from_events
from dsr_desk.desk.case_data import searches_from_events
from dsr_desk.desk.clock import FORWARDED, INFO_REQUESTED, facts_from_events
from dsr_desk.desk.identity_state import ASSESSED, CODE_ISSUED, METHOD_CHOSEN, RECORDED
from dsr_desk.documents.archive.manifest import ARCHIVE_SEAL
from dsr_desk.rules.case_values import CaseRecord
from dsr_desk.rules.clock import InformationNeeded
from dsr_desk.rules.data_values import DataItem
from dsr_desk.rules.organisation import RegisterEntry
from dsr_desk.rules.workflow import CaseProgress, WorkflowFacts, workflow
from dsr_desk.store.audit import AuditEvent

EXPORTED = "export.created"
STATUS_CHANGED = "status.changed"
READY_TO_CLOSE = "workflow.ready_to_close"


def workflow_facts(
    record: CaseRecord, events: Sequence[AuditEvent], systems: Iterable[str], items: Iterable[DataItem]
) -> WorkflowFacts:
    needed, settled = _identity(events)
    inputs, clock = inputs_from_events(events), facts_from_events(events)
    handled = frozenset(s.system for s in searches_from_events(events) if s.searched or s.note.strip())
    return WorkflowFacts(
        status=record.status,
        types=record.types,
        letters_sent=frozenset(e.details.get("kind", "") for e in events if e.action == LETTER_SENT),
        identity_needed=needed,
        identity_settled=settled,
        waiting_since=clock.waiting_since,
        systems=tuple(dict.fromkeys(systems)),
        handled_systems=handled,
        decisions=inputs.decisions,
        exported=any(e.action == EXPORTED for e in events),
        items_in_answer=sum(1 for item in items if item.included),
        processes_data=inputs.processes_data,
        forwarded=clock.forwarded_types,
        closed_on=record.closed_on,
        archived_since_closing=_archived_since_closing(events),
    )


def first_progress(
    record: CaseRecord, events: Sequence[AuditEvent], register: Iterable[RegisterEntry]
) -> CaseProgress:
    """A new case's place on its path, for the index, before the case is ever opened."""
    systems = [system for entry in register for system in entry.systems]
    return workflow(workflow_facts(record, events, systems, ())).progress()


def _identity(events: Iterable[AuditEvent]) -> tuple[bool, bool]:
    """(needed, settled): needed once anything said there is doubt or asked for proof; settled by an
    outcome, until identity information is asked for again."""
    needed = settled = False
    for event in events:
        details = event.details
        if event.action == ANSWERED and "identity_needed" in details:
            needed = needed or bool(details["identity_needed"].get("after"))
        elif event.action == ASSESSED:
            needed = needed or bool(details.get("doubt"))
        elif event.action in (METHOD_CHOSEN, CODE_ISSUED):
            needed = True
        elif event.action == INFO_REQUESTED and details.get("what") == InformationNeeded.IDENTITY.value:
            needed, settled = True, False
        elif event.action == RECORDED:
            settled = True
    return needed, settled


def _archived_since_closing(events: Sequence[AuditEvent]) -> bool:
    archived = False
    for event in events:
        closing = event.action == STATUS_CHANGED and event.details.get("after") == "closed"
        if closing or (event.action == FORWARDED and event.details.get("all")):
            archived = False
        elif event.action == ARCHIVE_SEAL:
            archived = True
    return archived
