"""The fields the ICAO 9303 formats share: check digits, names, the dates-and-sex run of characters, and
the document number, which may be longer than its nine places (ICAO 9303 part 5, note j; part 6 likewise).

A longer number keeps its first nine characters in place, a filler where its check digit would be, and the
rest at the start of the optional data, followed by the check digit. ICAO computes that check digit over
the whole number; some issuers (Portugal's citizen card among them) compute it over the field as printed,
the filler included. Both readings are accepted, so a genuine card is not flagged; the composite check digit
still covers every character.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CheckDigit:
    name: str  # document_number | birth_date | expiry_date | personal_number | composite
    expected: str
    computed: str
    also_accepted: str = ""  # the issuer's reading of a long document number, where it differs

    @property
    def ok(self) -> bool:
        return self.expected in {self.computed, self.also_accepted} - {""}


@dataclass(frozen=True)
class LineFields:
    """Birth date, sex and expiry: the same run of 15 characters in every format, at its own offset."""

    birth: str
    sex: str
    expiry: str
    checks: tuple[CheckDigit, CheckDigit]


def check_digit(text: str) -> str:
    total = 0
    for i, char in enumerate(text):
        value = 0 if char == "<" else int(char) if char.isdigit() else ord(char) - 55
        total += value * (7, 3, 1)[i % 3]
    return str(total % 10)


def names(field_text: str) -> tuple[str, str]:
    surname, _, given = field_text.partition("<<")
    return surname.replace("<", " ").strip(), given.replace("<", " ").strip()


def line_fields(row: str, offset: int) -> LineFields:
    birth, expiry = row[offset : offset + 6], row[offset + 8 : offset + 14]
    return LineFields(
        birth,
        row[offset + 7],
        expiry,
        (
            CheckDigit("birth_date", row[offset + 6], check_digit(birth)),
            CheckDigit("expiry_date", row[offset + 14], check_digit(expiry)),
        ),
    )


def document_number(first: str, check: str, optional: str) -> tuple[str, str, CheckDigit]:
    """(the whole number, the optional data that remains, its check); `optional` may hold the rest."""
    rest = optional.split("<", 1)[0]
    if check != "<" or len(rest) < 2:
        return first.rstrip("<"), optional, CheckDigit("document_number", check, check_digit(first))
    continuation, digit = rest[:-1], rest[-1]
    remaining = optional[len(rest) + 1 :]
    whole = first + continuation
    as_printed = first + "<" + continuation
    return (
        whole,
        remaining,
        CheckDigit("document_number", digit, check_digit(whole), check_digit(as_printed)),
    )
