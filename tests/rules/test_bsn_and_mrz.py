"""BSN elfproef and MRZ parsing (ICAO 9303), with the published specimen and ICAO example zones."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dsr_desk.rules.bsn import SPECIMEN_BSN, find_bsns, is_valid_bsn
from dsr_desk.rules.mrz import NotAnMrzError, check_digit, parse_mrz

TODAY = dt.date(2026, 11, 22)
ICAO_TD3 = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"]
ICAO_TD1 = [
    "I<UTOD231458907<<<<<<<<<<<<<<<",
    "7408122F1204159UTO<<<<<<<<<<<6",
    "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
]
# The Dutch government's specimen documents (Willeke Liselotte de Bruijn, BSN 999999990).
NL_PASSPORT_2014 = [
    "P<NLDDE<BRUIJN<<WILLEKE<LISELOTTE<<<<<<<<<<<",
    "SPECI20142NLD6503101F2403096999999990<<<<<84",
]
NL_ID_CARD_2014 = [
    "I<NLDSPECI20142999999990<<<<<8",
    "6503101F2403096NLD<<<<<<<<<<<8",
    "DE<BRUIJN<<WILLEKE<LISELOTTE<<",
]


@pytest.mark.parametrize("number", ["999999990", "111222333", "123456782", "12345672"])
def test_valid_bsns(number):
    assert is_valid_bsn(number)


@pytest.mark.parametrize("number", ["123456789", "000000000", "99999999", "1234567890", "12345678a", ""])
def test_invalid_bsns(number):
    assert not is_valid_bsn(number)


def _with_check_digit(first_eight: str) -> str:
    # The elfproef: 9*d1 + 8*d2 + ... + 2*d8 - d9 is a multiple of 11, so d9 is that sum mod 11.
    return first_eight + str(sum(int(d) * (9 - i) for i, d in enumerate(first_eight)) % 11)


# Built valid rather than filtered: only about 1 in 11 random numbers passes the elfproef.
valid_bsns = (
    st.integers(min_value=0, max_value=99_999_999)
    .map(lambda n: _with_check_digit(f"{n:08d}"))
    .filter(is_valid_bsn)  # drops the 1 in 11 whose check digit would be 10, and 000000000
)


@given(valid_bsns, st.integers(min_value=0, max_value=8), st.integers(min_value=1, max_value=9))
def test_changing_any_one_digit_of_a_valid_bsn_makes_it_invalid(bsn, position, delta):
    changed = bsn[:position] + str((int(bsn[position]) + delta) % 10) + bsn[position + 1 :]
    assert not is_valid_bsn(changed)


def test_bsns_are_found_in_text_and_lookalikes_are_not():
    text = "BSN 9999.99.990, klantnummer 123456789, tel 0612345678, nr 111 222 333."
    assert [digits for _, _, digits in find_bsns(text)] == ["999999990", "111222333"]


def test_check_digits_of_the_icao_example():
    assert check_digit("L898902C3") == "6"
    assert check_digit("740812") == "2"
    assert check_digit("ZE184226B<<<<<") == "1"


def test_icao_td3_example():
    mrz = parse_mrz(ICAO_TD3, TODAY)
    assert (mrz.format, mrz.surname, mrz.given_names) == ("TD3", "ERIKSSON", "ANNA MARIA")
    assert mrz.birth_date == dt.date(1974, 8, 12) and mrz.expiry_date == dt.date(2012, 4, 15)
    assert mrz.checks_ok and mrz.bsn is None
    assert mrz.warnings(TODAY) == ["expired"]


def test_icao_td1_example():
    mrz = parse_mrz(ICAO_TD1, TODAY)
    assert mrz.format == "TD1" and mrz.document_number == "D23145890" and mrz.checks_ok


def test_dutch_specimen_passport_has_the_specimen_bsn_in_the_personal_number_field():
    mrz = parse_mrz(NL_PASSPORT_2014, TODAY)
    assert mrz.checks_ok and mrz.bsn == SPECIMEN_BSN and mrz.issuing_state == "NLD"
    assert mrz.surname == "DE BRUIJN" and mrz.birth_date == dt.date(1965, 3, 10)


def test_dutch_specimen_id_card_has_the_specimen_bsn_in_the_optional_data():
    mrz = parse_mrz(NL_ID_CARD_2014, TODAY)
    assert mrz.checks_ok and mrz.bsn == SPECIMEN_BSN


@pytest.mark.parametrize(
    ("lines", "row", "column"),
    [(NL_PASSPORT_2014, 1, 14), (NL_PASSPORT_2014, 1, 30), (NL_ID_CARD_2014, 0, 16), (ICAO_TD1, 1, 3)],
)
def test_a_changed_digit_fails_its_check(lines, row, column):
    changed = list(lines)
    digit = changed[row][column]
    changed[row] = changed[row][:column] + str((int(digit) + 1) % 10) + changed[row][column + 1 :]
    mrz = parse_mrz(changed, TODAY)
    assert not mrz.checks_ok
    assert any(w.startswith("check_digit:") for w in mrz.warnings(TODAY))


def test_pasted_text_with_spaces_and_one_long_line_is_read():
    assert parse_mrz([" ".join(NL_PASSPORT_2014).lower()], TODAY).checks_ok


@pytest.mark.parametrize("lines", [["hello"], ["P<NLD" + "<" * 39], ["A" * 44, "B" * 43], ["Ä" * 30] * 3])
def test_what_is_not_an_mrz_is_refused(lines):
    with pytest.raises(NotAnMrzError):
        parse_mrz(lines, TODAY)
