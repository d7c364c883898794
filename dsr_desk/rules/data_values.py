"""Data found about the person: items from the organisation's systems, and the systems searched."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class DataItem:
    id: int
    created_at: str
    system: str
    category: str
    title: str
    kind: str  # text | file
    source_format: str  # text, csv, json, xlsx, pdf, image, other
    size: int
    sha256: str
    included: bool  # goes into the answer (the export for the person)
    provided: bool  # provided by the person themselves: the only data a portability export holds
    redactions: tuple[str, ...] = ()  # others' data inside this item, blacked out on export (Art. 15(4))
    has_records: bool = False  # read as a table: its rows go into data.json and the CSV per category
    note: str = ""

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "created_at": self.created_at,
            "system": self.system,
            "category": self.category,
            "title": self.title,
            "kind": self.kind,
            "source_format": self.source_format,
            "size": self.size,
            "sha256": self.sha256,
            "included": self.included,
            "provided_by_person": self.provided,
            "redactions": len(self.redactions),
            "note": self.note,
        }


@dataclass(frozen=True)
class Search:
    """One system on the case's checklist: searched or not, by whom, when, what was found."""

    system: str
    searched: bool
    found: str = ""
    by: str = ""
    at: str = ""
    note: str = ""


@dataclass(frozen=True)
class ImportedData:
    """A file as read for import: what it is, its rows when structured, and any warning for the handler."""

    source_format: str
    records: list[dict] | None = None
    text: str | None = None
    warnings: tuple[str, ...] = field(default=())
