"""Reading files that other systems export (CSV, JSON, XLSX, text; PDFs and images as attachments), and
ZIPs of them, safely: size limits, no path tricks, spreadsheets as values, CSV in another encoding noticed."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import zipfile
from collections.abc import Iterator
from pathlib import Path

from dsr_desk.errors import ImportRefusedError
from dsr_desk.rules.data_values import ImportedData

MAX_IMPORT_BYTES = 2 * 1024**3  # one file; larger belongs on a disk handed over, not in a case file
MAX_STRUCTURED_BYTES = 50 * 1024**2  # rows are read from smaller files only; larger ones are kept as files
MAX_ZIP_MEMBERS = 5000
MAX_ZIP_RATIO = 200  # compressed to uncompressed: beyond this a ZIP is a bomb, not an export
READ_CHUNK = 1024 * 1024

_FORMATS = {
    ".csv": "csv",
    ".tsv": "csv",
    ".json": "json",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".txt": "text",
    ".eml": "text",
    ".md": "text",
    ".pdf": "pdf",
    ".png": "image",
    ".jpg": "image",
    ".jpeg": "image",
    ".tif": "image",
    ".tiff": "image",
    ".heic": "image",
    ".zip": "zip",
}


def source_format(name: str) -> str:
    return _FORMATS.get(Path(name).suffix.lower(), "other")


def checked_size(path: Path) -> int:
    # Opening (not just stat) catches a folder, a locked file or missing permission before anything is stored.
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
    except OSError as exc:
        detail = exc.strerror or type(exc).__name__
        raise ImportRefusedError(reason="unreadable", name=path.name, detail=detail) from None
    if size > MAX_IMPORT_BYTES:
        raise ImportRefusedError(reason="too_large", limit=MAX_IMPORT_BYTES // 1024**2)
    return size


def file_chunks(path: Path) -> Iterator[bytes]:
    with open(path, "rb") as handle:
        while chunk := handle.read(READ_CHUNK):
            yield chunk


def read_structured(fmt: str, data: bytes) -> ImportedData:
    """Rows for CSV, JSON and spreadsheets; text for text files; nothing for other formats."""
    if fmt == "csv":
        text, warnings = decode_text(data)
        return ImportedData(fmt, records=_csv_rows(text), warnings=warnings)
    if fmt == "json":
        text, warnings = decode_text(data)
        try:
            value = json.loads(text)
        except json.JSONDecodeError:
            return ImportedData(fmt, text=text, warnings=(*warnings, "json_invalid"))
        rows = value if isinstance(value, list) else [value]
        if all(isinstance(row, dict) for row in rows):
            return ImportedData(fmt, records=rows, warnings=warnings)
        return ImportedData(fmt, text=text, warnings=warnings)
    if fmt == "xlsx":
        return _spreadsheet(data)
    if fmt == "text":
        text, warnings = decode_text(data)
        return ImportedData(fmt, text=text, warnings=warnings)
    return ImportedData(fmt)


def decode_text(data: bytes) -> tuple[str, tuple[str, ...]]:
    """UTF-8 when it is; else Windows-1252 (what older Dutch software writes), and the handler is asked."""
    try:
        return data.decode("utf-8-sig"), ()
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), ("encoding_cp1252",)


def _csv_rows(text: str) -> list[dict]:
    sample = text[:20_000]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    return [dict(row) for row in csv.DictReader(io.StringIO(text), dialect=dialect)]


def _spreadsheet(data: bytes) -> ImportedData:
    """Every sheet's rows as values: formulas never come in as formulas, only as the values they had."""
    from openpyxl import load_workbook

    try:
        values = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        formulas = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise ImportRefusedError(reason="spreadsheet_unreadable", detail=type(exc).__name__) from None
    records: list[dict] = []
    warnings: set[str] = set()
    for sheet in values.worksheets:
        formula_cells = {
            (c.row, c.column) for row in formulas[sheet.title].iter_rows() for c in row if c.data_type == "f"
        }
        if formula_cells:
            warnings.add("formulas_as_values")
        rows = sheet.iter_rows()
        header = [
            str(c.value) if c.value is not None else f"kolom {i + 1}" for i, c in enumerate(next(rows, ()))
        ]
        for row in rows:
            record: dict[str, object] = {"_sheet": sheet.title}
            for name, cell in zip(header, row, strict=False):
                if cell.value is None and (cell.row, cell.column) in formula_cells:
                    warnings.add("formula_without_value")
                record[name] = _plain(cell.value)
            if any(value not in (None, "") for key, value in record.items() if key != "_sheet"):
                records.append(record)
    values.close()
    formulas.close()
    return ImportedData("xlsx", records=records, warnings=tuple(sorted(warnings)))


def _plain(value: object) -> object:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)  # dates and times as written


def zip_members(path: Path) -> list[zipfile.ZipInfo]:
    """The files in a ZIP, or ImportRefusedError when any member is unsafe: the whole ZIP is refused."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        raise ImportRefusedError(reason="zip_unreadable") from None
    with archive:
        members = archive.infolist()
        if len(members) > MAX_ZIP_MEMBERS:
            raise ImportRefusedError(reason="zip_too_many", limit=MAX_ZIP_MEMBERS)
        total = 0
        for member in members:
            name = member.filename
            parts = Path(name.replace("\\", "/")).parts
            if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":") or ".." in parts:
                raise ImportRefusedError(reason="zip_unsafe_path", name=name[:80])
            if stat.S_ISLNK(member.external_attr >> 16):
                raise ImportRefusedError(reason="zip_symlink", name=name[:80])
            total += member.file_size
            if member.file_size > MAX_IMPORT_BYTES or total > MAX_IMPORT_BYTES:
                raise ImportRefusedError(reason="too_large", limit=MAX_IMPORT_BYTES // 1024**2)
            if member.compress_size and member.file_size / member.compress_size > MAX_ZIP_RATIO:
                raise ImportRefusedError(reason="zip_bomb", name=name[:80])
        return [m for m in members if not m.is_dir()]


def zip_member_chunks(path: Path, member: zipfile.ZipInfo) -> Iterator[bytes]:
    """A member's content, streamed, and cut off at its declared size (a lying header gains nothing)."""
    with zipfile.ZipFile(path) as archive, archive.open(member) as handle:
        remaining = member.file_size
        while remaining > 0 and (chunk := handle.read(min(READ_CHUNK, remaining))):
            remaining -= len(chunk)
            yield chunk
