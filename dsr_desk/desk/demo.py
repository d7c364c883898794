"""Demo cases, so a newcomer opens a living workspace: Dutch requesters, every request type, some
overdue, some closed. Deterministic for a given 'today', and made through the ordinary Desk API.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import random
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from dsr_desk.desk.workspace import Desk
from dsr_desk.rules.requests import CaseStatus, Channel, RequestType

R = RequestType


@dataclass(frozen=True)
class DemoRequester:
    name: str
    street: str
    postcode_city: str
    types: tuple[RequestType, ...]
    note: str


DEMO_REQUESTERS = (
    DemoRequester(
        "Sanne Bakker",
        "Kerkstraat 12",
        "3511 LX Utrecht",
        (R.ACCESS,),
        "Wil weten welke gegevens de klantenservice over haar bewaart.",
    ),
    DemoRequester(
        "Mohammed El Amrani",
        "Javastraat 88-2",
        "1094 HK Amsterdam",
        (R.ACCESS, R.ERASURE),
        "Oud-klant; vraagt inzage en daarna verwijdering van zijn account.",
    ),
    DemoRequester(
        "Jan de Vries",
        "Dorpsstraat 3",
        "7481 BA Haaksbergen",
        (R.ERASURE,),
        "Wil geen nieuwsbrief meer en vraagt alles te wissen.",
    ),
    DemoRequester(
        "Fatma Yılmaz",
        "Beijerlandselaan 140",
        "3074 EP Rotterdam",
        (R.RECTIFICATION,),
        "Achternaam verkeerd gespeld op facturen.",
    ),
    DemoRequester(
        "Sophie van den Berg",
        "Oudegracht 201",
        "3511 NK Utrecht",
        (R.OBJECTION,),
        "Bezwaar tegen direct marketing per telefoon (art. 21 lid 2).",
    ),
    DemoRequester(
        "Daan Visser",
        "Prinsengracht 455",
        "1016 HN Amsterdam",
        (R.PORTABILITY,),
        "Wil zijn ordergeschiedenis meenemen naar een andere aanbieder.",
    ),
    DemoRequester(
        "Emma Smit",
        "Stationsweg 7",
        "2312 AS Leiden",
        (R.RESTRICTION,),
        "Betwist de juistheid van haar kredietgegevens; vraagt beperking.",
    ),
    DemoRequester(
        "Lucas Meijer",
        "Marktplein 15",
        "5611 EB Eindhoven",
        (R.AUTOMATED_DECISION,),
        "Aanvraag automatisch afgewezen; wil menselijke blik.",
    ),
    DemoRequester(
        "Julia de Boer",
        "Zuiderdiep 64",
        "9711 HK Groningen",
        (R.WITHDRAW_CONSENT,),
        "Trekt toestemming voor gebruik van haar foto op de website in.",
    ),
    DemoRequester(
        "Noah Mulder",
        "Breestraat 22",
        "2311 CJ Leiden",
        (R.ACCESS, R.RECTIFICATION),
        "Vraagt kopie en correctie van zijn adres.",
    ),
    DemoRequester(
        "Tess de Groot",
        "Lange Voorhout 9",
        "2514 EA Den Haag",
        (R.ACCESS,),
        "Verzoek via advocaat; machtiging bijgevoegd.",
    ),
    DemoRequester(
        "Sem Bos",
        "Vismarkt 4",
        "6511 VL Nijmegen",
        (R.ERASURE, R.OBJECTION),
        "Wil uit alle bestanden, ook bij partners.",
    ),
    DemoRequester(
        "Lotte Vos",
        "Grote Markt 30",
        "9711 LV Groningen",
        (R.ACCESS,),
        "Vraagt ook om camerabeelden van het filiaal.",
    ),
    DemoRequester(
        "Finn Peters",
        "Hoogstraat 51",
        "3011 PN Rotterdam",
        (R.PORTABILITY, R.ERASURE),
        "Stapt over naar concurrent; wil gegevens mee en daarna weg.",
    ),
    DemoRequester(
        "Eva Hendriks",
        "Wilhelminapark 18",
        "5041 EC Tilburg",
        (R.RECTIFICATION,),
        "Geboortedatum onjuist in klantprofiel.",
    ),
    DemoRequester(
        "Liam van Dijk",
        "Spoorlaan 100",
        "5038 CD Tilburg",
        (R.OBJECTION,),
        "Bezwaar tegen profilering voor gerichte advertenties.",
    ),
    DemoRequester(
        "Anouk Dekker",
        "Molenstraat 6",
        "6811 HM Arnhem",
        (R.ACCESS,),
        "Namens haar dochter van 14 (ouderlijk gezag).",
    ),
    DemoRequester(
        "Thijs Brouwer",
        "Burgwal 27",
        "8261 EP Kampen",
        (R.RESTRICTION, R.OBJECTION),
        "Lopend geschil over een factuur.",
    ),
    DemoRequester(
        "Fleur de Wit",
        "Nieuwstraat 73",
        "1621 EA Hoorn",
        (R.WITHDRAW_CONSENT, R.ERASURE),
        "Wil geen cookies-profiel en verwijdering daarvan.",
    ),
    DemoRequester(
        "Bram Dijkstra",
        "Nieuweweg 2",
        "8911 KH Leeuwarden",
        (R.ACCESS,),
        "Tweede verzoek dit jaar; eerste werd in maart beantwoord.",
    ),
    DemoRequester(
        "Łukasz Wróbel",
        "Laan van Meerdervoort 250",
        "2563 AM Den Haag",
        (R.ACCESS, R.PORTABILITY),
        "Vraagt antwoord in het Engels.",
    ),
    DemoRequester(
        "Şükrü Öztürk",
        "Kanaalweg 41",
        "3526 KL Utrecht",
        (R.ERASURE,),
        "Oud-medewerker; personeelsdossier valt onder bewaarplicht.",
    ),
    DemoRequester(
        "Iris Smits",
        "Keizersgracht 120",
        "1015 CW Amsterdam",
        (R.AUTOMATED_DECISION, R.ACCESS),
        "Vraagt uitleg over de scoringslogica.",
    ),
    DemoRequester(
        "Ruben de Graaf",
        "Brink 9",
        "7411 BR Deventer",
        (R.RECTIFICATION, R.RESTRICTION),
        "Verkeerd rekeningnummer gekoppeld.",
    ),
    DemoRequester(
        "Zoë van der Linden",
        "Herengracht 8",
        "2011 LR Haarlem",
        (R.ACCESS,),
        "Ingediend via het webformulier, geen account bij ons.",
    ),
)

# (days before today the request came in, what happened since). Requests older than a month and still
# open are overdue; the spread gives every urgency the case list can show.
_TIMELINE = (
    (2, "new"),
    (5, "in_progress"),
    (9, "waiting"),
    (12, "in_progress"),
    (16, "new"),
    (20, "in_progress"),
    (24, "in_progress"),
    (27, "waiting"),
    (29, "in_progress"),
    (31, "in_progress"),
    (38, "in_progress"),
    (45, "waiting"),
    (52, "in_progress"),
    (26, "closed"),
    (33, "closed"),
    (40, "closed"),
    (47, "closed"),
    (60, "closed"),
    (75, "closed"),
    (90, "closed"),
    (1, "new"),
    (14, "closed"),
    (19, "waiting"),
    (66, "closed"),
    (8, "in_progress"),
)


def fill_with_demo_cases(desk: Desk, count: int = 25) -> list[str]:
    """Creates `count` demo cases (at most 25) and returns their references."""
    today = desk.today()
    rng = random.Random(today.toordinal())
    channels = list(Channel)
    references = []
    for person, (days_ago, outcome) in list(zip(DEMO_REQUESTERS, _TIMELINE, strict=True))[:count]:
        received = today - dt.timedelta(days=days_ago)
        moment = dt.datetime.combine(received, dt.time(9 + rng.randrange(8), rng.randrange(60)), dt.UTC)
        email = _email(person.name)
        with _clock_at(desk, moment):
            summary = desk.new_case(
                name=person.name,
                email=email,
                address=f"{person.street}\n{person.postcode_city}",
                received=received,
                types=person.types,
                channel=rng.choice(channels),
                notes=person.note,
            )
        references.append(summary.reference)
        with desk.open_case(summary.reference) as case:
            if outcome != "new":
                with _clock_at(desk, moment + dt.timedelta(days=1, hours=2)):
                    case.set_status(CaseStatus.IN_PROGRESS)
            if outcome == "waiting":
                with _clock_at(desk, moment + dt.timedelta(days=2)):
                    case.add_note("Aanvullende informatie gevraagd om de identiteit vast te stellen.")
                    case.set_status(CaseStatus.WAITING)
            if outcome == "closed":
                with _clock_at(desk, moment + dt.timedelta(days=min(days_ago - 1, 20))):
                    case.add_note("Antwoord verstuurd; verzoeker heeft ontvangst bevestigd.")
                    case.set_status(CaseStatus.CLOSED)
    return references


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
