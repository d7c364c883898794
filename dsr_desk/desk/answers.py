"""The handler's answers that letters are filled from, read back from a case's audit events.

Every answer is recorded as an event (with its value before and after), so the archive shows who decided
what and when; the current answers are simply the last value of each.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from dsr_desk.rules.letters import ANSWER_FIELDS, Decision, LetterInputs, Outcome
from dsr_desk.rules.requests import RequestType
from dsr_desk.store.audit import AuditEvent

ANSWERED = "answer.updated"
DECIDED = "decision.recorded"
LETTER_SENT = "letter.sent"


@dataclass(frozen=True)
class SentLetter:
    document_id: int
    kind: str
    lang: str
    sent_on: str  # ISO date
    channel: str
    sha256: str
    recorded_at: str
    recorded_by: str


def inputs_from_events(events: Iterable[AuditEvent]) -> LetterInputs:
    inputs = LetterInputs()
    decisions: dict[RequestType, Decision] = {}
    for event in events:
        if event.action == ANSWERED:
            # An answer an earlier release knew and this one does not (forwarded_to, now a recorded
            # forward) stays in the log and is simply not read.
            changes = {
                name: _answer_value(name, change["after"])
                for name, change in event.details.items()
                if name in ANSWER_FIELDS
            }
            inputs = replace(inputs, **changes)
        elif event.action == DECIDED:
            decision = decision_from_json(event.details)
            decisions[decision.request_type] = decision
    return replace(inputs, decisions=decisions)


def letters_from_events(events: Iterable[AuditEvent]) -> list[SentLetter]:
    return [
        SentLetter(
            document_id=int(e.details["document"]),
            kind=e.details["kind"],
            lang=e.details["language"],
            sent_on=e.details["date"],
            channel=e.details["channel"],
            sha256=e.details["sha256"],
            recorded_at=e.at,
            recorded_by=e.actor,
        )
        for e in events
        if e.action == LETTER_SENT
    ]


def decision_to_json(decision: Decision) -> dict[str, object]:
    return {
        "type": decision.request_type.value,
        "outcome": decision.outcome.value,
        "what": decision.what,
        "ground": decision.ground,
        "explanation": decision.explanation,
        "recipients_informed": list(decision.recipients_informed)
        if decision.recipients_informed is not None
        else None,
        "direct_marketing": decision.direct_marketing,
        "entries": list(decision.entries),
    }


def decision_from_json(data: dict) -> Decision:
    recipients = data.get("recipients_informed")
    return Decision(
        request_type=RequestType(data["type"]),
        outcome=Outcome(data["outcome"]),
        what=data.get("what", ""),
        ground=data.get("ground", ""),
        explanation=data.get("explanation", ""),
        recipients_informed=tuple(recipients) if recipients is not None else None,
        direct_marketing=bool(data.get("direct_marketing", False)),
        entries=tuple(data.get("entries", ())),
    )


def _answer_value(name: str, value: object) -> object:
    if name == "register_entries":
        return tuple(value or ())
    return value
