"""What a letter template can say: the facts of the case, its clock, the organisation and the handler's
answers, as plain strings, booleans and lists in the letter's language."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dsr_desk.i18n import format_date, format_date_with_weekday, has, t
from dsr_desk.rules.case_values import CaseRecord
from dsr_desk.rules.clock import ClockState
from dsr_desk.rules.letters import CONFIRMS, Decision, LetterInputs, LetterKind, Outcome
from dsr_desk.rules.organisation import OrganisationProfile, RegisterEntry


@dataclass(frozen=True)
class LetterFacts:
    kind: LetterKind
    lang: str
    date: dt.date
    record: CaseRecord
    clock: ClockState
    profile: OrganisationProfile
    register: tuple[RegisterEntry, ...]
    inputs: LetterInputs


def template_context(facts: LetterFacts) -> dict[str, object]:
    lang, record, clock, inputs, profile = facts.lang, facts.record, facts.clock, facts.inputs, facts.profile
    extension = clock.facts.extension
    entries = [_entry(entry) for entry in facts.register if entry.id in inputs.register_entries]
    context: dict[str, object] = {
        "reference": record.reference,
        "letter_date": format_date(facts.date, lang),
        "received_date": format_date(record.received, lang),
        "requester_name": record.requester.name,
        "request_types": [kind.label_with_article(lang) for kind in record.types],
        "due_date": format_date_with_weekday(clock.due, lang),
        "first_due_date": format_date_with_weekday(clock.first.due, lang),
        "extended_due_date": format_date_with_weekday(clock.extended.due, lang) if clock.extended else "",
        "extended": clock.extended is not None,
        "extension_reason": t(f"clock.reason.{extension.reason.value}", lang) if extension else "",
        "extension_explanation": sentence(extension.explanation) if extension else "",
        "clock_rule": clock.rule(lang),
        "organisation": profile.name,
        "privacy_contact": profile.privacy_contact or profile.dpo_name or profile.name,
        "privacy_email": profile.privacy_email or profile.dpo_email or profile.email,
        "dpo_name": profile.dpo_name,
        "identity_needed": inputs.identity_needed,
        "identity_what": sentence(inputs.identity_what),
        "identity_reason": sentence(inputs.identity_reason),
        "entries": entries,
        "any_source": any(entry["source"] for entry in entries),
        "any_automated": any(entry["automated_decisions"] for entry in entries),
        "any_transfers": any(entry["transfers"] for entry in entries),
        "any_recipients": any(entry["recipients"] for entry in entries),
        "enclosed": sentence(inputs.enclosed),
        "refusal_12_4": inputs.refusal_article == "12(4)",
        "refusal_12_5": inputs.refusal_article == "12(5)",
        "refusal_reasons": sentence(inputs.refusal_reasons),
        "forwarded_to": inputs.forwarded_to,
        "forwarded_reason": sentence(inputs.forwarded_reason),
        "export_file": inputs.export_file,
        "export_format": inputs.export_format,
        "export_encrypted": inputs.export_encrypted,
        "password_channel": inputs.password_channel,
        "authority": "Autoriteit Persoonsgegevens",
        "authority_website": "autoriteitpersoonsgegevens.nl",
    }
    context.update(
        _decision(facts.inputs.decisions.get(CONFIRMS[facts.kind]) if facts.kind in CONFIRMS else None, lang)
    )
    return context


def _entry(entry: RegisterEntry) -> dict[str, object]:
    return {
        "name": entry.name,
        "purposes": list(entry.purposes),
        "legal_basis": entry.legal_basis,
        "categories": list(entry.categories),
        "recipients": list(entry.recipients),
        "retention": entry.retention,
        "source": entry.source,
        "automated_decisions": entry.automated_decisions,
        "transfers": entry.transfers,
        "safeguards": entry.safeguards,
    }


def _decision(decision: Decision | None, lang: str) -> dict[str, object]:
    if decision is None:
        return {
            "done": False,
            "partly": False,
            "refused": False,
            "what": "",
            "ground": "",
            "ground_text": "",
            "explanation": "",
            "recipients": [],
            "has_recipients": False,
        }
    recipients = list(decision.recipients_informed or ())
    ground_key = f"letter.ground.{decision.ground}"
    ground_text = t(ground_key, lang) if has(ground_key, lang) else decision.ground
    return {
        "done": decision.outcome is Outcome.DONE,
        "partly": decision.outcome is Outcome.PARTLY,
        "refused": decision.outcome is Outcome.REFUSED,
        "what": sentence(decision.what),
        "ground": decision.ground,
        "ground_text": ground_text,
        "explanation": sentence(decision.explanation),
        "recipients": recipients,
        "has_recipients": bool(recipients),
    }


def sentence(text: str) -> str:
    """Free text the handler typed, used as a sentence in a letter: it ends with a full stop."""
    text = text.strip()
    return text if not text or text[-1] in ".!?)»\"'" else text + "."
