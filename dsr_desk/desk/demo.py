"""Demo cases, so a newcomer opens a living workspace: Dutch requesters, every request type, some overdue,
some extended, some waiting for the requester, some closed. Deterministic for a given 'today', read from
resources/demo/cases.toml and made through the ordinary Desk API.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import random
import tempfile
import tomllib
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from dsr_desk.desk.workspace import Desk
from dsr_desk.errors import DemoRefusedError
from dsr_desk.resources import resource_path
from dsr_desk.rules.clock import ExtensionReason, InformationNeeded
from dsr_desk.rules.export_rules import kind_for, new_export_password
from dsr_desk.rules.letters import CONFIRMS, LetterKind, Outcome
from dsr_desk.rules.organisation import OrganisationProfile, RegisterEntry
from dsr_desk.rules.requests import CaseStatus, Channel, RequestType


def demo_cases() -> list[dict]:
    with resource_path("demo", "cases.toml").open("rb") as handle:
        return tomllib.load(handle)["case"]


def demo_organisation(desk: Desk) -> None:
    """Gives a workspace without a profile or register the demo organisation's, so letters can be made;
    a profile or register with anything in it is never touched."""
    with resource_path("demo", "organisation.toml").open("rb") as handle:
        data = tomllib.load(handle)
    if desk.settings.profile == OrganisationProfile():
        desk.update_profile(**data["profile"])
    if not desk.settings.register:
        desk.update_register(tuple(RegisterEntry.from_json(item) for item in data["register"]))


def fresh_demo_folder(workspace: Path) -> Path:
    """A folder beside the workspace that does not exist yet: where a demo can go instead."""
    base = workspace.parent / f"{workspace.name}-demo"
    candidate, number = base, 1
    while candidate.exists():
        number += 1
        candidate = base.with_name(f"{base.name}-{number}")
    return candidate


def fill_with_demo_cases(desk: Desk, count: int = 25, progress=lambda done, total: None) -> list[str]:
    """Creates `count` demo cases (at most as many as the file holds) and returns their references.

    Only into a workspace without cases (or records of destroyed ones): demo cases never mix with real
    ones. The workspace is marked as a demo from then on: 'DEMO' in the title, letters marked as examples.
    """
    if desk.list_cases() or desk.destruction_records():
        raise DemoRefusedError(folder=str(fresh_demo_folder(desk.paths.root)))
    desk.mark_as_demo()
    demo_organisation(desk)
    today = desk.today()
    rng = random.Random(today.toordinal())
    references = []
    people = demo_cases()[:count]
    for done, person in enumerate(people):
        progress(done, len(people))
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
            # The acknowledgement moves the case to 'in behandeling' by itself.
            case.record_letter(
                LetterKind.ACKNOWLEDGEMENT, "nl", case.make_letter(LetterKind.ACKNOWLEDGEMENT, "nl")
            )
    types = case.record().types
    if outcome != "new" and (RequestType.ACCESS in types or RequestType.PORTABILITY in types):
        with _clock_at(desk, moment + dt.timedelta(days=3, hours=1)):
            _record_searches(case)
            _collect_data(case)
    elif outcome in ("answered", "closed"):
        with _clock_at(desk, moment + dt.timedelta(days=3, hours=1)):
            _record_searches(case)
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
    elif outcome in ("answered", "closed"):
        with _clock_at(desk, moment + dt.timedelta(days=min(days_ago - 1, 20))):
            _answer(case)
            if outcome == "closed":
                case.add_note("Antwoord verstuurd; verzoeker heeft de ontvangst bevestigd.")
                case.set_status(CaseStatus.CLOSED)


def _record_searches(case) -> None:
    """The checklist of the demo organisation's systems, every one of them accounted for."""
    case.record_search("Webwinkel", searched=True, found="1 klantaccount, 3 bestellingen")
    case.record_search("Mailbox", searched=True, found="2 e-mails")
    case.record_search("Boekhouding", searched=True, found="3 facturen")
    case.record_search("Mailchimp", searched=False, note="Beheerd door de verwerker; gegevens opgevraagd.")
    for system in case.systems():
        if system not in {s.system for s in case.searches()}:
            case.record_search(system, searched=True, found="niets gevonden")


def _collect_data(case) -> None:
    """What a handler finds in the demo organisation's systems: a few items."""
    name = case.record().requester.name
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
    exported = [kind for kind in (RequestType.ACCESS, RequestType.PORTABILITY) if kind in types]
    for request_type in exported:
        case.record_decision(request_type, Outcome.DONE, what="een kopie van uw gegevens.")
    if exported:
        case.set_answers(
            register_entries=["klanten", "klantenservice"],
            enclosed="een overzicht van uw klantgegevens, bestellingen en berichten (bijlage).",
        )
        with tempfile.TemporaryDirectory() as folder:
            # The export itself is not kept (encrypted while it exists): the demo shows it was made.
            target, password = Path(folder) / "export.zip", new_export_password()
            case.export_data(target, kind=kind_for(types), lang="nl", password=password)
        case.set_answers(password_channel="sms naar het bekende nummer")
        kinds = [LetterKind.EXPORT_COVER]
        if RequestType.ACCESS in types:
            kinds.insert(0, LetterKind.ACCESS_RESPONSE)
        for kind in kinds:
            case.record_letter(kind, "nl", case.make_letter(kind, "nl"))
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
