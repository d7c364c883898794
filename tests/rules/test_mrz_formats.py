"""Every ICAO 9303 format (parts 4-7), read with its check digits: the ICAO specimens and the neighbours'
cards from other projects' test vectors (datacheckerbv/MRZParser, Arg0s1080/mrz)."""

from __future__ import annotations

import datetime as dt

import pytest

from dsr_desk.rules.mrz import parse_mrz

TODAY = dt.date(2024, 1, 1)

VECTORS = {
    # ICAO 9303 part 5: a document number longer than nine characters (D23145890734).
    "icao_td1_long_number": (
        [
            "I<UTOD23145890<7349<<<<<<<<<<<",
            "3407127M9507122UTO<<<<<<<<<<<2",
            "STEVENSON<<PETER<JOHN<<<<<<<<<",
        ],
        "TD1",
        "D23145890734",
    ),
    # Belgian eID specimens: twelve digits, filler at position 15, the rest in the optional data.
    "belgium_1": (
        [
            "IDBEL000001115<7027<<<<<<<<<<<",
            "9502286F3001064BEL950228998747",
            "SPECIMEN<<SPECIMEN<<<<<<<<<<<<",
        ],
        "TD1",
        "000001115702",
    ),
    "belgium_2": (
        [
            "IDBEL592211692<1741<<<<<<<<<<<",
            "9003107F2509301BEL900310244094",
            "SPECIMEN<<SPECIMEN<<<<<<<<<<<<",
        ],
        "TD1",
        "592211692174",
    ),
    "belgium_3": (
        [
            "IDBEL615057409<9390<<<<<<<<<<<",
            "1202177F2506160BEL120217144293",
            "SPECIMEN<<SPECIMEN<<<<<<<<<<<<",
        ],
        "TD1",
        "615057409939",
    ),
    # Portuguese citizen cards: civil number, check digit, version letters and its check digit.
    "portugal_1": (
        [
            "I<PRT000024759<ZZ72<<<<<<<<<<<",
            "8010100F2006017PRT<<<<<<<<<<<8",
            "CARLOS<MONTEIRO<<AMELIA<VANESS",
        ],
        "TD1",
        "000024759ZZ7",
    ),
    "portugal_2": (
        [
            "I<PRT141974817<ZV17<<<<<<<<<<<",
            "9801082F3407242PRT<<<<<<<<<<<4",
            "RONALDO<<CHRISTIANO<<<<<<<<<<<",
        ],
        "TD1",
        "141974817ZV1",
    ),
    "sweden": (
        [
            "I<SWE59000002<8198703142391<<<",
            "8703145M1701027SWE<<<<<<<<<<<8",
            "SPECIMEN<<SVEN<<<<<<<<<<<<<<<<",
        ],
        "TD1",
        "59000002",
    ),
    # ICAO 9303 part 6 (TD2) and a Romanian identity card.
    "icao_td2": (
        ["I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6"],
        "TD2",
        "D23145890",
    ),
    "romania": (
        ["IDROUPOPESCU<<MARIN<<<<<<<<<<<<<<<<<", "SS099993<1ROU4609135M810913814000881"],
        "TD2",
        "SS099993",
    ),
    # ICAO 9303 part 7: machine-readable visas, 2 x 44 (MRV-A) and 2 x 36 (MRV-B).
    "icao_mrv_a": (
        ["V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L8988901C4XXX4009078F96121096ZE184226B<<<<<<"],
        "MRV-A",
        "L8988901C",
    ),
    "us_visa": (
        ["VNUSATRAVELER<<HAPPY<<<<<<<<<<<<<<<<<<<<<<<<", "1234567897CAN6612120M1407282B3XLC000FD142955"],
        "MRV-A",
        "123456789",
    ),
    "icao_mrv_b": (
        ["V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "L8988901C4XXX4009078F9612109<<<<<<<<"],
        "MRV-B",
        "L8988901C",
    ),
}


@pytest.mark.parametrize("name", sorted(VECTORS))
def test_each_format_is_read_with_its_check_digits(name):
    lines, kind, number = VECTORS[name]
    mrz = parse_mrz(lines, TODAY)
    assert mrz.format == kind
    assert mrz.checks_ok, [check for check in mrz.checks if not check.ok]
    assert mrz.document_number == number  # whole, never cut to nine characters
    assert {check.name for check in mrz.checks} >= {"document_number", "birth_date", "expiry_date"}
    assert ("composite" in {check.name for check in mrz.checks}) is not kind.startswith("MRV")


@pytest.mark.parametrize("name", ["belgium_1", "portugal_2", "romania", "icao_mrv_b"])
def test_a_changed_document_number_fails_its_check(name):
    lines, _kind, _number = VECTORS[name]
    row = 0 if len(lines) == 3 else 1
    column = 5 if len(lines) == 3 else 1
    changed = list(lines)
    character = changed[row][column]
    # A digit whose weighted difference is no multiple of 10, so the check digit must change.
    replacement = "1" if character != "1" else "2"
    changed[row] = changed[row][:column] + replacement + changed[row][column + 1 :]
    assert "check_digit:document_number" in parse_mrz(changed, TODAY).warnings(TODAY)


def test_a_visa_and_a_passport_of_the_same_size_are_told_apart_by_their_document_code():
    visa = parse_mrz(VECTORS["icao_mrv_a"][0], TODAY)
    assert visa.format == "MRV-A" and visa.surname == "ERIKSSON" and visa.nationality == "XXX"
    assert visa.birth_date == dt.date(1940, 9, 7) and visa.expiry_date == dt.date(1996, 12, 10)
    assert parse_mrz(["".join(VECTORS["icao_td2"][0])], TODAY).format == "TD2"  # one pasted line of 72
