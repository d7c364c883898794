"""What the export says: others' data blacked out wherever it hides, and CSVs that Excel cannot run."""

from __future__ import annotations

import csv
import io

import pytest

from dsr_desk.documents.export.content import (
    REDACTED,
    category_csv,
    redactor,
    spreadsheet_safe,
    unique_names,
)


def test_redaction_finds_the_name_in_any_case_spacing_key_or_number():
    redact = redactor(("Piet de Boer", "06 12345678", "612345678"))
    rows = [
        {"Piet de Boer": "collega", "notitie": "PIET  DE BOER belde", "tel": 612345678},
        {"contact": "piet de\nboer", "mobiel": "06-12345678", "bedrag": 12},
    ]
    shown = repr(redact(rows))
    assert "piet" not in shown.lower() and "12345678" not in shown
    assert redact(rows)[1]["bedrag"] == 12  # a number that is not redacted stays a number
    assert REDACTED in redact(rows)[0]


def test_two_keys_blacked_out_to_the_same_text_both_survive():
    redact = redactor(("Jan", "Piet"))
    assert list(redact({"Jan": 1, "Piet": 2}).values()) == [1, 2]


def test_csv_cells_that_excel_would_run_as_formulas_are_defused():
    assert spreadsheet_safe('=HYPERLINK("http://evil")') == '\'=HYPERLINK("http://evil")'
    assert spreadsheet_safe("@SUM(A1)") == "'@SUM(A1)"
    assert spreadsheet_safe("-2+3+cmd|' /C calc'!A0").startswith("'")
    # Plain numbers and phone numbers stay as they are.
    assert spreadsheet_safe("-12,50") == "-12,50" and spreadsheet_safe("+31 6 1234 5678") == "+31 6 1234 5678"
    data = category_csv([{"system": "CRM", "title": "x", "records": [{"=kolom": "=1+1"}]}])
    header, row = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert "'=kolom" in header and "'=1+1" in row


def test_category_names_that_become_the_same_file_name_stay_apart():
    assert unique_names(["A/B", "A?B", "Contact"]) == ["A_B", "A_B-2", "Contact"]


def test_an_english_export_marks_redactions_in_english():
    assert redactor(("Piet",), "[redacted]")("Piet belde") == "[redacted] belde"


@pytest.mark.parametrize(
    "cell",
    [
        " =1+1",
        "\n=1+1",
        "\u00a0=HYPERLINK(\"http://evil\")",
        "\u200b=1+1",
        "\ufeff@SUM(A1)",
        "＝1+1",
        "＋cmd|' /C calc'!A0",
        "  －2+3",
        "\u3000＝1+1",
    ],
    ids=["space", "newline", "no-break space", "zero-width space", "bom", "full-width =", "full-width +",
         "full-width -", "ideographic space"],
)  # fmt: skip
def test_formulas_behind_blanks_or_in_full_width_are_defused_too(cell):
    assert spreadsheet_safe(cell) == "'" + cell
    data = category_csv([{"system": "CRM", "title": "x", "records": [{"kolom": cell}]}])
    _header, row = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert row[-1].startswith("'")


def test_text_that_only_starts_with_a_blank_stays_as_it_is():
    assert spreadsheet_safe(" Jan de Vries") == " Jan de Vries"
    assert (
        spreadsheet_safe(" -12,50") == " -12,50"
        and spreadsheet_safe("＋31 6 1234 5678") == "＋31 6 1234 5678"
    )
