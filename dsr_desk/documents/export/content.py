"""What an export says: data.json (with its documented schema), one CSV per category, and the redaction of
others' data (Art. 15(4)) applied to every text and value before anything is written."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable

from dsr_desk.rules.data_values import DataItem

REDACTED = "[afgeschermd]"
SCHEMA_VERSION = 1

DATA_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "DSR Desk data export",
    "description": "The personal data an organisation holds about you, as it was found in its systems.",
    "type": "object",
    "required": ["schema_version", "kind", "controller", "request", "items"],
    "properties": {
        "schema_version": {"const": SCHEMA_VERSION},
        "kind": {
            "enum": ["access", "portability"],
            "description": "access: a copy of all data (Art. 15); portability: what you provided (Art. 20)",
        },
        "generated_at": {"type": "string", "format": "date-time"},
        "controller": {"type": "object", "description": "The organisation that holds the data"},
        "request": {
            "type": "object",
            "description": "Your request: reference, date received, what you asked",
        },
        "items": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "system", "category", "title", "source_format"],
                "properties": {
                    "id": {"type": "integer"},
                    "system": {"type": "string", "description": "Where the data was found"},
                    "category": {"type": "string", "description": "What kind of data it is"},
                    "title": {"type": "string"},
                    "source_format": {"type": "string"},
                    "records": {
                        "type": "array",
                        "items": {"type": "object"},
                        "description": "Structured data, one object per row",
                    },
                    "text": {"type": "string"},
                    "file": {"type": ["string", "null"], "description": "The original file in this ZIP"},
                    "redacted": {
                        "type": "boolean",
                        "description": "Others' data was blacked out (Art. 15(4))",
                    },
                },
            },
        },
    },
}


def redactor(redactions: tuple[str, ...]) -> Callable[[object], object]:
    """A function that blacks out each redacted text wherever it appears in a value."""
    if not redactions:
        return lambda value: value
    pattern = re.compile("|".join(re.escape(r) for r in sorted(redactions, key=len, reverse=True)))

    def apply(value: object) -> object:
        if isinstance(value, str):
            return pattern.sub(REDACTED, value)
        if isinstance(value, list):
            return [apply(v) for v in value]
        if isinstance(value, dict):
            return {k: apply(v) for k, v in value.items()}
        return value

    return apply


def item_json(item: DataItem, text: str | None, file_path: str | None) -> dict[str, object]:
    redact = redactor(item.redactions)
    entry: dict[str, object] = {
        "id": item.id,
        "system": item.system,
        "category": item.category,
        "title": redact(item.title),
        "source_format": item.source_format,
        "file": file_path,
        "redacted": bool(item.redactions),
    }
    if item.records is not None:
        entry["records"] = redact(item.records)
    if text is not None:
        entry["text"] = redact(text)
    return entry


def category_csv(entries: list[dict[str, object]]) -> bytes:
    """One CSV for one category: structured rows with their source, and text items as a row each."""
    columns: dict[str, None] = {"system": None, "item": None}
    rows: list[dict[str, object]] = []
    for entry in entries:
        for record in entry.get("records") or []:
            rows.append({"system": entry["system"], "item": entry["title"], **record})
        if "text" in entry:
            rows.append({"system": entry["system"], "item": entry["title"], "text": entry["text"]})
        if not entry.get("records") and "text" not in entry:
            rows.append({"system": entry["system"], "item": entry["title"], "file": entry.get("file") or ""})
    for row in rows:
        columns.update(dict.fromkeys(row))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    # UTF-8 with a byte-order mark: Excel on Windows then opens accented names correctly.
    return buffer.getvalue().encode("utf-8-sig")


def safe_name(name: str) -> str:
    cleaned = re.sub(r"[^\w.\- ]+", "_", name, flags=re.UNICODE).strip(" .")
    return cleaned[:80] or "item"
