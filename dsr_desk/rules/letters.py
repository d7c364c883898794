"""Which letters there are, what each must contain (LEGAL.md §4), and what is missing before one can go out.

Two checks guard a letter: the facts it needs must be recorded (an access response without retention
periods is refused before anything is drawn), and its template must render every required part (an adapted
refusal template that drops the right to complain to the Autoriteit Persoonsgegevens is refused too).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from enum import StrEnum

from dsr_desk.rules.organisation import OrganisationProfile, RegisterEntry
from dsr_desk.rules.requests import RequestType

Problem = tuple[str, dict[str, object]]  # (translation key, fields)


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
    REFUSAL = "refusal"
    FORWARDED = "forwarded"
    EXPORT_COVER = "export_cover"


class Outcome(StrEnum):
    DONE = "done"
    PARTLY = "partly"
    REFUSED = "refused"


# Art. 17(3): the exceptions to the right to erasure.
ERASURE_GROUNDS = ("17(3)(a)", "17(3)(b)", "17(3)(c)", "17(3)(d)", "17(3)(e)")
REFUSAL_ARTICLES = ("12(4)", "12(5)")

CONFIRMS = {
    LetterKind.ERASURE_CONFIRMATION: RequestType.ERASURE,
    LetterKind.RECTIFICATION_CONFIRMATION: RequestType.RECTIFICATION,
    LetterKind.RESTRICTION_CONFIRMATION: RequestType.RESTRICTION,
    LetterKind.OBJECTION_CONFIRMATION: RequestType.OBJECTION,
    LetterKind.CONSENT_WITHDRAWAL_CONFIRMATION: RequestType.WITHDRAW_CONSENT,
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
        "others_data",
    ),
    LetterKind.ERASURE_CONFIRMATION: ("outcome", "recipients"),
    LetterKind.RECTIFICATION_CONFIRMATION: ("outcome", "recipients"),
    LetterKind.RESTRICTION_CONFIRMATION: ("outcome", "recipients", "lifting"),
    LetterKind.OBJECTION_CONFIRMATION: ("outcome", "recipients"),
    LetterKind.CONSENT_WITHDRAWAL_CONFIRMATION: ("outcome", "recipients"),
    LetterKind.REFUSAL: ("reasons", "complaint", "court"),
    LetterKind.FORWARDED: ("forwarded_to", "why"),
    LetterKind.EXPORT_COVER: ("contents", "format", "how_to_open", "password"),
}


@dataclass(frozen=True)
class Decision:
    """What was done with one request type, as the confirmation letters and the archive report it."""

    request_type: RequestType
    outcome: Outcome
    what: str = ""  # what was erased, corrected, restricted, stopped
    ground: str = ""  # for partly/refused: the legal ground, e.g. 17(3)(b)
    explanation: str = ""  # e.g. the 7-year fiscal retention duty (art. 52 AWR)
    recipients_informed: tuple[str, ...] | None = None  # Art. 19; () = there were none; None = not recorded


@dataclass(frozen=True)
class LetterInputs:
    """The handler's answers a letter is filled from, besides the case, the clock and the profile."""

    identity_needed: bool = False
    identity_what: str = ""
    identity_reason: str = ""
    register_entries: tuple[str, ...] = ()
    enclosed: str = ""
    refusal_article: str = ""
    refusal_reasons: str = ""
    forwarded_to: str = ""
    forwarded_reason: str = ""
    export_file: str = ""
    export_format: str = ""
    export_encrypted: bool = False
    password_channel: str = ""
    decisions: dict[RequestType, Decision] = field(default_factory=dict)


ANSWER_FIELDS = tuple(name for name in LetterInputs.__dataclass_fields__ if name != "decisions")
ANSWER_BOOLEANS = frozenset(f.name for f in fields(LetterInputs) if f.type in ("bool", bool))
LETTER_CHANNELS = ("post", "email", "in_person")  # how a letter went out


def missing_for(
    kind: LetterKind,
    profile: OrganisationProfile,
    register: tuple[RegisterEntry, ...],
    inputs: LetterInputs,
    *,
    requester_name: str,
    requester_reachable: bool,
    extended: bool,
) -> list[Problem]:
    """Everything a letter of `kind` still lacks, each as a sentence key with its fields."""
    out: list[Problem] = []
    if not profile.name:
        out.append(("letter.missing.org_name", {}))
    if not (profile.email or profile.postal_lines):
        out.append(("letter.missing.org_contact", {}))
    if not (profile.privacy_contact or profile.privacy_email or profile.dpo_name or profile.dpo_email):
        out.append(("letter.missing.privacy_contact", {}))
    if not profile.signatory_name:
        out.append(("letter.missing.signatory", {}))
    if not requester_name:
        out.append(("letter.missing.requester_name", {}))
    if not requester_reachable:
        out.append(("letter.missing.requester_address", {}))
    out += _missing_content(kind, register, inputs, extended)
    return out


