"""Machine-readable zones (ICAO 9303): TD1 identity cards (3 lines of 30) and TD3 passports (2 lines of 44).

Parsing gives the fields, every check digit's result, the expiry, and whether a Dutch BSN sits in the zone
(TD3 personal-number field; TD1 optional data, cards issued before August 2021). The document number and the
BSN are handed back for the check only: nothing here is meant to be stored.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from dsr_desk.rules.bsn import is_valid_bsn

_ALLOWED = re.compile(r"^[A-Z0-9<]+$")


class NotAnMrzError(ValueError):
    """The lines do not have the shape of a TD1 or TD3 zone."""


@dataclass(frozen=True)
class CheckDigit:
    name: str  # document_number | birth_date | expiry_date | personal_number | composite
    expected: str
    computed: str

    @property
    def ok(self) -> bool:
        return self.expected == self.computed


@dataclass(frozen=True)
class Mrz:
    format: str  # TD1 | TD3
    document_code: str
    issuing_state: str
    surname: str
    given_names: str
    document_number: str
    nationality: str
    birth_date: dt.date | None
    sex: str
    expiry_date: dt.date | None
    personal_number: str  # TD3 personal number, or TD1 optional data
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


def check_digit(text: str) -> str:
    total = 0
    for i, char in enumerate(text):
        value = 0 if char == "<" else int(char) if char.isdigit() else ord(char) - 55
        total += value * (7, 3, 1)[i % 3]
    return str(total % 10)


def normalise_lines(lines: list[str]) -> list[str]:
    """Typed or pasted lines: upper case, no spaces; the lines as given, or one long line split."""
    cleaned = [re.sub(r"\s+", "", line).upper().replace("«", "<") for line in lines if line.strip()]
    if len(cleaned) == 1 and len(cleaned[0]) in (90, 88):
        width = 30 if len(cleaned[0]) == 90 else 44
        cleaned = [cleaned[0][i : i + width] for i in range(0, len(cleaned[0]), width)]
    return cleaned


def parse_mrz(lines: list[str], today: dt.date | None = None) -> Mrz:
    rows = normalise_lines(lines)
    if any(not _ALLOWED.match(row) for row in rows):
        raise NotAnMrzError("characters other than A-Z, 0-9 and <")
    if len(rows) == 3 and all(len(row) == 30 for row in rows):
        return _td1(rows, today or dt.date.today())
    if len(rows) == 2 and all(len(row) == 44 for row in rows):
        return _td3(rows, today or dt.date.today())
    raise NotAnMrzError("not 3 lines of 30 (TD1) or 2 lines of 44 (TD3)")


def _td3(rows: list[str], today: dt.date) -> Mrz:
    top, bottom = rows
    surname, given = _names(top[5:44])
    personal = bottom[28:42]
    checks = (
        CheckDigit("document_number", bottom[9], check_digit(bottom[0:9])),
        CheckDigit("birth_date", bottom[19], check_digit(bottom[13:19])),
        CheckDigit("expiry_date", bottom[27], check_digit(bottom[21:27])),
        CheckDigit(
            "personal_number", bottom[42], check_digit(personal) if personal.strip("<") else bottom[42]
        ),
        CheckDigit("composite", bottom[43], check_digit(bottom[0:10] + bottom[13:20] + bottom[21:43])),
    )
    return Mrz(
        "TD3",
        top[0:2].rstrip("<"),
        top[2:5],
        surname,
        given,
        bottom[0:9].rstrip("<"),
        bottom[10:13],
        _date(bottom[13:19], birth=True, today=today),
        bottom[20],
        _date(bottom[21:27], birth=False, today=today),
        personal.rstrip("<"),
        checks,
        _bsn_in(personal),
    )


def _td1(rows: list[str], today: dt.date) -> Mrz:
    top, middle, bottom = rows
    surname, given = _names(bottom)
    optional = top[15:30]
    checks = (
        CheckDigit("document_number", top[14], check_digit(top[5:14])),
        CheckDigit("birth_date", middle[6], check_digit(middle[0:6])),
        CheckDigit("expiry_date", middle[14], check_digit(middle[8:14])),
        CheckDigit(
            "composite", middle[29], check_digit(top[5:30] + middle[0:7] + middle[8:15] + middle[18:29])
        ),
    )
    return Mrz(
        "TD1",
        top[0:2].rstrip("<"),
        top[2:5],
        surname,
        given,
        top[5:14].rstrip("<"),
        middle[15:18],
        _date(middle[0:6], birth=True, today=today),
        middle[7],
        _date(middle[8:14], birth=False, today=today),
        optional.rstrip("<"),
        checks,
        _bsn_in(optional),
    )


def _names(field_text: str) -> tuple[str, str]:
    surname, _, given = field_text.partition("<<")
    return surname.replace("<", " ").strip(), given.replace("<", " ").strip()


def _date(text: str, *, birth: bool, today: dt.date) -> dt.date | None:
    if not text.isdigit():
        return None
    year, month, day = int(text[0:2]), int(text[2:4]), int(text[4:6])
    century = 2000 if not birth or year <= today.year % 100 else 1900
    try:
        return dt.date(century + year, month, day)
    except ValueError:
        return None


def _bsn_in(text: str) -> str | None:
    digits = text[:9]
    return digits if is_valid_bsn(digits) else None
