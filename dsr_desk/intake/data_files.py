"""Reading files that other systems export (CSV, JSON, XLSX, text; PDFs and images as attachments), and
ZIPs of them, safely: size limits, no path tricks, spreadsheets as values, CSV in another encoding noticed."""

from __future__ import annotations

import csv
import io
import os
import zipfile
from collections.abc import Iterator
from pathlib import Path

from dsr_desk.errors import ImportRefusedError
from dsr_desk.intake.zip_files import MAX_IMPORT_BYTES, MAX_ZIP_RATIO, READ_CHUNK
from dsr_desk.rules.data_values import ImportedData
from dsr_desk.store import strict_json

MAX_STRUCTURED_BYTES = 50 * 1024**2  # rows are read from smaller files only; larger ones are kept as files
MAX_ROWS = 100_000  # more rows than this are kept as the file only: a table, not rows in data.json
MAX_SHEET_XML = 200 * 1024**2  # an XLSX whose sheets unpack to more is kept as the file only

_FORMATS = {
    ".csv": "csv",
    ".tsv": "csv",
    ".json": "json",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".txt": "text",
    ".eml": "other",  # encoded mail (quoted-printable, base64): as text it would slip past redactions
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
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(READ_CHUNK):
                yield chunk
    except OSError as exc:  # a USB stick pulled out, a network drive gone
        detail = exc.strerror or type(exc).__name__
        raise ImportRefusedError(reason="unreadable", name=path.name, detail=detail) from None


def read_structured(fmt: str, data: bytes) -> ImportedData:
    """Rows for CSV, JSON and spreadsheets; text for text files; nothing for other formats.

    A file that cannot be read as rows is still kept, as the file, with a warning for the handler.
    """
    if fmt == "csv":
        text, warnings = decode_text(data)
        try:
            rows = _csv_rows(text)
        except csv.Error:
            return ImportedData(fmt, warnings=(*warnings, "table_unreadable"))
        if len(rows) > MAX_ROWS:
            return ImportedData(fmt, warnings=(*warnings, "too_many_rows"))
        return ImportedData(fmt, records=rows, warnings=warnings)
    if fmt == "json":
        text, warnings = decode_text(data)
        try:
            # Limits too: NaN or a 5,000-digit number would make the person's data.json invalid or fail.
            value = strict_json.loads(text)
        except ValueError:
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

    if _unpacked_size(data) > MAX_SHEET_XML:
        return ImportedData("xlsx", warnings=("too_many_rows",))
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
            if len(records) > MAX_ROWS:
                values.close()
                formulas.close()
                return ImportedData("xlsx", warnings=("too_many_rows",))
    values.close()
    formulas.close()
    return ImportedData("xlsx", records=records, warnings=tuple(sorted(warnings)))


def _plain(value: object) -> object:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)  # dates and times as written


def _unpacked_size(data: bytes) -> int:
    """What an XLSX (a ZIP) unpacks to, judged from its directory, before openpyxl unpacks anything."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            infos = book.infolist()
    except zipfile.BadZipFile:
        return 0  # not a ZIP at all: openpyxl says so in its own words
    if any(i.compress_size and i.file_size / i.compress_size > MAX_ZIP_RATIO for i in infos):
        return MAX_SHEET_XML + 1
    return sum(i.file_size for i in infos)
