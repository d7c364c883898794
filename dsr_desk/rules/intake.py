"""What a new case must hold, and the checks on it before anything is stored."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from dsr_desk.errors import ValidationError
from dsr_desk.rules.email_address import is_valid_email
from dsr_desk.rules.representation import Relation, representation_problems
from dsr_desk.rules.requests import Channel, RequestType
from dsr_desk.rules.text_hygiene import hidden_character_problems

# The GDPR applies from this date; an earlier receipt date is a typing error, not an old case.
GDPR_APPLIES_FROM = dt.date(2018, 5, 25)
MAX_NAME_LENGTH = 200
MAX_ADDRESS_LENGTH = 1000
MAX_NOTES_LENGTH = 100_000
# Every other free text: a line (a system, a category, a title, a ground) and a block (a reason, an
# explanation, an answer a letter quotes). Far beyond any real use; what is longer belongs in a file.
MAX_LINE_LENGTH = 500
MAX_BLOCK_LENGTH = 20_000

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Requester:
    name: str
    email: str = ""
    address: str = ""  # a postal address, one line per row as it goes on an envelope


@dataclass(frozen=True)
class NewCase:
    requester: Requester
    received: dt.date
    types: tuple[RequestType, ...]
    channel: Channel = Channel.EMAIL
    notes: str = ""
    data_subject: str = ""  # when the requester asks for someone else: whose data it is
    relation: Relation | None = None


def clean_line(text: str, limit: int | None = MAX_LINE_LENGTH, field: str = "text") -> str:
    """One line of user text: NFC, no control characters, single spaces, trimmed; ValidationError when it
    is longer than `limit` (None: the caller checks the length itself)."""
    text = unicodedata.normalize("NFC", text)
    text = _CONTROL.sub("", text).replace("\r", " ").replace("\n", " ").replace("\t", " ")
    return within_limit(re.sub(r" {2,}", " ", text).strip(), limit, field)


def clean_block(text: str, limit: int | None = MAX_BLOCK_LENGTH, field: str = "text") -> str:
    """Several lines of user text: NFC, no control characters except line breaks, no trailing blanks;
    ValidationError when it is longer than `limit` (None: the caller checks the length itself)."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = _CONTROL.sub("", text)
    cleaned = "\n".join(line.rstrip() for line in text.split("\n")).strip("\n").strip()
    return within_limit(cleaned, limit, field)


def within_limit(text: str, limit: int | None, field: str = "text") -> str:
    if limit is not None and len(text) > limit:
        raise ValidationError([(field, "validation.text_too_long", {"length": len(text), "max": limit})])
    return text


def requester_problems(requester: Requester) -> list[tuple[str, str, dict[str, object]]]:
    problems: list[tuple[str, str, dict[str, object]]] = []
    if not requester.name:
        problems.append(("name", "validation.name_empty", {}))
    elif len(requester.name) > MAX_NAME_LENGTH:
        problems.append(("name", "validation.name_too_long", {"max": MAX_NAME_LENGTH}))
    hidden_in_email = hidden_character_problems("email", requester.email)
    if requester.email and not hidden_in_email and not is_valid_email(requester.email):
        problems.append(("email", "validation.email_invalid", {"email": requester.email}))
    if not requester.email and not requester.address:
        problems.append(("email", "validation.no_way_to_reply", {}))
    if len(requester.address) > MAX_ADDRESS_LENGTH:
        problems.append(("address", "validation.address_too_long", {"max": MAX_ADDRESS_LENGTH}))
    problems += hidden_character_problems("name", requester.name)
    problems += hidden_in_email
    return problems


def prepare_requester(*, name: str, email: str, address: str) -> Requester:
    """Cleans the requester's details, or raises ValidationError listing every problem."""
    requester = _requester(name, email, address)
    problems = requester_problems(requester)
    if problems:
        raise ValidationError(problems)
    return requester


def _requester(name: str, email: str, address: str) -> Requester:
    """Cleaned only: their lengths are among the problems requester_problems lists all at once."""
    return Requester(
        name=clean_line(name, None), email=clean_line(email, None), address=clean_block(address, None)
    )


def prepare_new_case(
    *,
    name: str,
    email: str,
    address: str,
    received: dt.date,
    types: list[RequestType] | tuple[RequestType, ...],
    channel: Channel,
    notes: str,
    today: dt.date,
    data_subject: str = "",
    relation: Relation | None = None,
) -> NewCase:
    """Cleans the input and returns the case to create, or raises ValidationError listing every problem."""
    requester = _requester(name, email, address)
    data_subject = clean_line(data_subject, None)  # its length is among the problems listed below
    problems = requester_problems(requester)
    problems += representation_problems(data_subject, relation, requester.name)
    problems += received_problems(received, today)
    unique_types = tuple(dict.fromkeys(types))
    if not unique_types:
        problems.append(("types", "validation.no_types", {}))
    cleaned_notes = clean_block(notes, None)
    if len(cleaned_notes) > MAX_NOTES_LENGTH:
        problems.append(("notes", "validation.notes_too_long", {"max": MAX_NOTES_LENGTH}))
    if problems:
        raise ValidationError(problems)
    return NewCase(
        requester=requester,
        received=received,
        types=unique_types,
        channel=channel,
        notes=cleaned_notes,
        data_subject=data_subject,
        relation=relation,
    )


def received_problems(received: dt.date, today: dt.date) -> list[tuple[str, str, dict[str, object]]]:
    """A request cannot come in after today, nor before the GDPR applied (25 May 2018)."""
    if received > today:
        return [("received", "validation.received_in_future", {"received": received.isoformat()})]
    if received < GDPR_APPLIES_FROM:
        return [("received", "validation.received_before_gdpr", {"received": received.isoformat()})]
    return []
