"""Who is asking for whom (LEGAL.md §6): the requester writes and is addressed; the data subject is the
person whose data it is. A parent with parental authority ('gezag') for a child under 16, a guardian, an
authorised representative (a lawyer), or an employee acting for their organisation."""

from __future__ import annotations

from enum import StrEnum

from dsr_desk.i18n import t
from dsr_desk.rules.text_hygiene import hidden_character_problems

MAX_SUBJECT_LENGTH = 200


class Relation(StrEnum):
    """The codes are a contract: `case new --relation`, JSON output and stored case files use them."""

    PARENT = "parent"
    GUARDIAN = "guardian"
    REPRESENTATIVE = "representative"
    ORGANISATION = "organisation"

    def label(self, lang: str | None = None) -> str:
        return t(f"relation.{self.value}", lang)


def parse_relation(text: str) -> Relation | None:
    """'' -> None (the requester is the data subject); an unknown code raises ValueError."""
    text = text.strip()
    return Relation(text) if text else None


def representation_problems(
    data_subject: str, relation: Relation | None, requester_name: str
) -> list[tuple[str, str, dict[str, object]]]:
    if data_subject and relation is None:
        return [("relation", "validation.relation_missing", {})]
    if relation is not None and not data_subject:
        return [("for_person", "validation.for_person_missing", {})]
    if len(data_subject) > MAX_SUBJECT_LENGTH:
        return [("for_person", "validation.name_too_long", {"max": MAX_SUBJECT_LENGTH})]
    if data_subject and data_subject.casefold() == requester_name.casefold():
        return [("for_person", "validation.for_person_is_requester", {})]
    return [
        ("for_person", key, values) for _field, key, values in hidden_character_problems("name", data_subject)
    ]
