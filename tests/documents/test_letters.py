"""Every letter, in Dutch and English, says what LEGAL.md §4 requires, or is not made at all."""

from __future__ import annotations

import re

import pytest

from dsr_desk.errors import LetterIncompleteError, LetterTemplateError, LetterTemplateIncompleteError
from dsr_desk.rules.letters import LetterKind, Outcome
from tests.support.letters import REGISTER, complete_inputs, facts, letter_pdf, pdf_text, record


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


# What each kind must say, beyond the name, reference and due date every letter carries (per language).
REQUIRED = {
    ("acknowledgement", "nl"): [
        "2 november 2026",
        "Inzage (art. 15 AVG)",
        "Wat gebeurt er nu?",
        "Uw verzoek kwam van",
    ],
    ("acknowledgement", "en"): [
        "2 November 2026",
        "Access (Art. 15 GDPR)",
        "What happens next?",
        "Uw verzoek kwam van",
    ],
    ("identity_request", "nl"): [
        "De verificatiecode",
        "Uw verzoek kwam van",
        "KopieID",
        "vernietigen wij direct",
    ],
    ("identity_request", "en"): ["De verificatiecode", "KopieID", "is destroyed as soon as"],
    ("extension", "nl"): ["dinsdag 2 februari 2027", "complexiteit", "Uw gegevens staan in vijf systemen"],
    ("extension", "en"): ["Tuesday 2 February 2027", "complexity", "Uw gegevens staan in vijf systemen"],
    ("access_response", "nl"): [
        "Klantenadministratie",
        "het uitvoeren van bestellingen",
        "bestelgeschiedenis",
        "boekhoudkantoor Telgen",
        "7 jaar na de laatste factuur",
        "een beurs waar u zich inschreef",
        "Wij kiezen aanbiedingen",
        "Verenigde Staten",
        "EU-VS Data Privacy Framework",
        "rectificatie",
        "te wissen",
        "beperken",
        "bezwaar",
        "Autoriteit Persoonsgegevens",
        "kosteloos",
        "een overzicht van uw gegevens",
        "Met name: Administratiekantoor Telgen B.V.",
        "adequaatheidsbesluit van de Europese Commissie (artikel 45 AVG)",
    ],
    ("access_response", "en"): [
        "Customer records",
        "carrying out orders",
        "order history",
        "Telgen accountants",
        "By name: Administratiekantoor Telgen B.V.",
        "7 years after the last invoice",
        "a fair where you signed up",
        "United States",
        "EU-US Data Privacy Framework",
        "adequacy decision of the European Commission (Article 45 GDPR)",
        "rectification",
        "erase",
        "restrict",
        "object",
        "Autoriteit Persoonsgegevens",
        "free of charge",
    ],
    ("erasure_confirmation", "nl"): ["gewist: uw klantaccount", "Mailchimp", "artikel 19"],
    ("erasure_confirmation", "en"): ["erased: uw klantaccount", "Mailchimp", "Article 19"],
    ("rectification_confirmation", "nl"): ["aangepast: uw klantaccount", "Mailchimp"],
    ("rectification_confirmation", "en"): ["corrected the data: uw klantaccount", "Mailchimp"],
    ("restriction_confirmation", "nl"): ["beperkt: uw klantaccount", "Mailchimp", "opheffen"],
    ("restriction_confirmation", "en"): ["restricted the processing: uw klantaccount", "Mailchimp", "lift"],
    ("objection_confirmation", "nl"): ["gestopt: uw klantaccount", "Mailchimp"],
    ("objection_confirmation", "en"): ["stopped the processing: uw klantaccount", "Mailchimp"],
    ("consent_withdrawal_confirmation", "nl"): ["gestopt: uw klantaccount", "vanaf het moment", "Mailchimp"],
    ("consent_withdrawal_confirmation", "en"): ["from the moment we received it", "Mailchimp"],
    ("automated_decision_response", "nl"): [
        "opnieuw beoordeeld door Anna de Wit",
        "Uw standpunt",
        "uw klantaccount",
    ],
    ("automated_decision_response", "en"): ["reviewed by Anna de Wit", "point of view", "uw klantaccount"],
    ("direct_transmission", "nl"): ["rechtstreeks doorgegeven aan: Bakkerij Zuid B.V.", "uw klantaccount"],
    ("direct_transmission", "en"): [
        "transmitted the data directly to: Bakkerij Zuid B.V.",
        "uw klantaccount",
    ],
    ("refusal", "nl"): [
        "als buitensporig (artikel 12 lid 5 AVG)",
        "vier gelijke verzoeken",
        "Autoriteit Persoonsgegevens",
        "verzoekschrift in bij de rechtbank (artikel 35 Uitvoeringswet AVG)",
    ],
    ("refusal", "en"): [
        "excessive (Article 12(5) GDPR)",
        "vier gelijke verzoeken",
        "Autoriteit Persoonsgegevens",
        "petition (verzoekschrift) with the district court",
    ],
    ("forwarded", "nl"): ["Webwinkel Noord B.V.", "Wij zijn verwerker.", "4 november 2026", "per e-mail"],
    ("forwarded", "en"): ["Webwinkel Noord B.V.", "Wij zijn verwerker.", "4 November 2026", "by e-mail"],
    ("export_cover", "nl"): ["DSR-2026-0042-gegevens.zip", "JSON en CSV", "7-Zip op Windows", "sms"],
    ("export_cover", "en"): ["DSR-2026-0042-gegevens.zip", "JSON en CSV", "7-Zip on Windows", "sms"],
}


