"""The Dutch citizen service number (BSN): nine digits that pass the 'elfproef' (LEGAL.md §3).

9*d1 + 8*d2 + ... + 2*d8 - 1*d9 is divisible by 11. A number that fails is not a BSN and is not treated
as one; 999999990 is the BSN printed on the government's specimen documents.
"""

from __future__ import annotations

import re

SPECIMEN_BSN = "999999990"
_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)
# Nine digits, possibly written in groups (1234.56.789, 123 456 789), not part of a longer number.
_CANDIDATE = re.compile(r"(?<![\d])(\d{4}[. ]?\d{2}[. ]?\d{3}|\d{3}[. ]?\d{3}[. ]?\d{3})(?![\d])")


def is_valid_bsn(text: str) -> bool:
    digits = text.strip()
    if len(digits) == 8 and digits.isdigit():
        digits = "0" + digits  # older numbers are sometimes written without their leading zero
    if len(digits) != 9 or not digits.isdigit() or digits == "000000000":
        return False
    return sum(int(d) * w for d, w in zip(digits, _WEIGHTS, strict=True)) % 11 == 0


def find_bsns(text: str) -> list[tuple[int, int, str]]:
    """(start, end, digits) of every BSN in `text`; numbers that fail the elfproef are left alone."""
    found = []
    for match in _CANDIDATE.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if is_valid_bsn(digits):
            found.append((match.start(), match.end(), digits))
    return found


def masked(bsn: str) -> str:
    """How a BSN is ever shown by DSR Desk: not at all."""
    return "***-**-***"
