"""Demo cases, so a newcomer opens a living workspace: Dutch requesters, every request type, some overdue,
some extended, some waiting for the requester, some closed. Deterministic for a given 'today', read from
resources/demo/cases.toml and made through the ordinary Desk API.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import random
import tomllib
import unicodedata
from collections.abc import Iterator

from dsr_desk.desk.workspace import Desk
from dsr_desk.resources import resource_path
from dsr_desk.rules.clock import ExtensionReason, InformationNeeded
from dsr_desk.rules.letters import CONFIRMS, LetterKind, Outcome
from dsr_desk.rules.organisation import RegisterEntry
from dsr_desk.rules.requests import CaseStatus, Channel, RequestType


def demo_cases() -> list[dict]:
    with resource_path("demo", "cases.toml").open("rb") as handle:
        return tomllib.load(handle)["case"]


def demo_organisation(desk: Desk) -> None:
    """Gives a workspace without a profile or register the demo organisation's, so letters can be made."""
    with resource_path("demo", "organisation.toml").open("rb") as handle:
        data = tomllib.load(handle)
    profile = desk.settings.profile
    if not (profile.email or profile.postal_lines or profile.signatory_name):
        desk.update_profile(**data["profile"])
    if not desk.settings.register:
        desk.update_register(tuple(RegisterEntry.from_json(item) for item in data["register"]))


def fill_with_demo_cases(desk: Desk, count: int = 25) -> list[str]:
    """Creates `count` demo cases (at most as many as the file holds) and returns their references."""
    demo_organisation(desk)
    today = desk.today()
    rng = random.Random(today.toordinal())
    references = []
    for person in demo_cases()[:count]:
        received = today - dt.timedelta(days=person["days_ago"])
        moment = dt.datetime.combine(received, dt.time(9 + rng.randrange(8), rng.randrange(60)), dt.UTC)
        with _clock_at(desk, moment):
            summary = desk.new_case(
                name=person["name"],
                email=_email(person["name"]),
                address="\n".join(person["address"]),
                received=received,
                types=[RequestType(code) for code in person["types"]],
                channel=rng.choice(list(Channel)),
                notes=person["note"],
            )
        references.append(summary.reference)
        with desk.open_case(summary.reference) as case:
            _play(desk, case, person["outcome"], moment, person["days_ago"])
    return references


def _play(desk: Desk, case, outcome: str, moment: dt.datetime, days_ago: int) -> None:
    if outcome != "new":
        with _clock_at(desk, moment + dt.timedelta(days=1, hours=2)):
            case.set_status(CaseStatus.IN_PROGRESS)
            case.record_letter(
                LetterKind.ACKNOWLEDGEMENT, "nl", case.make_letter(LetterKind.ACKNOWLEDGEMENT, "nl")
            )
    types = case.record().types
    if outcome != "new" and (RequestType.ACCESS in types or RequestType.PORTABILITY in types):
        with _clock_at(desk, moment + dt.timedelta(days=3, hours=1)):
            _collect_data(case)
    if outcome == "waiting":
        with _clock_at(desk, moment + dt.timedelta(days=2)):
            case.add_note(
                "Verzoek kwam van een onbekend adres; gevraagd een verificatiecode terug te sturen."
            )
            case.request_information(InformationNeeded.IDENTITY)
    elif outcome == "extended":
        with _clock_at(desk, moment + dt.timedelta(days=20)):
            case.extend(ExtensionReason.COMPLEXITY, "De gegevens staan in vijf systemen, deels op papier.")
            case.record_extension_notice()
    elif outcome == "closed":
        with _clock_at(desk, moment + dt.timedelta(days=min(days_ago - 1, 20))):
            _answer(case)
            case.add_note("Antwoord verstuurd; verzoeker heeft de ontvangst bevestigd.")
            case.set_status(CaseStatus.CLOSED)


def _collect_data(case) -> None:
    """What a handler finds in the demo organisation's systems: a checklist and a few items."""
    name = case.record().requester.name
    case.record_search("Webwinkel", searched=True, found="1 klantaccount, 3 bestellingen")
    case.record_search("Mailbox", searched=True, found="2 e-mails")
    case.record_search("Boekhouding", searched=True, found="3 facturen")
    case.record_search("Mailchimp", searched=False, note="Beheerd door de verwerker; gegevens opgevraagd.")
    account = json.dumps({"naam": name, "klant_sinds": "2021-03-14", "nieuwsbrief": True}).encode()
    case.add_data_bytes("account.json", account, system="Webwinkel", category="Klantgegevens", provided=True)
    orders = (
        b"ordernummer;datum;bedrag\n"
        b"W-10231;2025-11-02;24,95\nW-10877;2026-02-17;12,50\nW-11402;2026-06-30;38,00\n"
    )
    case.add_data_bytes("bestellingen.csv", orders, system="Webwinkel", category="Bestellingen")
    mail = case.add_data_text(
        f"{name} vroeg op 4 maart naar de levertijd; collega Kees Jansen antwoordde dezelfde dag.",
        system="Mailbox",
        category="Correspondentie",
        title="E-mail over levertijd",
    )
    case.set_item(mail.id, redactions=["Kees Jansen"])


def _answer(case) -> None:
    """Records what a closed demo case decided, and sends the letters that say so."""
    types = case.record().types
    if RequestType.ACCESS in types or RequestType.PORTABILITY in types:
        case.set_answers(
            register_entries=["klanten", "klantenservice"],
            enclosed="een overzicht van uw klantgegevens, bestellingen en berichten (bijlage).",
        )
        case.record_letter(
            LetterKind.ACCESS_RESPONSE, "nl", case.make_letter(LetterKind.ACCESS_RESPONSE, "nl")
        )
    if RequestType.AUTOMATED_DECISION in types:
        case.set_answers(
            review_by="Anna de Wit, teamleider klantenservice",
            person_view="U schreef dat uw bestelling ten onrechte als verdacht was aangemerkt.",
        )
    for kind, request_type in CONFIRMS.items():
        if request_type not in types or kind is LetterKind.DIRECT_TRANSMISSION:
            continue  # a portability request is answered with the export, not sent on to another controller
        if request_type is RequestType.ERASURE:
            case.record_decision(
                request_type,
                Outcome.PARTLY,
                what="uw account en nieuwsbriefinschrijving.",
                ground="17(3)(b)",
                explanation="Facturen bewaren wij 7 jaar (art. 52 AWR).",
                recipients_informed=["Mailchimp"],
            )
        else:
            case.record_decision(request_type, Outcome.DONE, what="zoals u vroeg.", recipients_informed=[])
        case.record_letter(kind, "nl", case.make_letter(kind, "nl"))


def _email(name: str) -> str:
    # ł and dotless ı have no decomposition, so NFKD alone would drop them.
    plain = unicodedata.normalize("NFKD", name.lower().translate(str.maketrans("łı", "li")))
    return plain.encode("ascii", "ignore").decode().replace(" ", ".") + "@example.nl"


@contextlib.contextmanager
def _clock_at(desk: Desk, moment: dt.datetime) -> Iterator[None]:
    # Demo history is back-dated so the audit log reads like months of real work.
    original = desk.clock
    desk.clock = lambda: moment
    try:
        yield
    finally:
        desk.clock = original
