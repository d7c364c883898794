"""What an export for the person holds, and its password."""

from __future__ import annotations

from enum import StrEnum

from dsr_desk.rules.data_values import DataItem
from dsr_desk.rules.readable_code import readable_code
from dsr_desk.rules.requests import RequestType


class ExportKind(StrEnum):
    ACCESS = "access"  # a copy of all personal data (Art. 15(3))
    PORTABILITY = "portability"  # only what the person provided, machine-readable (Art. 20)


def select_items(kind: ExportKind, items: list[DataItem]) -> list[DataItem]:
    """Access: every included item. Portability: only what the person provided (LEGAL.md §1)."""
    return [i for i in items if i.included and (kind is ExportKind.ACCESS or i.provided)]


def export_warnings(kind: ExportKind, register_entries: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """What the handler should know before exporting: an access copy without the register entries that
    apply lacks the Art. 15(1) information in its overview."""
    return ("no_register_entries",) if kind is ExportKind.ACCESS and not register_entries else ()


MIN_EXPORT_PASSWORD = 12


def export_password_problems(password: str) -> list[tuple[str, str, dict[str, object]]]:
    if len(password) < MIN_EXPORT_PASSWORD:
        return [("password", "validation.export_password_short", {"min": MIN_EXPORT_PASSWORD})]
    return []


def kind_for(types: tuple[RequestType, ...]) -> ExportKind:
    return ExportKind.ACCESS if RequestType.ACCESS in types else ExportKind.PORTABILITY


def new_export_password() -> str:
    """Four groups of five (about 98 bits): strong, and still easy to pass on by phone or text message."""
    return readable_code(4, 5)
