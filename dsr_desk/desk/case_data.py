"""The data actions on a case: record what was searched and found, add data items (typed in or imported
from files other systems export), mark them for the answer, and redact others' data (Art. 15(4))."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from dsr_desk.errors import ValidationError
from dsr_desk.i18n import t
from dsr_desk.intake.data_files import (
    MAX_STRUCTURED_BYTES,
    checked_size,
    file_chunks,
    read_structured,
    source_format,
)
from dsr_desk.intake.zip_files import MAX_IMPORT_BYTES, zip_member_chunks, zip_members
from dsr_desk.rules.data_values import DataItem, Search
from dsr_desk.rules.intake import MAX_LINE_LENGTH, clean_block, clean_line
from dsr_desk.store.case_items import CaseItems

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from dsr_desk.desk.case import Case
    from dsr_desk.store.audit import AuditEvent

SEARCHED = "search.recorded"
MAX_DATA_TEXT_LENGTH = (
    1_000_000  # typed or pasted data (a chat log, say): it goes to the export, not a letter
)


class DataActions:
    """Mixed into Case; relies on its record(), events(), _file, _write() and _desk."""

    @property
    def _items(self: Case) -> CaseItems:
        return CaseItems(self._file)

    def items(self: Case) -> list[DataItem]:
        return self._items.items()

    def item_chunks(self: Case, item_id: int) -> Iterator[bytes]:
        return self._items.chunks(item_id)

    def item_content(self: Case, item_id: int) -> bytes:
        return self._items.content(item_id)

    def systems(self: Case) -> list[str]:
        """The organisation's systems, from its processing register, in the order first named there."""
        names: dict[str, None] = {}
        for entry in self._desk.settings.register:
            names.update(dict.fromkeys(entry.systems))
        for search in self.searches():
            names.setdefault(search.system, None)
        return list(names)

    def add_data_text(
        self: Case,
        text: str,
        *,
        system: str,
        category: str,
        title: str = "",
        included: bool = True,
        provided: bool = False,
    ) -> DataItem:
        text = clean_block(text, MAX_DATA_TEXT_LENGTH)
        system, category = self.checked_place(system, category, text_given=bool(text))
        data = text.encode("utf-8")
        item, event = self._items.add(
            at=self._desk.now(),
            actor=self._desk.actor,
            system=system,
            category=category,
            title=clean_line(title, field="title") or t("data.typed_title", system=system),
            kind="text",
            source_format="text",
            chunks=[data],
            included=included,
            provided=provided,
            records=None,
            note="",
            max_bytes=MAX_STRUCTURED_BYTES,
        )
        self._indexed(event)
        return item

    def add_data_file(
        self: Case, path: Path, *, system: str, category: str, included: bool = True, provided: bool = False
    ) -> tuple[list[DataItem], tuple[str, ...]]:
        """Imports a file (a ZIP: each file in it); returns the items and any warnings for the handler."""
        path = Path(path)
        system, category = self.checked_place(system, category)
        size = checked_size(path)
        if source_format(path.name) == "zip":
            return self._add_zip(path, system, category, included, provided)
        item, warnings = self._add_stream(
            path.name, size, lambda: file_chunks(path), system, category, included, provided
        )
        return [item], warnings

    def _add_zip(
        self: Case, path: Path, system: str, category: str, included: bool, provided: bool
    ) -> tuple[list[DataItem], tuple[str, ...]]:
        """Every file in the ZIP in one transaction: a refusal, a crash or a kill half-way stores none."""
        members = zip_members(path)  # the whole ZIP is checked before a byte is stored
        ids, warnings, event = [], [], None
        with self._items.transaction() as conn:
            for member in members:
                fields, found = self._item_fields(
                    member.filename,
                    member.file_size,
                    lambda m=member: zip_member_chunks(path, m),
                    system,
                    category,
                    included,
                    provided,
                )
                item_id, event = self._items.insert(conn, **fields)
                ids.append(item_id)
                warnings += found
        if event is not None:
            self._indexed(event)
        return [self._items.item(item_id) for item_id in ids], tuple(dict.fromkeys(warnings))

    def add_data_bytes(
        self: Case,
        name: str,
        data: bytes,
        *,
        system: str,
        category: str,
        included: bool = True,
        provided: bool = False,
    ) -> tuple[DataItem, tuple[str, ...]]:
        """A file's content already in memory (pasted, or made by the app): read like an imported file."""
        system, category = self.checked_place(system, category)
        return self._add_stream(name, len(data), lambda: iter([data]), system, category, included, provided)

    def _add_stream(
        self: Case, name: str, size: int, chunks, system: str, category: str, included: bool, provided: bool
    ) -> tuple[DataItem, tuple[str, ...]]:
        fields, warnings = self._item_fields(name, size, chunks, system, category, included, provided)
        item, event = self._items.add(**fields)
        self._indexed(event)
        return item, warnings

    def _item_fields(
        self: Case, name: str, size: int, chunks, system: str, category: str, included: bool, provided: bool
    ) -> tuple[dict[str, object], tuple[str, ...]]:
        """What an imported file becomes: rows where it is a table small enough to read, else the file."""
        fmt = source_format(name)
        imported = None
        if fmt in ("csv", "json", "xlsx", "text") and size <= MAX_STRUCTURED_BYTES:
            data = b"".join(chunks())
            imported = read_structured(fmt, data)
            chunks = lambda: iter([data])  # noqa: E731 - what is stored is exactly what was read as rows
        warnings = imported.warnings if imported else ()
        fields = {
            "at": self._desk.now(),
            "actor": self._desk.actor,
            "system": system,
            "category": category,
            "title": clean_line(name, None)[
                :MAX_LINE_LENGTH
            ],  # a file's name, from outside: cut, not refused
            "kind": "text" if fmt == "text" and imported is not None else "file",
            "source_format": fmt,
            "chunks": chunks(),
            "included": included,
            "provided": provided,
            "records": imported.records if imported else None,
            "note": ", ".join(warnings),
            "max_bytes": MAX_IMPORT_BYTES,
        }
        return fields, warnings

    def set_item(self: Case, item_id: int, **changes: object) -> DataItem:
        """included, provided, category or redactions (the others' data to black out, Art. 15(4))."""
        allowed = {"included", "provided", "category", "redactions"}
        if set(changes) - allowed:
            raise ValueError(", ".join(sorted(set(changes) - allowed)))
        if "category" in changes:
            changes["category"] = self.checked_place("-", str(changes["category"]))[1]
        if "redactions" in changes:
            changes["redactions"] = [clean_line(str(r), field="redactions") for r in changes["redactions"]]
        event = self._items.update(item_id, at=self._desk.now(), actor=self._desk.actor, **changes)
        self._indexed(event)
        return self._items.item(item_id)

    def remove_item(self: Case, item_id: int, reason: str) -> None:
        reason = clean_block(reason, field="reason")
        if not reason:
            raise ValidationError([("reason", "validation.removal_reason_empty", {})])
        event = self._items.remove(item_id, at=self._desk.now(), actor=self._desk.actor, reason=reason)
        self._indexed(event)

    def record_search(self: Case, system: str, *, searched: bool, found: str = "", note: str = "") -> None:
        system = clean_line(system, field="system")
        if not system:
            raise ValidationError([("system", "validation.system_empty", {})])
        details = {
            "system": system,
            "searched": searched,
            "found": clean_block(found, field="found"),
            "note": clean_block(note, field="note"),
        }
        self._touch(SEARCHED, details)

    def searches(self: Case) -> list[Search]:
        return searches_from_events(self.events())

    def checked_place(self: Case, system: str, category: str, text_given: bool = True) -> tuple[str, str]:
        system, category = clean_line(system, field="system"), clean_line(category, field="category")
        problems = []
        if not system:
            problems.append(("system", "validation.system_empty", {}))
        if not category:
            problems.append(("category", "validation.category_empty", {}))
        if not text_given:
            problems.append(("text", "validation.data_text_empty", {}))
        if problems:
            raise ValidationError(problems)
        return system, category


def searches_from_events(events: Iterable[AuditEvent]) -> list[Search]:
    """The checklist as the log tells it: each system's latest search."""
    latest: dict[str, Search] = {}
    for event in events:
        if event.action == SEARCHED:
            d = event.details
            latest[d["system"]] = Search(
                d["system"], bool(d["searched"]), d.get("found", ""), event.actor, event.at, d.get("note", "")
            )
    return list(latest.values())
