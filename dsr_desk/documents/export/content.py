"""What an export says: data.json (with its documented schema), one CSV per category, and the redaction of
others' data (Art. 15(4)) applied to every text and value before anything is written."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Callable

from dsr_desk.rules.data_values import DataItem

REDACTED = "[afgeschermd]"  # the Dutch marker; exports use the letter language's (export.redacted)
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


def redactor(redactions: tuple[str, ...], marker: str = REDACTED) -> Callable[[object], object]:
    """A function that blacks out each redacted text wherever it appears in a value: in any case, with any
    spacing between its words, in keys as well as values, and in numbers (a phone number in a sheet)."""
    if not redactions:
        return lambda value: value
    alternatives = [
        r"[\s.\-]*".join(re.escape(word) for word in r.split())
        for r in sorted(redactions, key=len, reverse=True)
        if r.split()
    ]
    pattern = re.compile("|".join(alternatives), re.IGNORECASE)

    def text(value: str) -> str:
        return pattern.sub(marker, value)

    def apply(value: object) -> object:
        if isinstance(value, str):
            return text(value)
        if isinstance(value, list):
            return [apply(v) for v in value]
        if isinstance(value, dict):
            result: dict[str, object] = {}
            for key, inner in value.items():
                name, base, n = text(str(key)), text(str(key)), 1
                while name in result:  # two keys blacked out to the same text must both survive
                    n += 1
                    name = f"{base} ({n})"
                result[name] = apply(inner)
            return result
        if isinstance(value, int | float) and not isinstance(value, bool):
            shown = text(str(value))
            return value if shown == str(value) else shown
        return value

    return apply


def item_json(
    item: DataItem,
    text: str | None,
    file_path: str | None,
    records: list[dict] | None = None,
    marker: str = REDACTED,
) -> dict[str, object]:
    redact = redactor(item.redactions, marker)
    entry: dict[str, object] = {
        "id": item.id,
        "system": item.system,
        "category": item.category,
        "title": redact(item.title),
        "source_format": item.source_format,
        "file": file_path,
        "redacted": bool(item.redactions),
    }
    if records is not None:
        entry["records"] = redact(records)
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
    writer = csv.DictWriter(buffer, fieldnames=[spreadsheet_safe(c) for c in columns], extrasaction="ignore")
    writer.writeheader()
    writer.writerows({spreadsheet_safe(k): spreadsheet_safe(v) for k, v in row.items()} for row in rows)
    # UTF-8 with a byte-order mark: Excel on Windows then opens accented names correctly.
    return buffer.getvalue().encode("utf-8-sig")


_NUMBER_LIKE = re.compile(r"[+-]?[\d\s().,/-]*")
# What a spreadsheet skips before it decides a cell is a formula: spaces of every width, no-break and
# zero-width ones, the byte-order mark.
_LEADING_BLANKS = re.compile(r"[\s\u00a0\u180e\u200b-\u200d\u2060\ufeff]+")


def spreadsheet_safe(value: object) -> object:
    """A cell a spreadsheet would run as a formula gets a leading apostrophe in the CSV; data.json keeps the
    value exactly as found. A formula is =, @, or + - not followed by a plain number, also behind leading
    blanks and in full-width forms (＝, ＋); a cell starting with a tab or line break is always defused."""
    if not isinstance(value, str) or not value:
        return value
    if value[0] in "\t\r\n":
        return "'" + value
    rest = _LEADING_BLANKS.sub("", value, count=1)
    head = unicodedata.normalize("NFKC", rest[:1])[:1]
    if head in ("=", "@"):
        return "'" + value
    if head in ("+", "-") and not _NUMBER_LIKE.fullmatch(unicodedata.normalize("NFKC", rest)):
        return "'" + value
    return value


def unique_names(names: list[str]) -> list[str]:
    """File names made safe, and made distinct again where safety made two the same ('A/B', 'A?B')."""
    seen: dict[str, int] = {}
    result = []
    for name in names:
        base = safe_name(name)
        count = seen.get(base.lower(), 0)
        seen[base.lower()] = count + 1
        result.append(base if count == 0 else f"{base}-{count + 1}")
    return result


def safe_name(name: str) -> str:
    cleaned = re.sub(r"[^\w.\- ]+", "_", name, flags=re.UNICODE).strip(" .")
    return cleaned[:80] or "item"
