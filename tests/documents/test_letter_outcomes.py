"""Each letter kind, for each outcome it can have (done, partly, refused, forwarded, for a representative), in
both languages: the PDF says what happened and nothing that did not (LEGAL.md §6)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from dsr_desk.rules.clock import Forward
from dsr_desk.rules.letters import CONFIRMS, LetterKind, Outcome
from dsr_desk.rules.organisation import OrganisationProfile
from dsr_desk.rules.outcomes import Decision, decision_problems
from dsr_desk.rules.representation import Relation
from dsr_desk.rules.requests import RequestType
from tests.support.letters import PROFILE, complete_inputs, facts, letter_pdf, pdf_text, record

GROUND = {
    RequestType.ERASURE: ("17(3)(b)", "Facturen bewaren wij 7 jaar (art. 52 AWR)."),
    RequestType.RECTIFICATION: ("accurate", "Zo staat het in het paspoort."),
    RequestType.RESTRICTION: ("18(1)", "De juistheid wordt niet betwist."),
    RequestType.OBJECTION: ("compelling_grounds", "Er loopt een fraudeonderzoek."),
    RequestType.WITHDRAW_CONSENT: ("6(1)(c)", "Facturen bewaren wij 7 jaar (art. 52 AWR)."),
    RequestType.AUTOMATED_DECISION: ("not_solely_automated", "Een medewerker besliste zelf."),
    RequestType.PORTABILITY: ("not_feasible", "Bakkerij Zuid ontvangt geen bestanden."),
}
# What only a letter that refuses something, in whole or in part, may say (and then must say).
REMEDIES = {
    "nl": ("binnen zes weken", "artikel 35 Uitvoeringswet AVG", "geen advocaat nodig", "artikel 77 AVG"),
    "en": (
        "within six weeks",
        "Article 35 of the Dutch GDPR Implementation Act",
        "do not need a lawyer",
        "Article 77",
    ),
}
WHY_NOT = {"nl": ("Waarom niet?", "Waarom niet alles?"), "en": ("Why not?", "Why not everything?")}
SUBJECT = "Mila Wróbel"


def _text(pdf: bytes) -> str:
    return " ".join(pdf_text(pdf).split())


def _confirmation(kind: LetterKind, outcome: Outcome, lang: str, for_other: bool, **decision) -> str:
    request_type = CONFIRMS[kind]
    ground, explanation = GROUND[request_type]
    made = Decision(
        request_type,
        outcome,
        "" if outcome is Outcome.REFUSED else "uw klantaccount.",
        "" if outcome is Outcome.DONE else ground,
        "" if outcome is Outcome.DONE else explanation,
        ("Mailchimp",),
        **decision,
    )
    inputs = complete_inputs()
    inputs = dataclasses.replace(inputs, decisions={**inputs.decisions, request_type: made})
    case = record()
    if for_other:
        case = dataclasses.replace(case, data_subject=SUBJECT, relation=Relation.PARENT)
    return _text(letter_pdf(facts(kind, lang, inputs=inputs, case=case)))


def _confirmation_variants():
    for kind, request_type in CONFIRMS.items():
        for outcome in Outcome:
            if decision_problems(Decision(request_type, outcome)):
                continue  # what the law does not allow has no letter (tested in test_outcomes)
            for lang in ("nl", "en"):
                for for_other in (False, True):
                    yield kind, outcome, lang, for_other


@pytest.mark.parametrize(("kind", "outcome", "lang", "for_other"), list(_confirmation_variants()))
def test_a_confirmation_says_the_outcome_that_happened_and_only_that(kind, outcome, lang, for_other):
    text = _confirmation(kind, outcome, lang, for_other)
    refuses = outcome is not Outcome.DONE
    for remedy in REMEDIES[lang]:
        assert (remedy in text) is refuses, f"{remedy!r} {'missing' if refuses else 'printed'}"
    whole, part = WHY_NOT[lang]
    if kind not in (LetterKind.CONSENT_WITHDRAWAL_CONFIRMATION,):
        assert (whole in text) is (outcome is Outcome.REFUSED)
        assert (part in text) is (outcome is Outcome.PARTLY)
    assert "17(3)" not in text or lang == "en"  # Dutch letters cite 'artikel 17 lid 3 onder b'
    assert "De reden: 1" not in text and "The reason: 1" not in text  # never a raw code as a reason
    if outcome is Outcome.REFUSED:
        assert "Mailchimp" not in text  # nothing was done, so nobody was told of it
        assert "opheffen" not in text and "lift the restriction" not in text
    else:
        assert "uw klantaccount" in text
    if for_other:
        assert ("Geachte Łukasz Wróbel," if lang == "nl" else "Dear Łukasz Wróbel,") in text
        assert SUBJECT in text and ("ouderlijk gezag" in text or "parental authority" in text)
        assert "Geachte Mila" not in text and "Dear Mila" not in text
    else:
        assert SUBJECT not in text and "namens" not in text and "on behalf of" not in text


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_an_objection_to_direct_marketing_stops_without_balancing(lang):
    text = _confirmation(LetterKind.OBJECTION_CONFIRMATION, Outcome.DONE, lang, False, direct_marketing=True)
    assert ("geen afweging" if lang == "nl" else "no balancing") in text
    assert ("artikel 21 lid 3 AVG" if lang == "nl" else "Article 21(3) GDPR") in text
    balanced = _confirmation(LetterKind.OBJECTION_CONFIRMATION, Outcome.REFUSED, lang, False)
    assert (
        "dwingende gerechtvaardigde gronden" if lang == "nl" else "compelling legitimate grounds"
    ) in balanced
    assert "direct marketing" not in balanced


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_withdrawal_with_processing_on_another_basis_names_that_basis(lang):
    text = _confirmation(LetterKind.CONSENT_WITHDRAWAL_CONFIRMATION, Outcome.PARTLY, lang, False)
    assert ("artikel 6 lid 1 onder c AVG" if lang == "nl" else "Article 6(1)(c) GDPR") in text
    assert ("vanaf het moment" if lang == "nl" else "from the moment") in text


def _letter(kind: LetterKind, lang: str, for_other: bool = False, profile=PROFILE, **changes) -> str:
    forwards = changes.pop("forwards", None)
    redacted = changes.pop("redacted", False)
    today = changes.pop("today", None)
    case = record()
    if for_other:
        case = dataclasses.replace(case, data_subject=SUBJECT, relation=Relation.PARENT)
    extra = {"today": today} if today else {}
    built = facts(
        kind,
        lang,
        inputs=complete_inputs(**changes),
        case=case,
        profile=profile,
        forwards=forwards,
        redacted=redacted,
        **extra,
    )
    return _text(letter_pdf(built))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_access_response_says_only_what_is_so(lang):
    plain = _letter(LetterKind.ACCESS_RESPONSE, lang)
    assert ("onleesbaar gemaakt" if lang == "nl" else "made unreadable") not in plain  # nothing redacted
    assert ("artikel 22 lid 3" if lang == "nl" else "Article 22(3)") not in plain  # no such effects
    assert (
        "Met name: Administratiekantoor Telgen B.V." if lang == "nl" else "By name: Administratiekantoor"
    ) in plain
    assert "B.V.." not in plain and "artikel 46" not in plain and "Article 46" not in plain
    redacted = _letter(LetterKind.ACCESS_RESPONSE, lang, redacted=True)
    assert ("artikel 15 lid 4 AVG" if lang == "nl" else "Article 15(4) GDPR") in redacted
    nothing = _letter(LetterKind.ACCESS_RESPONSE, lang, processes_data=False)
    assert (
        "Wij verwerken geen persoonsgegevens van u"
        if lang == "nl"
        else "We process no personal data about you"
    ) in nothing
    assert "Klantenadministratie" not in nothing and "Customer records" not in nothing
    assert "Autoriteit Persoonsgegevens" in nothing
    for_child = _letter(LetterKind.ACCESS_RESPONSE, lang, for_other=True)
    assert SUBJECT in for_child and ("van u verwerken" not in for_child)


REFUSALS = {
    "unfounded": (
        "12(5)",
        {
            "nl": "kennelijk ongegrond (artikel 12 lid 5 AVG)",
            "en": "manifestly unfounded (Article 12(5) GDPR)",
        },
        {"nl": "buitensporig", "en": "excessive"},
    ),
    "excessive": (
        "12(5)",
        {"nl": "als buitensporig (artikel 12 lid 5 AVG)", "en": "excessive (Article 12(5) GDPR)"},
        {"nl": "ongegrond", "en": "unfounded"},
    ),
    "": (
        "12(4)",
        {
            "nl": "Daarom geven wij geen gevolg aan uw verzoek (artikel 12 lid 4 AVG).",
            "en": "(Article 12(4) GDPR).",
        },
        {"nl": "12 lid 5", "en": "12(5)"},
    ),
}


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("ground", sorted(REFUSALS))
def test_every_refusal_carries_its_ground_and_the_six_weeks_of_article_35(lang, ground):
    article, says, never = REFUSALS[ground]
    text = _letter(LetterKind.REFUSAL, lang, refusal_article=article, refusal_ground=ground)
    assert says[lang] in text and never[lang] not in text
    for remedy in REMEDIES[lang]:
        assert remedy in text


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_public_body_names_the_awb_route_instead_of_the_petition(lang):
    public = dataclasses.replace(PROFILE, public_body=True)
    text = _letter(LetterKind.REFUSAL, lang, profile=public)
    assert ("Algemene wet bestuursrecht" if lang == "nl" else "General Administrative Law Act") in text
    assert ("zes weken" if lang == "nl" else "six weeks") in text
    assert "verzoekschrift" not in text


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_forwarding_letter_names_to_whom_when_how_and_what_stays_ours(lang):
    whole = _letter(LetterKind.FORWARDED, lang)
    assert "Webwinkel Noord B.V." in whole and ("4 november 2026" in whole or "4 November 2026" in whole)
    assert ("zonder uitstel" if lang == "nl" else "without delay") in whole
    assert (
        "uiterlijk op" if lang == "nl" else "no later than"
    ) not in whole  # nothing of ours left to promise
    part = (Forward("Webwinkel Noord B.V.", dt.date(2026, 11, 4), "post", (RequestType.ERASURE,)),)
    partly = _letter(LetterKind.FORWARDED, lang, forwards=part)
    assert ("Voor een deel van uw verzoek" if lang == "nl" else "For part of your request") in partly
    assert ("Inzage (art. 15 AVG)" if lang == "nl" else "Access (Art. 15 GDPR)") in partly
    assert (
        "uiterlijk op woensdag 2 december 2026" if lang == "nl" else "no later than Wednesday 2 December 2026"
    ) in partly


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_an_acknowledgement_of_a_late_case_never_promises_a_date_gone(lang):
    text = _letter(LetterKind.ACKNOWLEDGEMENT, lang, today=dt.date(2026, 12, 31))
    assert (
        "Uiterlijk op woensdag 2 december" if lang == "nl" else "no later than Wednesday 2 December"
    ) not in text
    assert ("is verstreken" if lang == "nl" else "has passed") in text
    assert ("verlengen" if lang == "nl" else "extend this period") not in text  # too late to extend


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_an_english_letter_needing_a_dutch_only_register_text_is_refused_naming_the_entry(lang):
    from dsr_desk.errors import LetterIncompleteError
    from tests.support.letters import REGISTER

    dutch_only = (dataclasses.replace(REGISTER[0], en={}), REGISTER[1])
    built = facts(LetterKind.ACCESS_RESPONSE, "en", register=dutch_only)
    with pytest.raises(LetterIncompleteError) as raised:
        letter_pdf(built)
    assert "Klantenadministratie" in raised.value.message(lang)
    assert letter_pdf(facts(LetterKind.ACCESS_RESPONSE, "nl", register=dutch_only))  # Dutch is fine


def test_the_public_body_setting_is_a_profile_setting():
    assert OrganisationProfile.from_json({"public_body": "ja"}).public_body is True