def _missing_content(
    kind: LetterKind, register: tuple[RegisterEntry, ...], inputs: LetterInputs, extended: bool
) -> list[Problem]:
    out: list[Problem] = []
    if kind is LetterKind.ACKNOWLEDGEMENT and inputs.identity_needed and not inputs.identity_reason:
        out.append(("letter.missing.identity_reason", {}))
    elif kind is LetterKind.IDENTITY_REQUEST:
        if not inputs.identity_what:
            out.append(("letter.missing.identity_what", {}))
        if not inputs.identity_reason:
            out.append(("letter.missing.identity_reason", {}))
    elif kind is LetterKind.EXTENSION and not extended:
        out.append(("letter.missing.extension", {}))
    elif kind is LetterKind.ACCESS_RESPONSE:
        out += _missing_for_access(register, inputs)
    elif kind in CONFIRMS:
        out += _missing_decision(CONFIRMS[kind], inputs)
    elif kind is LetterKind.REFUSAL:
        if inputs.refusal_article not in REFUSAL_ARTICLES:
            out.append(("letter.missing.refusal_article", {}))
        if not inputs.refusal_reasons:
            out.append(("letter.missing.refusal_reasons", {}))
    elif kind is LetterKind.FORWARDED:
        if not inputs.forwarded_to:
            out.append(("letter.missing.forwarded_to", {}))
        if not inputs.forwarded_reason:
            out.append(("letter.missing.forwarded_reason", {}))
    elif kind is LetterKind.EXPORT_COVER:
        if not (inputs.export_file and inputs.export_format):
            out.append(("letter.missing.export", {}))
        if inputs.export_encrypted and not inputs.password_channel:
            out.append(("letter.missing.password_channel", {}))
    return out


def _missing_for_access(register: tuple[RegisterEntry, ...], inputs: LetterInputs) -> list[Problem]:
    out: list[Problem] = []
    by_id = {entry.id: entry for entry in register}
    if not inputs.register_entries:
        out.append(("letter.missing.register_entries", {}))
    for entry_id in inputs.register_entries:
        entry = by_id.get(entry_id)
        if entry is None:
            out.append(("letter.missing.register_entry_gone", {"entry": entry_id}))
            continue
        for name, value in (
            ("purposes", entry.purposes),
            ("categories", entry.categories),
            ("retention", entry.retention),
        ):
            if not value:
                out.append((f"letter.missing.{name}", {"entry": entry.name}))
        if entry.transfers and not entry.safeguards:
            out.append(("letter.missing.safeguards", {"entry": entry.name}))
    if not inputs.enclosed:
        out.append(("letter.missing.enclosed", {}))
    return out


def _missing_decision(request_type: RequestType, inputs: LetterInputs) -> list[Problem]:
    decision = inputs.decisions.get(request_type)
    if decision is None:
        return [("letter.missing.decision", {"type": request_type.value})]
    out: list[Problem] = []
    if decision.outcome is not Outcome.REFUSED and not decision.what:
        out.append(("letter.missing.decision_what", {"type": request_type.value}))
    if decision.outcome is not Outcome.DONE:
        if request_type is RequestType.ERASURE and decision.ground not in ERASURE_GROUNDS:
            out.append(("letter.missing.erasure_ground", {}))
        elif not decision.ground:
            out.append(("letter.missing.ground", {"type": request_type.value}))
        if not decision.explanation:
            out.append(("letter.missing.ground_explanation", {"type": request_type.value}))
    if decision.recipients_informed is None:
        out.append(("letter.missing.recipients_informed", {"type": request_type.value}))
    return out


def required_parts(kind: LetterKind, inputs: LetterInputs) -> tuple[str, ...]:
    """A confirmation that grants less than was asked is also a refusal: it must name the right to
    complain to the Autoriteit Persoonsgegevens (Art. 12(4))."""
    parts = REQUIRED_PARTS[kind]
    decision = inputs.decisions.get(CONFIRMS[kind]) if kind in CONFIRMS else None
    if decision is not None and decision.outcome is not Outcome.DONE:
        parts = (*parts, "exception", "complaint")
    return parts


def missing_parts(kind: LetterKind, inputs: LetterInputs, rendered_parts: set[str]) -> list[str]:
    return [part for part in required_parts(kind, inputs) if part not in rendered_parts]
