"""The requester's e-mail address, checked by its syntax only (email-validator; no DNS: the app is
offline), and "Naam <adres>" as people paste it from their mail program, split into name and address."""

from __future__ import annotations

import re
from dataclasses import dataclass

from email_validator import EmailNotValidError, validate_email

MAX_EMAIL_LENGTH = 254
_NAME_AND_ADDRESS = re.compile(r"^(?P<name>[^<>@]*?)\s*<(?P<address>[^<>\s]+)>$")


@dataclass(frozen=True)
class PastedAddress:
    name: str  # the display name, '' when there was none
    address: str


def is_valid_email(email: str) -> bool:
    """A bare address (no display name, no 'mailto:', nothing around it) that mail can be sent to."""
    return _validated(email, display_name=False) is not None


def split_pasted(text: str) -> PastedAddress | None:
    """'Alice de Vries <alice@example.org>' -> its name and address; a bare address -> no name; None when
    the text is no address at all. Mail programs show names unquoted, accents and all ('Łukasz Wróbel
    <l@example.pl>'), which RFC 5322 would quote: such a name is taken as it stands."""
    text = text.strip()
    validated = _validated(text, display_name=True)
    if validated is not None:
        return PastedAddress((validated.display_name or "").strip(), validated.normalized)
    match = _NAME_AND_ADDRESS.match(text)
    if match is None or (address := _validated(match["address"], display_name=False)) is None:
        return None
    return PastedAddress(match["name"].strip().strip('"').strip(), address.normalized)


def _validated(text: str, *, display_name: bool):
    if not text or len(text) > MAX_EMAIL_LENGTH + (200 if display_name else 0):
        return None
    try:
        validated = validate_email(
            text,
            check_deliverability=False,
            allow_display_name=display_name,
            allow_smtputf8=True,
            strict=True,  # also the length limits of RFC 5321 (64 before the @)
        )
    except EmailNotValidError:
        return None
    # Every top-level domain in the root zone has at least two letters.
    if len(validated.ascii_domain.rsplit(".", 1)[-1]) < 2:
        return None
    return validated
