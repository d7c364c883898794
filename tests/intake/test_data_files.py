"""Files other systems export: read safely, values not formulas, another encoding noticed, tricks refused."""

from __future__ import annotations

import stat
import zipfile

import pytest

from dsr_desk.errors import ImportRefusedError
from dsr_desk.intake import data_files
from dsr_desk.intake.data_files import checked_size, decode_text, read_structured
from dsr_desk.intake.zip_files import zip_members
from tests.support.xlsx import workbook_with_formula


def test_a_windows_1252_csv_is_read_correctly_and_the_handler_is_told():
    data = "naam;plaats\nZoë Müller;Den Haag\nJosé;Café\n".encode("cp1252")
    imported = read_structured("csv", data)
    assert imported.records == [
        {"naam": "Zoë Müller", "plaats": "Den Haag"},
        {"naam": "José", "plaats": "Café"},
    ]
    assert imported.warnings == ("encoding_cp1252",)


def test_utf8_with_a_byte_order_mark_is_plain_utf8():
    assert decode_text("\ufeffnaam\nZoë".encode()) == ("naam\nZoë", ())


def test_a_comma_separated_csv():
    assert read_structured("csv", b"a,b\n1,2\n").records == [{"a": "1", "b": "2"}]


def test_json_rows_and_json_that_is_not_rows():
    assert read_structured("json", b'[{"a": 1}, {"a": 2}]').records == [{"a": 1}, {"a": 2}]
    assert read_structured("json", b'"just text"').text == '"just text"'
    assert read_structured("json", b"{broken").warnings == ("json_invalid",)


def test_a_spreadsheet_with_formulas_comes_in_as_values(tmp_path):
    path = workbook_with_formula(tmp_path / "orders.xlsx", cached=True)
    imported = read_structured("xlsx", path.read_bytes())
    assert imported.records == [{"_sheet": "Bestellingen", "order": "A-1001", "bedrag": 100, "btw": 21}]
    assert "formulas_as_values" in imported.warnings
    assert not any(str(v).startswith("=") for row in imported.records for v in row.values())


def test_a_formula_never_calculated_is_empty_and_the_handler_is_told(tmp_path):
    path = workbook_with_formula(tmp_path / "orders.xlsx", cached=False)
    imported = read_structured("xlsx", path.read_bytes())
    assert imported.records[0]["btw"] is None and "formula_without_value" in imported.warnings


def test_a_damaged_spreadsheet_is_refused_clearly():
    with pytest.raises(ImportRefusedError) as raised:
        read_structured("xlsx", b"PK\x03\x04 not really")
    assert "opnieuw op als .xlsx" in raised.value.message("nl")
    assert "BadZipFile" not in raised.value.message("nl") and "(" not in raised.value.message("nl")


def _zip(path, members):
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members:
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize("name", ["../../etc/cron.d/evil", "/etc/passwd", "C:/Windows/evil.dll", "a/../../b"])
def test_zip_members_that_climb_out_are_refused(tmp_path, name):
    path = _zip(tmp_path / "export.zip", [("ok.csv", b"a\n1\n"), (name, b"x")])
    with pytest.raises(ImportRefusedError) as raised:
        zip_members(path)
    assert raised.value.fields["reason"] == "zip_unsafe_path"


def test_a_symlink_in_a_zip_is_refused(tmp_path):
    path = tmp_path / "links.zip"
    with zipfile.ZipFile(path, "w") as archive:
        info = zipfile.ZipInfo("link")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(info, "/etc/passwd")
    with pytest.raises(ImportRefusedError) as raised:
        zip_members(path)
    assert raised.value.fields["reason"] == "zip_symlink"


def test_a_zip_bomb_is_refused(tmp_path):
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("zeros.txt", b"\0" * (50 * 1024 * 1024))
    with pytest.raises(ImportRefusedError) as raised:
        zip_members(path)
    assert raised.value.fields["reason"] == "zip_bomb"


def test_an_oversized_file_is_refused_with_the_limit(tmp_path, monkeypatch):
    big = tmp_path / "big.bin"
    with open(big, "wb") as handle:
        handle.truncate(3 * 1024**3)  # sparse: 3 GB on paper, nothing on disk
    with pytest.raises(ImportRefusedError) as raised:
        checked_size(big)
    assert "2048 MB" in raised.value.message("nl")
    assert data_files.MAX_IMPORT_BYTES == 2 * 1024**3


def test_an_encrypted_zip_member_is_refused_with_its_name(tmp_path):
    import pyzipper

    path = tmp_path / "geheim.zip"
    with pyzipper.AESZipFile(path, "w", encryption=pyzipper.WZ_AES) as archive:
        archive.setpassword(b"wachtwoord")
        archive.writestr("klanten.csv", "naam\nJan\n")
    with pytest.raises(ImportRefusedError) as refused:
        zip_members(path)
    assert "klanten.csv" in refused.value.message() and "wachtwoord" in refused.value.message()


def test_a_damaged_zip_is_refused_before_anything_is_read_as_data(tmp_path):
    path = tmp_path / "kapot.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as archive:
        archive.writestr("a.txt", "eerste bestand " * 100)
        archive.writestr("b.txt", "tweede bestand " * 100)
    data = bytearray(path.read_bytes())
    data[data.index(b"tweede") + 5] ^= 0xFF  # a flipped byte inside b.txt: its CRC no longer matches
    path.write_bytes(bytes(data))
    with pytest.raises(ImportRefusedError) as refused:
        zip_members(path)
    assert "b.txt" in refused.value.message()


def test_a_csv_that_is_not_a_table_is_kept_as_a_file_with_a_warning():
    huge_field = b'naam\n"' + b"x" * (200 * 1024) + b'"\n'  # over the csv module's field limit
    imported = read_structured("csv", huge_field)
    assert imported.records is None and "table_unreadable" in imported.warnings


def test_deeply_nested_json_is_text_not_a_crash():
    assert read_structured("json", b"[" * 100_000 + b"]" * 100_000).warnings == ("json_invalid",)


def test_a_spreadsheet_that_unpacks_to_a_flood_of_rows_is_kept_as_the_file(tmp_path):
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Rijen")
    for n in range(data_files.MAX_ROWS + 10):
        sheet.append([n])
    path = tmp_path / "veel.xlsx"
    book.save(path)
    imported = read_structured("xlsx", path.read_bytes())
    assert imported.records is None and imported.warnings == ("too_many_rows",)
