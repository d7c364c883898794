"""The export says what it holds: an empty portability export is no 'copy of your data', its README names
only what is there, and a portability export tells of the direct route (Art. 20(2))."""

from __future__ import annotations

import zipfile

from dsr_desk.desk.demo import demo_organisation
from dsr_desk.rules.export_rules import ExportKind
from dsr_desk.rules.letters import LetterKind
from dsr_desk.rules.requests import RequestType
from tests.support.cases import make_case
from tests.support.letters import pdf_text


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_an_empty_portability_export_and_its_cover_letter_say_there_is_nothing(desk, tmp_path):
    demo_organisation(desk)
    summary = make_case(desk, types=(RequestType.PORTABILITY,))
    with desk.open_case(summary.reference) as case:
        case.add_data_text(
            "Notitie van de klantenservice.", system="Mailbox", category="Contact"
        )  # not provided
        case.export_data(tmp_path / "leeg.zip", kind=ExportKind.PORTABILITY, lang="nl")
        letter = _flat(pdf_text(case.make_letter(LetterKind.EXPORT_COVER, "nl")))
    with zipfile.ZipFile(tmp_path / "leeg.zip") as opened:
        readme = opened.read("LEESMIJ.txt").decode()
        overview = _flat(pdf_text(opened.read("overview.pdf")))
        names = opened.namelist()
    assert "bevat geen persoonsgegevens" in letter and "die wij van u verwerken" not in letter
    assert "rechtstreeks aan een andere organisatie" not in letter  # nothing to send on
    assert "geen persoonsgegevens" in readme and "tabellen/" not in readme and "files/" not in readme
    assert not any(name.startswith(("tabellen/", "files/")) for name in names)
    assert "geen persoonsgegevens" in overview


def test_a_portability_export_names_the_direct_route_and_only_the_folders_it_has(desk, tmp_path):
    demo_organisation(desk)
    summary = make_case(desk, types=(RequestType.PORTABILITY,))
    with desk.open_case(summary.reference) as case:
        case.add_data_bytes(
            "account.json", b'{"naam": "Jan"}', system="Webwinkel", category="Klant", provided=True
        )
        case.set_answers(register_entries=["klanten"])
        case.export_data(tmp_path / "mee.zip", kind=ExportKind.PORTABILITY, lang="en")
        letter = _flat(pdf_text(case.make_letter(LetterKind.EXPORT_COVER, "en")))
    with zipfile.ZipFile(tmp_path / "mee.zip") as opened:
        readme = opened.read("README.txt").decode()
        overview = _flat(pdf_text(opened.read("overview.pdf")))
        has_files = any(name.startswith("files/") for name in opened.namelist())
    assert "Article 20(2)" in letter and "provided to us" in letter
    assert "Article 20(2)" in readme and "Article 20(2)" in overview
    assert "tables/" in readme and ("files/" in readme) is has_files
    # An English export quotes the register in English.
    assert "Customer records" in overview and "Klantenadministratie" not in overview
