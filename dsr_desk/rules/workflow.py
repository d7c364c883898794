"""The handler's path through a case (DESIGN.md): its steps, which are done, and the next one.

Derived, never stored: from the case's status and request types, and from what its audit log says was
done (letters sent, the identity check, systems searched, decisions, exports, archives). The desk reads
those facts; this module only judges them, so the GUI's checklist, `case next` and the guard on closing
all see the same path.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dsr_desk.rules.letters import CONFIRMS, LetterKind, Outcome
from dsr_desk.rules.outcomes import RECIPIENTS_TOLD
from dsr_desk.rules.requests import CaseStatus, RequestType
from dsr_desk.rules.workflow_values import CaseProgress, CaseStep, Step, WorkflowFacts

__all__ = ["CaseProgress", "CaseStep", "Step", "Workflow", "WorkflowFacts", "missing_letters", "workflow"]

# The letters that answer each request type when it is granted, wholly or in part, the usual one first; a
# refusal is answered by the refusal letter.
ANSWER_LETTERS: dict[RequestType, tuple[LetterKind, ...]] = {
    RequestType.ACCESS: (LetterKind.ACCESS_RESPONSE,),
    RequestType.PORTABILITY: (LetterKind.EXPORT_COVER, LetterKind.DIRECT_TRANSMISSION),  # Art. 20(2)
    RequestType.AUTOMATED_DECISION: (LetterKind.AUTOMATED_DECISION_RESPONSE,),
    **{
        request_type: (kind,)
        for kind, request_type in CONFIRMS.items()
        if request_type not in (RequestType.PORTABILITY, RequestType.AUTOMATED_DECISION)
    },
}
EXPORTED_TYPES = (RequestType.ACCESS, RequestType.PORTABILITY)


@dataclass(frozen=True)
class Workflow:
    steps: tuple[CaseStep, ...]

    @property
    def next(self) -> CaseStep | None:
        """The first step not done; once closed (also by an override), only the archive is left."""
        closed = any(step.code is Step.CLOSE and step.done for step in self.steps)
        left = [step for step in self.steps if not step.done and (not closed or step.code is Step.ARCHIVE)]
        return left[0] if left else None

    @property
    def open_before_closing(self) -> tuple[CaseStep, ...]:
        return tuple(s for s in self.steps if not s.done and s.code not in (Step.CLOSE, Step.ARCHIVE))

    @property
    def ready_to_close(self) -> bool:
        """Every step before closing done, the case still open: closing is offered, never forced."""
        step = self.next
        return step is not None and step.code is Step.CLOSE

    def open_texts(self, lang: str | None = None) -> list[str]:
        return [text for step in self.open_before_closing for text in step.open_texts(lang)]

    def progress(self) -> CaseProgress:
        step = self.next
        return CaseProgress(True, step.code if step else None, step.request_type if step else None)

    def to_json(self, lang: str | None = None) -> dict[str, object]:
        step = self.next
        return {
            "next": step.code.value if step else None,
            "steps": [s.to_json(lang) for s in self.steps],
        }


def workflow(facts: WorkflowFacts) -> Workflow:
    answered = _answered(facts)
    here = facts.answered_here
    steps = [_acknowledge(facts, answered)]
    if here and (facts.identity_needed or facts.identity_settled):
        steps.append(_identity(facts))
    if here:
        steps.append(_search(facts))
    steps += [_decide(facts, request_type) for request_type in here]
    if telling := [r for r in here if r in RECIPIENTS_TOLD and _granted(facts, r)]:
        steps.append(_recipients(facts, telling))
    if facts.processes_data and any(r in EXPORTED_TYPES and _granted(facts, r) for r in here):
        steps.append(_export(facts))
    steps.append(_respond(facts, answered))
    steps.append(_close(facts))
    if not facts.status.is_open:
        done = facts.archived_since_closing
        steps.append(CaseStep(Step.ARCHIVE, done, "workflow.archived" if done else "workflow.archive"))
    return Workflow(tuple(steps))


def _close(facts: WorkflowFacts) -> CaseStep:
    if facts.status is CaseStatus.FORWARDED:
        return CaseStep(Step.CLOSE, True, "workflow.forwarded", _on(facts.closed_on))
    closed = not facts.status.is_open
    return CaseStep(
        Step.CLOSE, closed, "workflow.closed" if closed else "workflow.close", _on(facts.closed_on)
    )


def _acknowledge(facts: WorkflowFacts, answered: bool) -> CaseStep:
    # A request answered at once needs no separate acknowledgement.
    if LetterKind.ACKNOWLEDGEMENT.value in facts.letters_sent:
        return CaseStep(Step.ACKNOWLEDGE, True, "workflow.acknowledged")
    if answered:
        return CaseStep(Step.ACKNOWLEDGE, True, "workflow.acknowledged_by_answer")
    return CaseStep(
        Step.ACKNOWLEDGE, False, "workflow.acknowledge", open_items=(("workflow.open.acknowledge", {}),)
    )


def _identity(facts: WorkflowFacts) -> CaseStep:
    if facts.identity_settled:
        return CaseStep(Step.VERIFY_IDENTITY, True, "workflow.identity_settled")
    if facts.waiting_since is not None:
        return CaseStep(
            Step.VERIFY_IDENTITY,
            False,
            "workflow.identity_waiting",
            _on(facts.waiting_since),
            open_items=(("workflow.open.identity", {}),),
        )
    return CaseStep(
        Step.VERIFY_IDENTITY, False, "workflow.identity", open_items=(("workflow.open.identity", {}),)
    )


def _search(facts: WorkflowFacts) -> CaseStep:
    open_systems = [s for s in facts.systems if s not in facts.handled_systems]
    if not facts.handled_systems:
        items = tuple(("workflow.open.system", {"system": s}) for s in open_systems)
        return CaseStep(
            Step.SEARCH_SYSTEMS,
            False,
            "workflow.search",
            open_items=items or (("workflow.open.no_search", {}),),
        )
    if open_systems:
        return CaseStep(
            Step.SEARCH_SYSTEMS,
            False,
            "workflow.search_rest",
            {"systems": ", ".join(open_systems), "count": len(open_systems)},
            open_items=tuple(("workflow.open.system", {"system": s}) for s in open_systems),
        )
    return CaseStep(Step.SEARCH_SYSTEMS, True, "workflow.searched", {"count": len(facts.handled_systems)})


def _decide(facts: WorkflowFacts, request_type: RequestType) -> CaseStep:
    decision = facts.decisions.get(request_type)
    values: dict[str, object] = {"type": request_type}
    if decision is None:
        return CaseStep(
            Step.DECIDE,
            False,
            "workflow.decide",
            values,
            request_type,
            (("workflow.open.decision", values),),
        )
    return CaseStep(
        Step.DECIDE,
        True,
        "workflow.decided",
        {**values, "outcome": decision.outcome},
        request_type,
    )


def _recipients(facts: WorkflowFacts, types: list[RequestType]) -> CaseStep:
    untold = [r for r in types if _decision_field(facts, r, "recipients_informed") is None]
    if not untold:
        return CaseStep(Step.NOTIFY_RECIPIENTS, True, "workflow.recipients_told")
    values = {"types": tuple(untold)}
    return CaseStep(
        Step.NOTIFY_RECIPIENTS,
        False,
        "workflow.tell_recipients",
        values,
        untold[0],
        (("workflow.open.recipients", values),),
    )


def _export(facts: WorkflowFacts) -> CaseStep:
    if facts.exported:
        return CaseStep(Step.EXPORT, True, "workflow.exported")
    if facts.handled_systems and facts.items_in_answer == 0:
        # "We process no personal data about you" is a complete answer (Art. 15(1)): nothing to export.
        return CaseStep(Step.EXPORT, True, "workflow.nothing_to_export")
    return CaseStep(Step.EXPORT, False, "workflow.export", open_items=(("workflow.open.export", {}),))


def _respond(facts: WorkflowFacts, answered: bool) -> CaseStep:
    if answered:
        return CaseStep(Step.RESPOND, True, "workflow.responded")
    missing = missing_letters(facts)
    if not missing:
        return CaseStep(
            Step.RESPOND, False, "workflow.respond_any", open_items=(("workflow.open.answer", {}),)
        )
    values = {"letters": tuple(missing)}
    return CaseStep(
        Step.RESPOND, False, "workflow.respond", values, open_items=(("workflow.open.letters", values),)
    )


def missing_letters(facts: WorkflowFacts) -> list[LetterKind]:
    """The answer letters not yet sent, in the order a handler sends them; a request type appears once it is
    decided (the decide step comes first). A forwarded part is answered by the forwarding notice."""
    missing: list[LetterKind] = []
    if facts.forwarded and LetterKind.FORWARDED.value not in facts.letters_sent:
        missing.append(LetterKind.FORWARDED)
    for request_type in facts.answered_here:
        decision = facts.decisions.get(request_type)
        if decision is None:
            continue
        kinds = (LetterKind.REFUSAL,) if decision.outcome is Outcome.REFUSED else ANSWER_LETTERS[request_type]
        if not any(kind.value in facts.letters_sent for kind in kinds) and kinds[0] not in missing:
            missing.append(kinds[0])
    cover = LetterKind.EXPORT_COVER
    if facts.exported and cover.value not in facts.letters_sent and cover not in missing:
        missing.append(cover)  # how to open the file, and how its password arrives
    return missing


def _answered(facts: WorkflowFacts) -> bool:
    """Every request type this organisation answers decided, and the letters that say so sent."""
    here = facts.answered_here
    decided = all(r in facts.decisions for r in here)
    return bool(facts.types) and decided and not missing_letters(facts) and bool(facts.letters_sent)


def _granted(facts: WorkflowFacts, request_type: RequestType) -> bool:
    decision = facts.decisions.get(request_type)
    return decision is None or decision.outcome is not Outcome.REFUSED


def _decision_field(facts: WorkflowFacts, request_type: RequestType, name: str) -> object:
    decision = facts.decisions.get(request_type)
    return getattr(decision, name) if decision is not None else None


def _on(day: dt.date | None) -> dict[str, object]:
    return {"date": day} if day else {}
