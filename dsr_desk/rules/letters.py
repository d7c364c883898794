"""Which letters there are, the answers they are filled from, and the parts each must contain (LEGAL.md §4,
§6). What a letter still lacks before it can go out is checked in rules/letter_checks.py.

Two checks guard a letter: the facts it needs must be recorded (an access response without retention
periods is refused before anything is drawn), and its template must render every required part (an adapted
refusal template that drops the right to complain to the Autoriteit Persoonsgegevens is refused too).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from enum import StrEnum

from dsr_desk.rules.outcomes import ERASURE_GROUNDS, GROUNDS, Decision, Outcome
from dsr_desk.rules.requests import RequestType

__all__ = ["ERASURE_GROUNDS", "GROUNDS", "Decision", "LetterInputs", "LetterKind", "Outcome"]


class LetterKind(StrEnum):
    ACKNOWLEDGEMENT = "acknowledgement"
    IDENTITY_REQUEST = "identity_request"
    EXTENSION = "extension"
    ACCESS_RESPONSE = "access_response"
    ERASURE_CONFIRMATION = "erasure_confirmation"
    RECTIFICATION_CONFIRMATION = "rectification_confirmation"
    RESTRICTION_CONFIRMATION = "restriction_confirmation"
    OBJECTION_CONFIRMATION = "objection_confirmation"
    CONSENT_WITHDRAWAL_CONFIRMATION = "consent_withdrawal_confirmation"
    AUTOMATED_DECISION_RESPONSE = "automated_decision_response"  # Art. 22(3): reviewed by a person
    DIRECT_TRANSMISSION = "direct_transmission"  # Art. 20(2): sent directly to another controller
    REFUSAL = "refusal"
    FORWARDED = "forwarded"
    EXPORT_COVER = "export_cover"


REFUSAL_ARTICLES = ("12(4)", "12(5)")
REFUSAL_GROUNDS_12_5 = ("unfounded", "excessive")  # Art. 12(5): the letter says which, and why

CONFIRMS = {
    LetterKind.ERASURE_CONFIRMATION: RequestType.ERASURE,
    LetterKind.RECTIFICATION_CONFIRMATION: RequestType.RECTIFICATION,
    LetterKind.RESTRICTION_CONFIRMATION: RequestType.RESTRICTION,
    LetterKind.OBJECTION_CONFIRMATION: RequestType.OBJECTION,
    LetterKind.CONSENT_WITHDRAWAL_CONFIRMATION: RequestType.WITHDRAW_CONSENT,
    LetterKind.AUTOMATED_DECISION_RESPONSE: RequestType.AUTOMATED_DECISION,
    LetterKind.DIRECT_TRANSMISSION: RequestType.PORTABILITY,
}

# The parts every template of a kind must render (LEGAL.md §4); the letterhead, addresses, reference,
# dates and signatory are drawn by the layout itself and so are always there.
REQUIRED_PARTS: dict[LetterKind, tuple[str, ...]] = {
    LetterKind.ACKNOWLEDGEMENT: ("received", "requests", "due_date", "next_steps", "identity"),
    LetterKind.IDENTITY_REQUEST: ("what_needed", "why", "how_to_send", "masked_copy", "deletion"),
    LetterKind.EXTENSION: ("new_due_date", "reasons"),
    LetterKind.ACCESS_RESPONSE: (
        "confirmation",
        "copy",
        "purposes",
        "categories",
        "recipients",
        "retention",
        "rights",
        "complaint",
        "source",
        "automated_decisions",
        "transfers",
        "free_copy",
    ),
    LetterKind.ERASURE_CONFIRMATION: ("outcome", "recipients"),
    LetterKind.RECTIFICATION_CONFIRMATION: ("outcome", "recipients"),
    LetterKind.RESTRICTION_CONFIRMATION: ("outcome", "recipients", "lifting"),
    LetterKind.OBJECTION_CONFIRMATION: ("outcome", "recipients"),
    LetterKind.CONSENT_WITHDRAWAL_CONFIRMATION: ("outcome", "recipients"),
    LetterKind.AUTOMATED_DECISION_RESPONSE: ("outcome", "review", "view"),
    LetterKind.DIRECT_TRANSMISSION: ("outcome", "transmitted_to"),
    LetterKind.REFUSAL: ("reasons", "complaint", "court"),
    LetterKind.FORWARDED: ("forwarded_to", "why"),
    LetterKind.EXPORT_COVER: ("contents", "format", "how_to_open", "password"),
}
# A negative access answer ("we process no personal data about you") is complete with these (LEGAL.md §6).
NEGATIVE_ACCESS_PARTS = ("confirmation", "complaint")


@dataclass(frozen=True)
class LetterInputs:
    """The handler's answers a letter is filled from, besides the case, the clock and the profile."""

    identity_needed: bool = False
    identity_what: str = ""
    identity_reason: str = ""
    processes_data: bool = True  # Art. 15(1): False is the complete, lawful answer "no data about you"
    register_entries: tuple[str, ...] = ()
    enclosed: str = ""
    recipients_asked: bool = False  # the person asked who received their data: then every name is owed
    refusal_article: str = ""
    refusal_ground: str = ""  # for 12(5): unfounded | excessive
    refusal_reasons: str = ""
    forwarded_reason: str = ""  # more words for the forwarding letter, beside the recorded forward
    review_by: str = ""  # Art. 22(3): who reviewed the automated decision
    person_view: str = ""  # Art. 22(3): the person's point of view, as heard
    transmitted_to: str = ""  # Art. 20(2): the controller the data went to directly
    export_file: str = ""
    export_format: str = ""
    export_encrypted: bool = False
    export_kind: str = ""  # access | portability, set by the export
    export_empty: bool = False  # the export holds no data items (said as it is)
    password_channel: str = ""
    decisions: dict[RequestType, Decision] = field(default_factory=dict)


ANSWER_FIELDS = tuple(name for name in LetterInputs.__dataclass_fields__ if name != "decisions")
ANSWER_BOOLEANS = frozenset(f.name for f in fields(LetterInputs) if f.type in ("bool", bool))
LETTER_CHANNELS = ("post", "email", "in_person")  # how a letter went out


def required_parts(kind: LetterKind, inputs: LetterInputs, *, redacted: bool = False) -> tuple[str, ...]:
    """The parts this letter must render for the outcome that happened, and no more."""
    if kind is LetterKind.ACCESS_RESPONSE:
        if not inputs.processes_data:
            return NEGATIVE_ACCESS_PARTS
        # Art. 15(4): the sentence on others' data only where something was made unreadable.
        return (*REQUIRED_PARTS[kind], "others_data") if redacted else REQUIRED_PARTS[kind]
    parts = REQUIRED_PARTS[kind]
    decision = inputs.decisions.get(CONFIRMS[kind]) if kind in CONFIRMS else None
    if decision is None:
        return parts
    if decision.outcome is Outcome.REFUSED:
        # Nothing was erased, restricted, reviewed or sent: the letter must not say what happens to it.
        parts = tuple(
            p for p in parts if p not in ("recipients", "lifting", "review", "view", "transmitted_to")
        )
    if decision.refuses_something:
        # Less than was asked is also a refusal: the reasons and every remedy (Art. 12(4)).
        parts = (*parts, "exception", "complaint", "court")
    return parts


def missing_parts(
    kind: LetterKind, inputs: LetterInputs, rendered_parts: set[str], *, redacted: bool = False
) -> list[str]:
    return [part for part in required_parts(kind, inputs, redacted=redacted) if part not in rendered_parts]