@pytest.mark.parametrize(("kind", "lang"), sorted(REQUIRED))
def test_each_letter_says_what_the_law_requires(kind, lang):
    letter = letter_pdf(facts(LetterKind(kind), lang))
    assert letter.startswith(b"%PDF")
    text = _flat(pdf_text(letter))
    assert "Łukasz Wróbel" in text  # as entered, in the address block and the salutation
    assert "DSR-2026-0042" in text
    assert "Bakkerij De Vries B.V." in text and "privacy@bakkerijdevries.example" in text
    assert "Petra Jansen" in text and "Privacyfunctionaris" in text
    due = "2 december 2026" if lang == "nl" else "2 December 2026"
    if kind in ("acknowledgement", "identity_request", "extension"):
        assert due in text
    for phrase in REQUIRED[(kind, lang)]:
        assert phrase in text, f"{kind}/{lang}: {phrase!r} missing"


def test_every_kind_and_language_is_covered():
    assert {kind for kind, _ in REQUIRED} == {kind.value for kind in LetterKind}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_names_from_other_scripts_print_as_written(lang):
    for name in ("Şükrü Öztürk", "Ζωή Παπαδοπούλου", "Зоя Иванова"):
        text = _flat(pdf_text(letter_pdf(facts(LetterKind.ACKNOWLEDGEMENT, lang, case=record(name=name)))))
        assert text.count(name) >= 2


def test_an_access_response_without_retention_periods_is_refused_naming_it():
    register = (REGISTER[0].__class__(**{**REGISTER[0].__dict__, "retention": ""}), REGISTER[1])
    with pytest.raises(LetterIncompleteError) as raised:
        letter_pdf(facts(LetterKind.ACCESS_RESPONSE, register=register))
    message = raised.value.message("nl")
    assert "bewaartermijn van ‘Klantenadministratie’" in message


def test_an_access_response_needs_chosen_register_entries_and_the_enclosed_copy():
    with pytest.raises(LetterIncompleteError) as raised:
        letter_pdf(
            facts(LetterKind.ACCESS_RESPONSE, inputs=complete_inputs(register_entries=(), enclosed=""))
        )
    keys = [key for key, _ in raised.value.problems]
    assert keys == ["letter.missing.register_entries", "letter.missing.enclosed"]


def test_a_refusal_without_reasons_is_refused():
    with pytest.raises(LetterIncompleteError, match="reasons for the refusal"):
        letter_pdf(facts(LetterKind.REFUSAL, inputs=complete_inputs(refusal_reasons="")))


