"""A damaged, tampered or foreign case file gives a typed error naming the case, and stays untouched."""

from __future__ import annotations

import hashlib
import os
import shutil

import pytest

from dsr_desk.desk import Desk
from dsr_desk.errors import CaseFileCorruptError, CaseKeyMissingError, WrongKeyError, WrongPassphraseError
from dsr_desk.rules.requests import CaseStatus
from tests.conftest import PASSPHRASE
from tests.support.cases import make_case


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def case_on_disk(desk, workspace_dir):
    summary = make_case(desk)
    with desk.open_case(summary.reference) as case:
        for i in range(20):
            case.add_note(f"Notitie {i}: " + "gegevens " * 50)
        case.set_status(CaseStatus.IN_PROGRESS)
    return summary.reference, workspace_dir / "cases" / f"{summary.reference}.dsrcase"


def _open_and_read(desk, reference):
    with desk.open_case(reference) as case:
        case.record()
        case.events()


@pytest.mark.parametrize("offset_fraction", [0.0, 0.01, 0.3, 0.6, 0.99])
def test_a_changed_byte_anywhere_is_detected(desk, case_on_disk, offset_fraction):
    reference, path = case_on_disk
    data = bytearray(path.read_bytes())
    offset = min(int(len(data) * offset_fraction), len(data) - 1)
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))
    before = _sha(path)
    with pytest.raises(CaseFileCorruptError) as raised:
        _open_and_read(desk, reference)
    assert reference in raised.value.message()
    assert _sha(path) == before


def test_a_truncated_file_is_detected(desk, case_on_disk):
    reference, path = case_on_disk
    data = path.read_bytes()
    for cut in (len(data) // 2, len(data) - 4096, 100):
        path.write_bytes(data[:cut])
        before = _sha(path)
        with pytest.raises(CaseFileCorruptError):
            _open_and_read(desk, reference)
        assert _sha(path) == before


def test_random_bytes_are_not_a_case_file(desk, case_on_disk):
    reference, path = case_on_disk
    path.write_bytes(os.urandom(8192))
    before = _sha(path)
    with pytest.raises(CaseFileCorruptError, match=reference):
        _open_and_read(desk, reference)
    assert _sha(path) == before


def test_a_plain_sqlite_file_is_not_a_case_file(desk, case_on_disk):
    import sqlite3

    reference, path = case_on_disk
    path.unlink()
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE case_record (x)")
    connection.commit()
    connection.close()
    before = _sha(path)
    with pytest.raises(CaseFileCorruptError):
        _open_and_read(desk, reference)
    assert _sha(path) == before


def test_another_cases_file_under_this_name_is_refused(desk, case_on_disk):
    reference, path = case_on_disk
    other = make_case(desk, name="Anna de Wit", email="anna@example.nl")
    other_path = path.with_name(f"{other.reference}.dsrcase")
    # Both the file and its key swapped in: the key unwraps only for its own reference.
    shutil.copyfile(other_path, path)
    shutil.copyfile(other_path.with_suffix(".dsrkey"), path.with_suffix(".dsrkey"))
    with pytest.raises(CaseKeyMissingError):
        _open_and_read(desk, reference)


def test_the_wrong_passphrase_reads_nothing_and_changes_nothing(passphrase_desk, workspace_dir):
    make_case(passphrase_desk)
    passphrase_desk.close()
    hashes = {p: _sha(p) for p in workspace_dir.rglob("*") if p.is_file()}
    with pytest.raises(WrongPassphraseError):
        Desk.open(workspace_dir, passphrase=PASSPHRASE + "x")
    assert {p: _sha(p) for p in workspace_dir.rglob("*") if p.is_file()} == hashes


def test_a_workspace_without_its_keychain_entry_is_unreadable(desk, workspace_dir, keychain):
    make_case(desk)
    desk.close()
    keychain.delete(desk.keyfile.workspace_id)
    with pytest.raises(WrongKeyError):
        Desk.open(workspace_dir, keychain=keychain)


def test_a_keychain_entry_of_another_workspace_is_refused(desk, workspace_dir, keychain):
    desk.close()
    keychain.store(desk.keyfile.workspace_id, os.urandom(32))
    with pytest.raises(WrongKeyError):
        Desk.open(workspace_dir, keychain=keychain)


def test_a_missing_case_key_file_is_named(desk, case_on_disk):
    reference, path = case_on_disk
    path.with_suffix(".dsrkey").unlink()
    with pytest.raises(CaseKeyMissingError, match=reference):
        _open_and_read(desk, reference)
