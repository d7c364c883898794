"""Helpers to make cases in tests with only the fields a test cares about."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dsr_desk.desk import Desk
from dsr_desk.rules.case_values import CaseSummary
from dsr_desk.rules.letters import LetterKind, Outcome
from dsr_desk.rules.requests import CaseStatus, Channel, RequestType


def make_case(
    desk: Desk,
    name: str = "Jan Jansen",
    email: str = "jan.jansen@example.nl",
    received: dt.date = dt.date(2026, 11, 2),
    types: tuple[RequestType, ...] = (RequestType.ACCESS,),
    **extra: object,
) -> CaseSummary:
    return desk.new_case(
        name=name,
        email=email,
        address=str(extra.pop("address", "Kerkstraat 1\n1234 AB Utrecht")),
        received=received,
        types=types,
        channel=extra.pop("channel", Channel.EMAIL),  # type: ignore[arg-type]
        notes=str(extra.pop("notes", "")),
    )


def close_anyway(case, reason: str = "Afgesloten in een test die de stappen niet doorloopt.") -> None:
    """Closes a case whose steps a test does not walk through: a privacy officer's override, with reason."""
    case.set_status(CaseStatus.CLOSED, reason, override=True)


def answer_access_request(case, folder: Path) -> None:
    """Walks an access request (profile and register in place) through every step before closing."""
    case.record_letter(LetterKind.ACKNOWLEDGEMENT, "nl", case.make_letter(LetterKind.ACKNOWLEDGEMENT, "nl"))
    for system in case.systems():
        case.record_search(system, searched=True, found="een klantaccount")
    case.add_data_text("Klant sinds 2021.", system=case.systems()[0], category="Klantgegevens")
    case.record_decision(RequestType.ACCESS, Outcome.DONE, what="een kopie van uw gegevens")
    case.export_data(folder / f"{case.reference}.zip")
    case.set_answers(register_entries=["klanten"], enclosed="uw klantgegevens (bijlage)")
    for kind in (LetterKind.ACCESS_RESPONSE, LetterKind.EXPORT_COVER):
        case.record_letter(kind, "nl", case.make_letter(kind, "nl"), "email")