def test_a_partial_erasure_needs_the_article_17_3_ground_and_names_the_right_to_complain():
    decision = complete_inputs().decisions
    from dsr_desk.rules.letters import Decision
    from dsr_desk.rules.requests import RequestType

    partly = dict(decision)
    partly[RequestType.ERASURE] = Decision(RequestType.ERASURE, Outcome.PARTLY, "uw account", "", "", ())
    with pytest.raises(LetterIncompleteError) as raised:
        letter_pdf(facts(LetterKind.ERASURE_CONFIRMATION, inputs=complete_inputs(decisions=partly)))
    assert "letter.missing.erasure_ground" in [key for key, _ in raised.value.problems]
    partly[RequestType.ERASURE] = Decision(
        RequestType.ERASURE,
        Outcome.PARTLY,
        "uw account",
        "17(3)(b)",
        "Facturen bewaren wij 7 jaar (art. 52 AWR).",
        (),
    )
    text = _flat(
        pdf_text(letter_pdf(facts(LetterKind.ERASURE_CONFIRMATION, inputs=complete_inputs(decisions=partly))))
    )
    assert "artikel 17 lid 3 onder b AVG" in text and "wettelijke verplichting" in text
    assert "art. 52 AWR" in text and "17(3)(b)" not in text  # one article style in a letter
    assert "Autoriteit Persoonsgegevens" in text and "geen ontvangers" in text


def test_a_letter_without_the_organisations_contact_details_is_refused():
    from dsr_desk.rules.organisation import OrganisationProfile

    with pytest.raises(LetterIncompleteError) as raised:
        letter_pdf(facts(LetterKind.ACKNOWLEDGEMENT, profile=OrganisationProfile(name="Alleen een naam")))
    assert [key for key, _ in raised.value.problems] == [
        "letter.missing.org_contact",
        "letter.missing.privacy_contact",
        "letter.missing.signatory",
    ]


def test_an_adapted_template_that_drops_the_right_to_complain_is_refused(tmp_path):
    from dsr_desk.documents.letters.templates import shipped_template

    own = tmp_path / "nl"
    own.mkdir()
    source = shipped_template(LetterKind.REFUSAL, "nl").read_text()
    start, end = source.index("{% part complaint %}"), source.index("{% part court %}")
    (own / "refusal.txt").write_text(source[:start] + source[end:])
    with pytest.raises(LetterTemplateIncompleteError) as raised:
        letter_pdf(facts(LetterKind.REFUSAL), custom_dir=tmp_path)
    assert "Autoriteit Persoonsgegevens" in raised.value.message("nl")


def test_an_adapted_template_in_the_organisations_own_words_is_used(tmp_path):
    from dsr_desk.documents.letters.templates import shipped_template

    (tmp_path / "nl").mkdir()
    source = shipped_template(LetterKind.ACKNOWLEDGEMENT, "nl").read_text()
    (tmp_path / "nl" / "acknowledgement.txt").write_text(source.replace("Geachte", "Beste"))
    assert "Beste Łukasz Wróbel" in pdf_text(
        letter_pdf(facts(LetterKind.ACKNOWLEDGEMENT), custom_dir=tmp_path)
    )


def test_a_broken_template_gives_a_clear_message_with_the_line(tmp_path):
    (tmp_path / "nl").mkdir()
    (tmp_path / "nl" / "acknowledgement.txt").write_text(
        "subject: x\n\n{% if identity_needed %}\nGeen einde\n"
    )
    with pytest.raises(LetterTemplateError) as raised:
        letter_pdf(facts(LetterKind.ACKNOWLEDGEMENT), custom_dir=tmp_path)
    message = raised.value.message("nl")
    assert "regel 3" in message and "never closed" in message and "acknowledgement.txt" in message


def test_a_template_cannot_reach_python_or_files(tmp_path):
    (tmp_path / "nl").mkdir()
    for attempt in (
        "{{ requester_name.__class__ }}",
        "{{ __import__ }}",
        "{% include '/etc/passwd' %}",
        "{{ open }}",
        "{% for x in entries.__dict__ %}{% endfor %}",
    ):
        (tmp_path / "nl" / "acknowledgement.txt").write_text(attempt)
        with pytest.raises(LetterTemplateError):
            letter_pdf(facts(LetterKind.ACKNOWLEDGEMENT), custom_dir=tmp_path)


def test_the_pdf_embeds_its_font_and_carries_no_personal_data_in_its_metadata():
    from io import BytesIO

    from pypdf import PdfReader

    reader = PdfReader(BytesIO(letter_pdf(facts(LetterKind.ACKNOWLEDGEMENT))))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    base_fonts = {str(fonts[name].get_object()["/BaseFont"]) for name in fonts}
    assert any("NotoSans" in font for font in base_fonts)
    assert all(fonts[name].get_object()["/Subtype"] != "/Type1" for name in fonts)  # embedded TrueType
    assert "Łukasz" not in str(reader.metadata) and "Wróbel" not in str(reader.metadata)
