"""Checks every letter template (the organisation's own where it has one) against a complete sample case,
so a broken or incomplete adapted template is found before a letter is due, not when it is."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dsr_desk.documents.letters.compose import compose
from dsr_desk.documents.letters.context import LetterFacts
from dsr_desk.errors import DsrDeskError
from dsr_desk.i18n import LANGUAGES
from dsr_desk.rules.case_values import CaseRecord
from dsr_desk.rules.clock import ClockFacts, ClockSettings, Extension, ExtensionReason, Forward, clock_state
from dsr_desk.rules.intake import Requester
from dsr_desk.rules.letters import CONFIRMS, GROUNDS, Decision, LetterInputs, LetterKind, Outcome
from dsr_desk.rules.organisation import TRANSLATED_FIELDS, OrganisationProfile, RegisterEntry
from dsr_desk.rules.outcomes import decision_problems
from dsr_desk.rules.representation import Relation
from dsr_desk.rules.requests import CaseStatus, Channel, RequestType

_DAY = dt.date(2026, 3, 2)
_PROFILE = OrganisationProfile(
    name="Voorbeeld B.V.", email="info@example.nl", privacy_contact="Privacy", signatory_name="Ondertekenaar"
)
_REGISTER = (
    RegisterEntry(
        "voorbeeld",
        "Voorbeeld",
        ("doel",),
        "grondslag",
        ("categorie",),
        ("ontvanger",),
        "7 jaar",
        "bron",
        "logica",
        "land",
        "waarborg",
        recipient_names=("Ontvanger B.V.",),
        transfer_basis="46",
        significant_effects=True,
        en={name: "text" for name in TRANSLATED_FIELDS},
    ),
)


def _facts(kind: LetterKind, lang: str, outcome: Outcome, variant: str) -> LetterFacts:
    moment = dt.datetime(2026, 3, 2, 9, tzinfo=dt.UTC)
    record = CaseRecord(
        "DSR-2026-0001",
        Requester("Voorbeeld Verzoeker", "v@example.nl", "Straat 1\n1234 AB Plaats"),
        dt.date(2026, 2, 27),
        tuple(RequestType),
        Channel.POST,
        CaseStatus.IN_PROGRESS,
        "",
        moment,
        moment,
        data_subject="Voorbeeld Kind" if variant == "for_other" else "",
        relation=Relation.PARENT if variant == "for_other" else None,
    )
    extension = Extension(_DAY, ExtensionReason.COMPLEXITY, "toelichting")
    forwards = (Forward("Opdrachtgever B.V.", _DAY, "email", (RequestType.ACCESS,)),)
    facts = ClockFacts(extension=extension, forwards=forwards)
    clock = clock_state(record.received, facts, ClockSettings(), _DAY)
    decisions = {
        t: Decision(
            t, outcome, "wat", GROUNDS[t][0] if outcome is not Outcome.DONE else "", "uitleg", ("ontvanger",)
        )
        for t in CONFIRMS.values()
    }
    inputs = LetterInputs(
        identity_needed=True,
        identity_what="wat",
        identity_reason="waarom",
        processes_data=variant != "no_data",
        register_entries=("voorbeeld",),
        enclosed="kopie",
        refusal_article="12(5)",
        refusal_ground="excessive",
        refusal_reasons="redenen",
        review_by="medewerker",
        person_view="standpunt",
        transmitted_to="andere organisatie",
        export_file="bestand.zip",
        export_format="JSON",
        export_encrypted=True,
        export_kind="portability",
        password_channel="sms",
        decisions=decisions,
    )
    return LetterFacts(kind, lang, _DAY, record, clock, _PROFILE, _REGISTER, inputs, redacted=True)


def _variants(kind: LetterKind) -> list[tuple[Outcome, str]]:
    """Every outcome the kind can have, once for the person themselves and once for a representative."""
    outcomes = [Outcome.DONE]
    if kind in CONFIRMS:
        outcomes = [o for o in Outcome if not decision_problems(Decision(CONFIRMS[kind], o))]
    variants = [(outcome, who) for outcome in outcomes for who in ("self", "for_other")]
    if kind is LetterKind.ACCESS_RESPONSE:
        variants.append((Outcome.DONE, "no_data"))
    return variants


def check_templates(custom_dir: Path | None) -> list[str]:
    """One sentence per problem, in the current language; empty when every template is sound."""
    problems: list[str] = []
    for lang in LANGUAGES:
        for kind in LetterKind:
            for outcome, variant in _variants(kind):
                try:
                    compose(_facts(kind, lang, outcome, variant), custom_dir)
                except DsrDeskError as error:
                    message = error.message()
                    if message not in problems:
                        problems.append(message)
    return problems
