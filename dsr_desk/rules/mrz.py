"""Machine-readable zones (ICAO 9303 parts 4-7): TD3 passports (2 lines of 44), TD1 identity cards (3 of
30), TD2 cards (2 of 36), and machine-readable visas MRV-A (2 of 44) and MRV-B (2 of 36).

Parsing gives the fields, every check digit's result, the expiry, and whether a Dutch BSN sits in the zone
(TD3 personal-number field; TD1 optional data, cards issued before August 2021). The document number and the
BSN are handed back for the check only: nothing here is meant to be stored, and the identity record keeps
only the document type and the warnings.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from dsr_desk.rules.bsn import is_valid_bsn
from dsr_desk.rules.mrz_fields import (
    CheckDigit,
    LineFields,
    check_digit,
    document_number,
    line_fields,
    names,
)

__all__ = ["CheckDigit", "Mrz", "NotAnMrzError", "check_digit", "normalise_lines", "parse_mrz"]

_ALLOWED = re.compile(r"^[A-Z0-9<]+$")
# (lines, width) of each format; a visa is told from a TD3 or TD2 by its document code 'V'.
_SHAPES = {(3, 30): "TD1", (2, 44): "TD3", (2, 36): "TD2"}


class NotAnMrzError(ValueError):
    """The lines do not have the shape of any ICAO 9303 zone."""


@dataclass(frozen=True)
class Mrz:
    format: str  # TD1 | TD2 | TD3 | MRV-A | MRV-B
    document_code: str
    issuing_state: str
    surname: str
    given_names: str
    document_number: str  # for the check only: never stored
    nationality: str
    birth_date: dt.date | None
    sex: str
    expiry_date: dt.date | None
    personal_number: str  # TD3 personal number, or the optional data of the other formats
    checks: tuple[CheckDigit, ...] = field(default=())
    bsn: str | None = None  # a BSN found in the zone (elfproef passed); never print it

    @property
    def checks_ok(self) -> bool:
        return all(check.ok for check in self.checks)

    def expired(self, today: dt.date) -> bool:
        return self.expiry_date is not None and self.expiry_date < today

    def warnings(self, today: dt.date) -> list[str]:
        """What the handler must be told: failed check digits, an expired document."""
        out = [f"check_digit:{check.name}" for check in self.checks if not check.ok]
        if self.expired(today):
            out.append("expired")
        return out


def normalise_lines(lines: list[str]) -> list[str]:
    """Typed or pasted lines: upper case, no spaces; the lines as given, or one long line split."""
    cleaned = [re.sub(r"\s+", "", line).upper().replace("«", "<") for line in lines if line.strip()]
    if len(cleaned) == 1:
        for (count, width), _ in _SHAPES.items():
            if len(cleaned[0]) == count * width:
                return [cleaned[0][i : i + width] for i in range(0, count * width, width)]
    return cleaned


def parse_mrz(lines: list[str], today: dt.date | None = None) -> Mrz:
    rows = normalise_lines(lines)
    if any(not _ALLOWED.match(row) for row in rows):
        raise NotAnMrzError("characters other than A-Z, 0-9 and <")
    shape = _SHAPES.get((len(rows), len(rows[0]) if rows else 0))
    if shape is None or any(len(row) != len(rows[0]) for row in rows):
        raise NotAnMrzError("not 3 lines of 30, or 2 lines of 44 or 36 characters")
    today = today or dt.date.today()
    if shape == "TD1":
        return _td1(rows, today)
    visa = rows[0].startswith("V")
    return _two_line(
        rows, ("MRV-A" if visa else "TD3") if shape == "TD3" else ("MRV-B" if visa else "TD2"), today
    )


def _td1(rows: list[str], today: dt.date) -> Mrz:
    top, middle, bottom = rows
    number, optional, number_check = document_number(top[5:14], top[14], top[15:30])
    surname, given = names(bottom)
    data = line_fields(middle, 0)
    checks = (
        number_check,
        *data.checks,
        CheckDigit(
            "composite", middle[29], check_digit(top[5:30] + middle[0:7] + middle[8:15] + middle[18:29])
        ),
    )
    return _mrz("TD1", top, surname, given, number, middle[15:18], data, optional, checks, today)


def _two_line(rows: list[str], kind: str, today: dt.date) -> Mrz:
    top, bottom = rows
    surname, given = names(top[5:])
    data = line_fields(bottom, 13)
    if kind == "TD3":
        personal = bottom[28:42]
        number, _rest, number_check = document_number(bottom[0:9], bottom[9], "")
        personal_check = bottom[42] if not personal.strip("<") else check_digit(personal)
        checks = (
            number_check,
            *data.checks,
            CheckDigit("personal_number", bottom[42], personal_check),
            CheckDigit("composite", bottom[43], check_digit(bottom[0:10] + bottom[13:20] + bottom[21:43])),
        )
        return _mrz(kind, top, surname, given, number, bottom[10:13], data, personal, checks, today)
    if kind == "TD2":
        number, optional, number_check = document_number(bottom[0:9], bottom[9], bottom[28:35])
        composite = CheckDigit(
            "composite", bottom[35], check_digit(bottom[0:10] + bottom[13:20] + bottom[21:35])
        )
        checks = (number_check, *data.checks, composite)
        return _mrz(kind, top, surname, given, number, bottom[10:13], data, optional, checks, today)
    # Visas (ICAO 9303 part 7) carry no composite check digit; the rest of line 2 is optional data.
    number, _rest, number_check = document_number(bottom[0:9], bottom[9], "")
    checks = (number_check, *data.checks)
    return _mrz(kind, top, surname, given, number, bottom[10:13], data, bottom[28:], checks, today)


def _mrz(
    kind: str,
    top: str,
    surname: str,
    given: str,
    number: str,
    nationality: str,
    data: LineFields,
    optional: str,
    checks: tuple[CheckDigit, ...],
    today: dt.date,
) -> Mrz:
    return Mrz(
        kind,
        top[0:2].rstrip("<"),
        top[2:5],
        surname,
        given,
        number,
        nationality,
        _date(data.birth, birth=True, today=today),
        data.sex,
        _date(data.expiry, birth=False, today=today),
        optional.rstrip("<"),
        checks,
        _bsn_in(optional) if kind in ("TD1", "TD3") else None,
    )


def _date(text: str, *, birth: bool, today: dt.date) -> dt.date | None:
    if not text.isdigit():
        return None
    year, month, day = int(text[0:2]), int(text[2:4]), int(text[4:6])
    if birth:
        century = 2000 if year <= today.year % 100 else 1900
    else:  # no document is valid for fifty years: an expiry that far ahead is from the last century
        century = 1900 if 2000 + year > today.year + 50 else 2000
    try:
        return dt.date(century + year, month, day)
    except ValueError:
        return None


def _bsn_in(text: str) -> str | None:
    digits = text[:9]
    return digits if is_valid_bsn(digits) else None
