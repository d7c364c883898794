"""What a letter still lacks before it can go out: each as a sentence key with its fields, so the message
names what to fill in (and where), never a half-made letter."""

from __future__ import annotations

from dataclasses import dataclass

from dsr_desk.i18n import t
from dsr_desk.rules.letters import CONFIRMS, REFUSAL_ARTICLES, REFUSAL_GROUNDS_12_5, LetterInputs, LetterKind
from dsr_desk.rules.organisation import OrganisationProfile, RegisterEntry
from dsr_desk.rules.outcomes import GROUNDS, RECIPIENTS_TOLD, Outcome, decision_problems
from dsr_desk.rules.register_rules import entry_problems
from dsr_desk.rules.requests import RequestType

Problem = tuple[str, dict[str, object]]  # (translation key, fields)


@dataclass(frozen=True)
class LetterCase:
    """What the checks read of a case: enough to say what is missing, nothing to draw with."""

    kind: LetterKind
    lang: str
    profile: OrganisationProfile
    register: tuple[RegisterEntry, ...]
    inputs: LetterInputs
    requester_name: str
    requester_reachable: bool
    extended: bool = False
    forwarded: tuple[RequestType, ...] = ()  # the request types recorded as forwarded


def missing_for(case: LetterCase) -> list[Problem]:
    """Everything a letter still lacks."""
    profile = case.profile
    out: list[Problem] = []
    if not profile.name:
        out.append(("letter.missing.org_name", {}))
    if not (profile.email or profile.postal_lines):
        out.append(("letter.missing.org_contact", {}))
    if not (profile.privacy_contact or profile.privacy_email or profile.dpo_name or profile.dpo_email):
        out.append(("letter.missing.privacy_contact", {}))
    if not profile.signatory_name:
        out.append(("letter.missing.signatory", {}))
    if not case.requester_name:
        out.append(("letter.missing.requester_name", {}))
    if not case.requester_reachable:
        out.append(("letter.missing.requester_address", {}))
    out += _missing_content(case)
    out += _missing_english(case)
    return out


def entries_used(case: LetterCase) -> list[RegisterEntry]:
    """The register entries the letter quotes: an access response's chosen ones, a decision's own."""
    inputs = case.inputs
    if case.kind is LetterKind.ACCESS_RESPONSE:
        chosen = inputs.register_entries if inputs.processes_data else ()
    elif case.kind in CONFIRMS and (decision := inputs.decisions.get(CONFIRMS[case.kind])):
        chosen = decision.entries
    else:
        chosen = ()
    by_id = {entry.id: entry for entry in case.register}
    return [by_id[entry_id] for entry_id in chosen if entry_id in by_id]


def _missing_content(case: LetterCase) -> list[Problem]:
    kind, inputs = case.kind, case.inputs
    out: list[Problem] = []
    if kind is LetterKind.ACKNOWLEDGEMENT and inputs.identity_needed and not inputs.identity_reason:
        out.append(("letter.missing.identity_reason", {}))
    elif kind is LetterKind.IDENTITY_REQUEST:
        if not inputs.identity_what:
            out.append(("letter.missing.identity_what", {}))
        if not inputs.identity_reason:
            out.append(("letter.missing.identity_reason", {}))
    elif kind is LetterKind.EXTENSION and not case.extended:
        out.append(("letter.missing.extension", {}))
    elif kind is LetterKind.ACCESS_RESPONSE and inputs.processes_data:
        out += _missing_for_access(case)
    elif kind in CONFIRMS:
        out += _missing_decision(CONFIRMS[kind], inputs)
    elif kind is LetterKind.REFUSAL:
        if inputs.refusal_article not in REFUSAL_ARTICLES:
            out.append(("letter.missing.refusal_article", {}))
        elif inputs.refusal_article == "12(5)" and inputs.refusal_ground not in REFUSAL_GROUNDS_12_5:
            out.append(("letter.missing.refusal_ground", {}))
        if not inputs.refusal_reasons:
            out.append(("letter.missing.refusal_reasons", {}))
    elif kind is LetterKind.FORWARDED and not case.forwarded:
        out.append(("letter.missing.forward", {}))
    elif kind is LetterKind.EXPORT_COVER:
        if not (inputs.export_file and inputs.export_format):
            out.append(("letter.missing.export", {}))
        if inputs.export_encrypted and not inputs.password_channel:
            out.append(("letter.missing.password_channel", {}))
    return out


def _missing_for_access(case: LetterCase) -> list[Problem]:
    inputs = case.inputs
    out: list[Problem] = []
    known = {entry.id for entry in case.register}
    if not inputs.register_entries:
        out.append(("letter.missing.register_entries", {}))
    for entry_id in inputs.register_entries:
        if entry_id not in known:
            out.append(("letter.missing.register_entry_gone", {"entry": entry_id}))
    for entry in entries_used(case):
        for name, value in (
            ("purposes", entry.purposes),
            ("categories", entry.categories),
            ("retention", entry.retention),
        ):
            if not value:
                out.append((f"letter.missing.{name}", {"entry": entry.name}))
        out += [(key, values) for _field, key, values in entry_problems(entry)]
        if inputs.recipients_asked and entry.recipients and not entry.recipient_names:
            out.append(("letter.missing.recipient_names", {"entry": entry.name}))
    if not inputs.enclosed:
        out.append(("letter.missing.enclosed", {}))
    return out


def _missing_decision(request_type: RequestType, inputs: LetterInputs) -> list[Problem]:
    decision = inputs.decisions.get(request_type)
    if decision is None:
        return [("letter.missing.decision", {"type": request_type.label()})]
    # A decision recorded before the law was applied here (a refused withdrawal of consent) is not sent.
    out: list[Problem] = [(key, values) for _field, key, values in decision_problems(decision)]
    if decision.outcome is not Outcome.REFUSED and not decision.what:
        out.append(("letter.missing.decision_what", {"type": request_type.label()}))
    if decision.refuses_something:
        if decision.ground not in GROUNDS.get(request_type, ()):
            key = (
                "letter.missing.erasure_ground"
                if request_type is RequestType.ERASURE
                else "letter.missing.ground"
            )
            out.append((key, {"type": request_type.label()}))
        if not decision.explanation:
            out.append(("letter.missing.ground_explanation", {"type": request_type.label()}))
    told = request_type in RECIPIENTS_TOLD and decision.outcome is not Outcome.REFUSED
    if told and decision.recipients_informed is None:
        out.append(("letter.missing.recipients_informed", {"type": request_type.label()}))
    if request_type is RequestType.AUTOMATED_DECISION and decision.outcome is not Outcome.REFUSED:
        if not inputs.review_by:
            out.append(("letter.missing.review_by", {}))
        if not inputs.person_view:
            out.append(("letter.missing.person_view", {}))
    transmitted = request_type is RequestType.PORTABILITY and decision.outcome is not Outcome.REFUSED
    if transmitted and not inputs.transmitted_to:
        out.append(("letter.missing.transmitted_to", {}))
    return out


def _missing_english(case: LetterCase) -> list[Problem]:
    """An English letter is English throughout: a register text it quotes must exist in English."""
    if case.lang != "en":
        return []
    return [
        (
            "letter.missing.english",
            {"entry": entry.name, "fields": ", ".join(t(f"gui.register.{n}").lower() for n in missing)},
        )
        for entry in entries_used(case)
        if (missing := entry.missing_english())
    ]
