"""Complete facts for every kind of letter, so tests can take one part away at a time."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from dsr_desk.documents.letters.compose import compose
from dsr_desk.documents.letters.context import LetterFacts
from dsr_desk.documents.letters.pdf import letter_layout_for, render_letter_pdf
from dsr_desk.rules.case_values import CaseRecord
from dsr_desk.rules.clock import ClockFacts, ClockSettings, Extension, ExtensionReason, Forward, clock_state
from dsr_desk.rules.intake import Requester
from dsr_desk.rules.letter_layout import WindowPosition
from dsr_desk.rules.letters import CONFIRMS, Decision, LetterInputs, LetterKind, Outcome
from dsr_desk.rules.organisation import OrganisationProfile, RegisterEntry
from dsr_desk.rules.requests import CaseStatus, Channel, RequestType

TODAY = dt.date(2026, 11, 20)
PROFILE = OrganisationProfile(
    name="Bakkerij De Vries B.V.",
    address="Kerkstraat 1",
    postcode_city="3511 LX Utrecht",
    email="info@bakkerijdevries.example",
    phone="030 123 45 67",
    privacy_contact="Petra Jansen",
    privacy_email="privacy@bakkerijdevries.example",
    dpo_name="mr. A. Bakker",
    signatory_name="Petra Jansen",
    signatory_role="Privacyfunctionaris",
    city="Utrecht",
)
REGISTER = (
    RegisterEntry(
        "klanten",
        "Klantenadministratie",
        ("het uitvoeren van bestellingen",),
        "overeenkomst",
        ("naam", "adres", "bestelgeschiedenis"),
        ("boekhoudkantoor Telgen",),
        "7 jaar na de laatste factuur (art. 52 AWR)",
        recipient_names=("Administratiekantoor Telgen B.V.",),
        en={
            "name": "Customer records",
            "purposes": ("carrying out orders",),
            "legal_basis": "contract",
            "categories": ("name", "address", "order history"),
            "recipients": ("Telgen accountants",),
            "retention": "7 years after the last invoice (art. 52 AWR)",
        },
    ),
    RegisterEntry(
        "nieuwsbrief",
        "Nieuwsbrief",
        ("het versturen van de nieuwsbrief",),
        "toestemming",
        ("e-mailadres",),
        (),
        "tot u zich afmeldt",
        source="een beurs waar u zich inschreef",
        automated_decisions="Wij kiezen aanbiedingen op grond van uw aankopen; zonder rechtsgevolgen.",
        transfers="Verenigde Staten",
        safeguards="het EU-VS Data Privacy Framework",
        transfer_basis="45",
        direct_marketing=True,
        en={
            "name": "Newsletter",
            "purposes": ("sending the newsletter",),
            "legal_basis": "consent",
            "categories": ("e-mail address",),
            "retention": "until you unsubscribe",
            "source": "a fair where you signed up",
            "automated_decisions": "We choose offers from your purchases; without legal effects.",
            "transfers": "United States",
            "safeguards": "the EU-US Data Privacy Framework",
        },
    ),
)
ALL_TYPES = tuple(RequestType)
CONTROLLER = "Webwinkel Noord B.V., privacy@noord.example"


def record(
    name: str = "Łukasz Wróbel",
    address: str = "Laan van Meerdervoort 250\n2563 AM Den Haag",
    types: tuple[RequestType, ...] = ALL_TYPES,
) -> CaseRecord:
    now = dt.datetime(2026, 11, 2, 9, tzinfo=dt.UTC)
    return CaseRecord(
        "DSR-2026-0042",
        Requester(name, "lukasz@example.pl", address),
        dt.date(2026, 11, 2),
        types,
        Channel.POST,
        CaseStatus.IN_PROGRESS,
        "",
        now,
        now,
    )


def complete_inputs(**changes: object) -> LetterInputs:
    decisions = {
        request_type: Decision(
            request_type, Outcome.DONE, what="uw klantaccount", recipients_informed=("Mailchimp",)
        )
        for request_type in CONFIRMS.values()
    }
    base = LetterInputs(
        identity_needed=True,
        identity_what="De verificatiecode die wij u per e-mail stuurden.",
        identity_reason="Uw verzoek kwam van een e-mailadres dat wij niet kennen.",
        register_entries=("klanten", "nieuwsbrief"),
        enclosed="een overzicht van uw gegevens (bijlage 1).",
        refusal_article="12(5)",
        refusal_ground="excessive",
        refusal_reasons="U diende dit jaar al vier gelijke verzoeken in.",
        forwarded_reason="Wij zijn verwerker.",
        review_by="Anna de Wit, teamleider klantenservice",
        person_view="U vindt dat de bestelling ten onrechte werd geweigerd.",
        transmitted_to="Bakkerij Zuid B.V.",
        export_file="DSR-2026-0042-gegevens.zip",
        export_format="JSON en CSV (UTF-8).",
        export_encrypted=True,
        password_channel="sms",
        decisions=decisions,
    )
    return replace(base, **changes)


def facts(
    kind: LetterKind,
    lang: str = "nl",
    inputs: LetterInputs | None = None,
    case: CaseRecord | None = None,
    profile: OrganisationProfile = PROFILE,
    register=REGISTER,
    forwards: tuple[Forward, ...] | None = None,
    redacted: bool = False,
    today: dt.date = TODAY,
) -> LetterFacts:
    """`forwards`: by default a forwarding letter has all of the case forwarded, other letters nothing."""
    case = case or record()
    extension = Extension(
        dt.date(2026, 11, 10), ExtensionReason.COMPLEXITY, "Uw gegevens staan in vijf systemen."
    )
    if forwards is None:
        forwards = (
            (Forward(CONTROLLER, dt.date(2026, 11, 4), "email", case.types),)
            if kind is LetterKind.FORWARDED
            else ()
        )
    forwarded = {t for forward in forwards for t in forward.types}
    clock = clock_state(
        case.received,
        ClockFacts(
            extension=extension if kind is LetterKind.EXTENSION else None,
            forwards=forwards,
            forwarded_on=forwards[-1].on if forwards and forwarded >= set(case.types) else None,
        ),
        ClockSettings(),
        today,
    )
    return LetterFacts(
        kind, lang, today, case, clock, profile, register, inputs or complete_inputs(), redacted=redacted
    )


def letter_pdf(letter_facts: LetterFacts, custom_dir=None, logo: bytes | None = None) -> bytes:
    body = compose(letter_facts, custom_dir)
    layout = letter_layout_for(letter_facts, WindowPosition(), logo)
    return render_letter_pdf(body, layout)


def pdf_text(pdf: bytes) -> str:
    import io

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)
