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
from dsr_desk.rules.clock import ClockFacts, ClockSettings, Extension, ExtensionReason, clock_state
from dsr_desk.rules.intake import Requester
from dsr_desk.rules.letters import CONFIRMS, Decision, LetterInputs, LetterKind, Outcome
from dsr_desk.rules.organisation import OrganisationProfile, RegisterEntry
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
        "bewaartermijn",
        "bron",
        "logica",
        "land",
        "waarborg",
    ),
)


def _facts(kind: LetterKind, lang: str, outcome: Outcome) -> LetterFacts:
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
    )
    extension = Extension(_DAY, ExtensionReason.COMPLEXITY, "toelichting")
    clock = clock_state(record.received, ClockFacts(extension=extension), ClockSettings(), _DAY)
    decisions = {
        t: Decision(t, outcome, "wat", "17(3)(b)", "uitleg", ("ontvanger",)) for t in CONFIRMS.values()
    }
    inputs = LetterInputs(
        True,
        "wat",
        "waarom",
        ("voorbeeld",),
        "kopie",
        "12(4)",
        "redenen",
        "aan",
        "waarom",
        "bestand.zip",
        "JSON",
        True,
        "sms",
        decisions,
    )
    return LetterFacts(kind, lang, _DAY, record, clock, _PROFILE, _REGISTER, inputs)


def check_templates(custom_dir: Path | None) -> list[str]:
    """One sentence per problem, in the current language; empty when every template is sound."""
    problems: list[str] = []
    for lang in LANGUAGES:
        for kind in LetterKind:
            for outcome in (Outcome.DONE, Outcome.PARTLY) if kind in CONFIRMS else (Outcome.DONE,):
                try:
                    compose(_facts(kind, lang, outcome), custom_dir)
                except DsrDeskError as error:
                    message = error.message()
                    if message not in problems:
                        problems.append(message)
    return problems
