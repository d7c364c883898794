"""What a letter template can say: the facts of the case, its clock, the organisation and the handler's
answers, as plain strings, booleans and lists in the letter's language.

Whatever did not happen has no value here that could be printed: no Art. 15(4) sentence without a redaction,
no Art. 22 rights where the register says there are no such effects, no promised date already gone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dsr_desk.documents.letters.decision_context import decision_context
from dsr_desk.documents.letters.words import sentence
from dsr_desk.i18n import format_date, format_date_with_weekday, t
from dsr_desk.rules.case_values import CaseRecord
from dsr_desk.rules.clock import ClockState
from dsr_desk.rules.letters import CONFIRMS, LetterInputs, LetterKind
from dsr_desk.rules.organisation import OrganisationProfile, RegisterEntry
from dsr_desk.rules.requests import Channel

AUTHORITY = "Autoriteit Persoonsgegevens"
AUTHORITY_WEBSITE = "autoriteitpersoonsgegevens.nl"


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
    redacted: bool = False  # others' data was made unreadable in what the person receives (Art. 15(4))


def template_context(facts: LetterFacts) -> dict[str, object]:
    lang, inputs, profile = facts.lang, facts.inputs, facts.profile
    contact = profile.privacy_contact or profile.dpo_name or profile.name
    context: dict[str, object] = {
        "reference": facts.record.reference,
        "letter_date": format_date(facts.date, lang),
        "received_date": format_date(facts.record.received, lang),
        "requester_name": facts.record.requester.name,
        "request_types": [kind.label_with_article(lang) for kind in facts.record.types],
        "organisation": profile.name,
        "privacy_contact": contact,
        "privacy_email": profile.privacy_email or profile.dpo_email or profile.email,
        "dpo_name": profile.dpo_name,
        "public_body": profile.public_body,
        "authority": AUTHORITY,
        "authority_website": AUTHORITY_WEBSITE,
        # Every refusal, whole or partial, names every remedy (Art. 12(4), 77, 79; art. 34-35 UAVG).
        "remedy_complaint": t(
            "letter.remedy.complaint", lang, authority=AUTHORITY, website=AUTHORITY_WEBSITE
        ),
        "remedy_court": t(
            "letter.remedy.court_public" if profile.public_body else "letter.remedy.court",
            lang,
            contact=contact,
        ),
        "identity_needed": inputs.identity_needed,
        "identity_what": sentence(inputs.identity_what),
        "identity_reason": sentence(inputs.identity_reason),
        "refusal_12_4": inputs.refusal_article == "12(4)",
        "refusal_12_5": inputs.refusal_article == "12(5)",
        "refusal_unfounded": inputs.refusal_article == "12(5)" and inputs.refusal_ground == "unfounded",
        "refusal_excessive": inputs.refusal_article == "12(5)" and inputs.refusal_ground == "excessive",
        "refusal_reasons": sentence(inputs.refusal_reasons),
        "review_by": inputs.review_by,
        "person_view": sentence(inputs.person_view),
        "transmitted_to": inputs.transmitted_to,
        "export_file": inputs.export_file,
        "export_format": sentence(inputs.export_format),
        "export_encrypted": inputs.export_encrypted,
        "export_portability": inputs.export_kind == "portability",
        "export_empty": inputs.export_empty,
        "password_channel": inputs.password_channel,
    }
    context.update(_whose(facts))
    context.update(_clock(facts))
    context.update(_access(facts))
    context.update(_forwarding(facts))
    decision = inputs.decisions.get(CONFIRMS[facts.kind]) if facts.kind in CONFIRMS else None
    context.update(decision_context(decision, facts.register, lang))
    return context


def _whose(facts: LetterFacts) -> dict[str, object]:
    """The requester is greeted; the data subject is named wherever the data are someone else's."""
    record, lang = facts.record, facts.lang
    relation = record.relation if record.data_subject else None
    subject = record.subject_name
    return {
        "for_other": relation is not None,
        "subject_name": subject,
        "on_behalf": t(f"letter.on_behalf.{relation.value}", lang, subject=subject) if relation else "",
        "about": subject if relation else t("letter.whose.you", lang),
        "data_of": t(
            "letter.whose.data_of_other" if relation else "letter.whose.data_of_you", lang, subject=subject
        ),
    }


def _clock(facts: LetterFacts) -> dict[str, object]:
    clock, lang = facts.clock, facts.lang
    extension = clock.facts.extension
    promised = clock.promised_due
    return {
        "due_date": format_date_with_weekday(clock.due, lang),
        "first_due_date": format_date_with_weekday(clock.first.due, lang),
        "extended_due_date": format_date_with_weekday(clock.extended.due, lang) if clock.extended else "",
        "extended": clock.extended is not None,
        "extension_reason": t(f"clock.reason.{extension.reason.value}", lang) if extension else "",
        "extension_explanation": sentence(extension.explanation) if extension else "",
        "clock_rule": clock.rule(lang),
        # A date already gone is never promised (an acknowledgement of a late case says so instead).
        "overdue": clock.running and facts.date > clock.due,
        "can_still_extend": clock.can_extend and facts.date <= clock.first.due,
        "promised_due_date": format_date_with_weekday(promised, lang)
        if promised and promised >= facts.date and promised < clock.due
        else "",
    }


def _access(facts: LetterFacts) -> dict[str, object]:
    inputs, lang = facts.inputs, facts.lang
    chosen = set(inputs.register_entries) if inputs.processes_data else set()
    entries = [_entry(entry, lang) for entry in facts.register if entry.id in chosen]
    return {
        "processes_data": inputs.processes_data,
        "entries": entries,
        "any_source": any(entry["source"] for entry in entries),
        "any_automated": any(entry["automated_decisions"] for entry in entries),
        "any_significant": any(entry["significant_effects"] for entry in entries),
        "any_transfers": any(entry["transfers"] for entry in entries),
        "any_recipients": any(entry["recipients"] for entry in entries),
        "enclosed": sentence(inputs.enclosed),
        "redacted": facts.redacted,
    }


def _entry(entry: RegisterEntry, lang: str) -> dict[str, object]:
    shown = entry.english() if lang == "en" else entry
    return {
        "name": shown.name,
        "purposes": list(shown.purposes),
        "legal_basis": shown.legal_basis,
        "categories": list(shown.categories),
        "recipients": list(shown.recipients),
        "recipient_names": list(shown.recipient_names),
        "retention": shown.retention,
        "source": shown.source,
        "automated_decisions": sentence(shown.automated_decisions),
        "significant_effects": bool(shown.automated_decisions) and shown.significant_effects,
        "transfers": shown.transfers,
        "transfer_basis": t(f"letter.transfer_basis.{shown.transfer_basis}", lang) if shown.transfers else "",
        "safeguards": shown.safeguards,
    }


def _forwarding(facts: LetterFacts) -> dict[str, object]:
    lang, clock = facts.lang, facts.clock
    forwards = [
        {
            "to": forward.to,
            "date": format_date(forward.on, lang),
            "channel": Channel(forward.channel).label(lang).lower() if forward.channel else "",
            "types": [kind.label_with_article(lang) for kind in forward.types],
        }
        for forward in clock.facts.forwards
    ]
    remaining = [kind for kind in facts.record.types if kind not in clock.facts.forwarded_types]
    return {
        "forwards": forwards,
        "forwarded_all": bool(forwards) and not remaining,
        "remaining_types": [kind.label_with_article(lang) for kind in remaining] if forwards else [],
        "forwarded_reason": sentence(facts.inputs.forwarded_reason),
    }
