"""Spreadsheets as other systems export them, made with openpyxl."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook


def workbook_with_formula(path: Path, cached: bool) -> Path:
    """A sheet with a formula; `cached` writes the result Excel would have stored beside it."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Bestellingen"
    sheet.append(["order", "bedrag", "btw"])
    sheet.append(["A-1001", 100, "=B2*0.21"])
    book.save(path)
    if cached:
        # openpyxl cannot compute formulas; write the stored value into the XML as Excel does.
        import zipfile

        with zipfile.ZipFile(path) as source:
            parts = {name: source.read(name) for name in source.namelist()}
        sheet_xml = parts["xl/worksheets/sheet1.xml"].decode()
        parts["xl/worksheets/sheet1.xml"] = (
            sheet_xml.replace("<f>B2*0.21</f><v></v>", "<f>B2*0.21</f><v>21</v>")
            .replace("<f>B2*0.21</f>", "<f>B2*0.21</f><v>21</v>")
            .encode()
        )
        with zipfile.ZipFile(path, "w") as target:
            for name, data in parts.items():
                target.writestr(name, data)
    return path
