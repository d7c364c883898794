"""Data found, the export for the person, and the faults that must lose nothing."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from dsr_desk.desk.demo import demo_organisation
from dsr_desk.errors import ExportCancelledError, ImportRefusedError, ValidationError, WriteFailedError
from dsr_desk.rules.export_rules import ExportKind
from dsr_desk.rules.requests import RequestType
from tests.support.cases import make_case


@pytest.fixture
def case_with_data(desk, tmp_path):
    demo_organisation(desk)
    summary = make_case(desk, types=(RequestType.ACCESS, RequestType.PORTABILITY))
    csv_file = tmp_path / "klanten.csv"
    csv_file.write_text("naam;plaats\nJan Jansen;Utrecht\n", encoding="utf-8")
    photo = tmp_path / "foto.pdf"
    photo.write_bytes(b"%PDF-1.4 pretend scan\n%%EOF\n")
    with desk.open_case(summary.reference) as case:
        case.add_data_file(csv_file, system="Webwinkel", category="Klantgegevens", provided=True)
        case.add_data_file(photo, system="Mailbox", category="Bijlagen")
        case.add_data_text("Jan belde; collega Piet de Boer nam op.", system="Mailbox", category="Contact")
        excluded = case.add_data_text(
            "Interne notitie over een ander", system="CRM", category="Contact", included=False
        )
        contact = next(i for i in case.items() if i.category == "Contact" and i.included)
        case.set_item(contact.id, redactions=["Piet de Boer"])
        case.set_answers(register_entries=["klanten"])
    return desk, summary.reference, excluded.id


def _data_json(path: Path, password: str | None = None) -> dict:
    if password is None:
        with zipfile.ZipFile(path) as archive:
            return json.loads(archive.read("data.json"))
    import pyzipper

    with pyzipper.AESZipFile(path) as archive:
        archive.setpassword(password.encode())
        return json.loads(archive.read("data.json"))


def test_data_json_holds_every_included_item_and_no_excluded_one(case_with_data, tmp_path):
    desk, reference, excluded_id = case_with_data
    with desk.open_case(reference) as case:
        included = [i.id for i in case.items() if i.included]
        result = case.export_data(tmp_path / "export.zip")
    data = _data_json(result.path)
    assert sorted(item["id"] for item in data["items"]) == sorted(included)
    assert excluded_id not in [item["id"] for item in data["items"]]
    contact = next(item for item in data["items"] if item["category"] == "Contact")
    assert "Piet de Boer" not in json.dumps(data) and "[afgeschermd]" in contact["text"]
    with zipfile.ZipFile(result.path) as archive:
        names = set(archive.namelist())
        csv_text = archive.read("tabellen/Klantgegevens.csv").decode("utf-8-sig")
    assert {"data.json", "data.schema.json", "overview.pdf", "LEESMIJ.txt"} <= names
    assert any(name.startswith("files/") and name.endswith("klanten.csv") for name in names)
    assert "Jan Jansen" in csv_text and "Utrecht" in csv_text


def test_portability_holds_only_what_the_person_provided(case_with_data, tmp_path):
    desk, reference, _ = case_with_data
    with desk.open_case(reference) as case:
        result = case.export_data(tmp_path / "mee.zip", kind=ExportKind.PORTABILITY, lang="en")
    data = _data_json(result.path)
    assert [item["category"] for item in data["items"]] == ["Klantgegevens"] and data["kind"] == "portability"
    with zipfile.ZipFile(result.path) as archive:
        assert "README.txt" in archive.namelist() and "tables/Klantgegevens.csv" in archive.namelist()


def test_the_export_is_recorded_and_fills_the_cover_letter(case_with_data, tmp_path):
    desk, reference, _ = case_with_data
    with desk.open_case(reference) as case:
        result = case.export_data(tmp_path / "export.zip", password="een lang wachtwoord")
        event = next(e for e in reversed(case.events()) if e.action == "export.created")
        inputs = case.letter_inputs()
    assert event.details["sha256"] == result.sha256 and event.details["encrypted"] is True
    assert inputs.export_file == "export.zip" and inputs.export_encrypted


@pytest.mark.skipif(shutil.which("7z") is None, reason="7-Zip is not installed (make test installs it)")
def test_the_aes_zip_opens_with_7zip_and_the_wrong_password_fails(case_with_data, tmp_path):
    desk, reference, _ = case_with_data
    with desk.open_case(reference) as case:
        result = case.export_data(tmp_path / "export.zip", password="K7M4P-2QXRT-VW9AB-CD3EF")
    listing = subprocess.run(["7z", "l", "-slt", str(result.path)], capture_output=True, text=True).stdout
    assert "Method = AES-256" in listing
    out = tmp_path / "out"
    ok = subprocess.run(
        ["7z", "x", "-pK7M4P-2QXRT-VW9AB-CD3EF", f"-o{out}", str(result.path)], capture_output=True
    )
    assert (
        ok.returncode == 0
        and json.loads((out / "data.json").read_text())["request"]["reference"] == reference
    )
    wrong = subprocess.run(
        ["7z", "x", "-pwrong-password", f"-o{tmp_path / 'x'}", "-y", str(result.path)],
        capture_output=True,
        text=True,
    )
    assert wrong.returncode != 0 and "Wrong password" in wrong.stdout + wrong.stderr


def test_cancelling_leaves_no_partial_file_and_changes_nothing(case_with_data, tmp_path):
    desk, reference, _ = case_with_data
    with desk.open_case(reference) as case:
        before = len(case.events())
        with pytest.raises(ExportCancelledError):
            case.export_data(tmp_path / "export.zip", cancelled=lambda: True)
        assert len(case.events()) == before
    assert list(tmp_path.glob("*export*")) == [] and list(tmp_path.glob(".*")) == []


class _FullDisk:
    """A file that takes `room` bytes and then answers as a full disk does."""

    def __init__(self, handle, room: int) -> None:
        self._handle, self._room = handle, room

    def write(self, data) -> int:
        if len(data) > self._room:
            raise OSError(errno.ENOSPC, "No space left on device")
        self._room -= len(data)
        return self._handle.write(data)

    def __getattr__(self, name):
        return getattr(self._handle, name)


def test_a_full_disk_gives_a_clear_message_and_leaves_no_partial_zip(case_with_data, tmp_path, monkeypatch):
    import contextlib

    from dsr_desk.documents.export import package

    real = package.atomic_writer

    @contextlib.contextmanager
    def full_after(path, mode=0o600, **options):  # the disk fills 2 kB into the file
        with real(path, mode, **options) as handle:
            yield _FullDisk(handle, 2048)

    monkeypatch.setattr(package, "atomic_writer", full_after)
    desk, reference, _ = case_with_data
    with desk.open_case(reference) as case:
        before = len(case.events())
        with pytest.raises(WriteFailedError) as raised:
            case.export_data(tmp_path / "export.zip")
        assert len(case.events()) == before
    assert "No space left" in raised.value.message("nl") and "niets gewijzigd" in raised.value.message("nl")
    assert list(tmp_path.glob("*.zip")) == [] and list(tmp_path.glob(".*.tmp")) == []


def test_a_really_full_filesystem(case_with_data, tmp_path):
    mount = tmp_path / "small"
    mount.mkdir()
    if subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)], capture_output=True
    ).returncode:
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    try:
        desk, reference, _ = case_with_data
        scan = tmp_path / "scan.pdf"
        scan.write_bytes(b"%PDF-1.4\n" + os.urandom(256 * 1024))  # random: no compression makes it fit
        with desk.open_case(reference) as case:
            case.add_data_file(scan, system="Mailbox", category="Bijlagen")
            with pytest.raises(WriteFailedError) as failure:
                case.export_data(mount / "export.zip")
        assert "No space left" in str(failure.value) or "ENOSPC" in str(failure.value)
        assert list(mount.iterdir()) == []
    finally:
        subprocess.run(["umount", str(mount)], check=True)


def test_a_read_only_folder_gives_a_clear_message_and_changes_nothing(case_with_data, tmp_path):
    folder = tmp_path / "alleen-lezen"
    folder.mkdir()
    # root ignores permission bits, so there a read-only mount stands in for a read-only share
    as_root = os.geteuid() == 0
    if as_root:
        if subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "ro", "tmpfs", str(folder)], capture_output=True
        ).returncode:
            pytest.skip("cannot mount a read-only tmpfs here")
    else:
        folder.chmod(0o500)
    desk, reference, _ = case_with_data
    try:
        with desk.open_case(reference) as case:
            events = len(case.events())
            with pytest.raises(WriteFailedError) as failure:
                case.export_data(folder / "export.zip")
            assert len(case.events()) == events
        assert "alleen-lezen" in failure.value.message()
        assert list(folder.iterdir()) == []
    finally:
        if as_root:
            subprocess.run(["umount", str(folder)], check=True)
        else:
            folder.chmod(0o700)


def test_a_folder_that_is_not_there_is_a_clear_message(case_with_data, tmp_path):
    desk, reference, _ = case_with_data
    with desk.open_case(reference) as case, pytest.raises(WriteFailedError):
        case.export_data(tmp_path / "does-not-exist" / "export.zip")


def test_imports_are_checked(case_with_data, tmp_path):
    desk, reference, _ = case_with_data
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as archive:
        archive.writestr("../../outside.txt", "x")
    with desk.open_case(reference) as case:
        count = len(case.items())
        with pytest.raises(ImportRefusedError):
            case.add_data_file(evil, system="CRM", category="Klantgegevens")
        with pytest.raises(ValidationError):
            case.add_data_text("   ", system="CRM", category="Contact")
        assert len(case.items()) == count
    assert not (tmp_path.parent / "outside.txt").exists()


def test_searches_are_a_checklist_with_who_and_when(case_with_data, clock):
    desk, reference, _ = case_with_data
    with desk.open_case(reference) as case:
        case.record_search("Webwinkel", searched=True, found="1 klantrecord")
        clock.advance(hours=1)
        case.record_search("Boekhouding", searched=False, note="Geen toegang tot maandag")
        case.record_search("Webwinkel", searched=True, found="1 klantrecord, 3 bestellingen")
        searches = {s.system: s for s in case.searches()}
        assert set(case.systems()) >= {"Webwinkel", "Boekhouding", "Mailbox", "Mailchimp"}
    assert (
        searches["Webwinkel"].found == "1 klantrecord, 3 bestellingen"
        and searches["Webwinkel"].by == "Petra Jansen"
    )
    assert not searches["Boekhouding"].searched
    assert dt.datetime.fromisoformat(searches["Webwinkel"].at.replace("Z", "+00:00")) > dt.datetime(
        2026, 11, 20, tzinfo=dt.UTC
    )


def test_a_zip_comes_in_whole_or_not_at_all(case_with_data, tmp_path):
    desk, reference, _ = case_with_data
    bundle = tmp_path / "export-crm.zip"
    with zipfile.ZipFile(bundle, "w") as archive:
        archive.writestr("klanten.csv", "naam\nJan\n")
        archive.writestr("omzet.xlsx", b"PK\x03\x04 not really a spreadsheet")
    with desk.open_case(reference) as case:
        before, events = [i.id for i in case.items()], case.events()
        with pytest.raises(ImportRefusedError):
            case.add_data_file(bundle, system="CRM", category="Klantgegevens")
        # One transaction: not stored and removed again, but never stored, and nothing in the log.
        assert [i.id for i in case.items()] == before
        assert case.events() == events


def test_a_large_text_file_is_an_attachment_so_exports_keep_working(case_with_data, tmp_path):
    desk, reference, _ = case_with_data
    log = tmp_path / "chatlog.txt"
    log.write_bytes(b"regel\n" * (9 * 1024 * 1024))  # 54 MB: beyond what is read as text
    with desk.open_case(reference) as case:
        (item,), _ = case.add_data_file(log, system="Chat", category="Correspondentie")
        assert item.kind == "file"
        result = case.export_data(tmp_path / "export.zip")
    with zipfile.ZipFile(result.path) as archive:
        assert any(name.endswith("chatlog.txt") for name in archive.namelist())


def test_a_missing_chunk_stops_the_export_instead_of_sending_half_a_file(case_with_data, tmp_path):
    from dsr_desk.errors import CaseFileCorruptError
    from dsr_desk.store.attachment_files import CHUNK, TAG

    desk, reference, _ = case_with_data
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4\n" + os.urandom(3 * 1024 * 1024))
    with desk.open_case(reference) as case:
        case.add_data_file(scan, system="Mailbox", category="Bijlagen")
    (stored,) = desk.paths.case_attachments(reference).glob("*.dsrblob")
    with open(stored, "r+b") as handle:  # the last chunk gone: cut exactly at a chunk's end
        handle.truncate(32 + 3 * (CHUNK + TAG))
    with desk.open_case(reference) as case, pytest.raises(CaseFileCorruptError):
        case.export_data(tmp_path / "export.zip")
    assert not list(tmp_path.glob("*.zip")) and not list(tmp_path.glob(".*.tmp"))
