"""Large data items live in encrypted files beside the case file: encrypted at rest, tied to their row and
the audit log, atomic, cleaned up after a failure, and gone with the case."""

from __future__ import annotations

import hashlib
import os
import shutil

import pytest

from dsr_desk.errors import CaseFileCorruptError, ItemTooLargeError
from dsr_desk.store.attachment_files import CHUNK, TAG
from tests.support.cases import make_case
from tests.support.raw_db import raw_connection

MB = 1024 * 1024


@pytest.fixture
def scan(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"%PDF-1.4\n" + os.urandom(2 * MB + 123))
    return path


def _add(desk, reference, path):
    with desk.open_case(reference) as case:
        (item,), _ = case.add_data_file(path, system="Mailbox", category="Bijlagen")
    return item


def _content(desk, reference, item_id):
    with desk.open_case(reference) as case:
        return b"".join(case.item_chunks(item_id))


def test_a_large_attachment_is_an_encrypted_file_beside_the_case_and_reads_back_whole(desk, scan):
    reference = make_case(desk).reference
    item = _add(desk, reference, scan)
    (stored,) = desk.paths.case_attachments(reference).glob("*.dsrblob")
    raw = stored.read_bytes()
    assert scan.read_bytes()[:4096] not in raw and b"%PDF" not in raw  # encrypted at rest
    assert len(raw) == 32 + 3 * TAG + scan.stat().st_size  # one tag per 1 MiB chunk, nothing else
    assert _content(desk, reference, item.id) == scan.read_bytes()
    with desk.open_case(reference) as case:
        added = [e for e in case.events() if e.action == "data.added"][-1]
        assert case.verify_audit().ok
    assert added.details["sha256"] == hashlib.sha256(scan.read_bytes()).hexdigest() == item.sha256
    if os.name == "posix":
        assert stored.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("damage", ["flip", "swap", "cut", "other_case"])
def test_a_changed_cut_or_moved_attachment_file_is_refused_never_read_as_other_content(
    desk, scan, tmp_path, damage
):
    reference, other = make_case(desk).reference, make_case(desk).reference
    item = _add(desk, reference, scan)
    (stored,) = desk.paths.case_attachments(reference).glob("*.dsrblob")
    data = bytearray(stored.read_bytes())
    if damage == "flip":
        data[32 + CHUNK + 100] ^= 1
    elif damage == "swap":  # the first two chunks in each other's place
        first, second = slice(32, 32 + CHUNK + TAG), slice(32 + CHUNK + TAG, 32 + 2 * (CHUNK + TAG))
        data[first], data[second] = data[second], data[first]
    elif damage == "cut":
        del data[32 + 2 * (CHUNK + TAG) :]
    else:  # the same file id, copied under another case's name: its key is not this case's
        _add(desk, other, scan)
        (foreign,) = desk.paths.case_attachments(other).glob("*.dsrblob")
        data = bytearray(foreign.read_bytes())
        data[8:24] = bytes.fromhex(stored.name.split(".")[0])
    stored.write_bytes(bytes(data))
    with pytest.raises(CaseFileCorruptError):
        _content(desk, reference, item.id)


def test_small_items_stay_inside_the_case_file(desk, tmp_path):
    reference = make_case(desk).reference
    small = tmp_path / "brief.pdf"
    small.write_bytes(b"%PDF-1.4 small\n")
    _add(desk, reference, small)
    assert not desk.paths.case_attachments(reference).exists()


def test_a_refused_import_leaves_no_file_and_an_abandoned_one_is_swept_by_the_next_write(desk, scan):
    reference = make_case(desk).reference
    folder = desk.paths.case_attachments(reference)
    with desk.open_case(reference) as case, pytest.raises(ItemTooLargeError):
        case._items.add(**_fields(scan, max_bytes=MB + 1))
    assert not list(folder.iterdir())  # the temp file went with the refusal
    # What a process killed between writing its file and committing leaves behind:
    (folder / "0123456789abcdef0123456789abcdef.dsrblob").write_bytes(b"x" * 64)
    (folder / ".fedcba9876543210fedcba9876543210.tmp").write_bytes(b"x" * 64)
    item = _add(desk, reference, scan)
    assert [p.name for p in folder.iterdir()] == [f"{_file_id(desk, reference, item.id)}.dsrblob"]


def test_an_item_removed_takes_its_file_and_a_destroyed_case_its_folder(desk, scan):
    reference = make_case(desk).reference
    first, second = _add(desk, reference, scan), _add(desk, reference, scan)
    folder = desk.paths.case_attachments(reference)
    with desk.open_case(reference) as case:
        case.remove_item(first.id, reason="dubbel")
    assert [p.stem for p in folder.iterdir()] == [_file_id(desk, reference, second.id)]
    desk.destroy_case(reference, reason="bewaartermijn verstreken")
    assert not folder.exists()


def test_reconcile_removes_the_attachments_of_a_case_that_is_gone(desk, keychain, scan, tmp_path):
    from dsr_desk.desk import Desk

    reference = make_case(desk).reference
    _add(desk, reference, scan)
    folder = desk.paths.case_attachments(reference)
    kept = tmp_path / "kept"
    shutil.copytree(folder, kept)
    desk.destroy_case(reference, reason="bewaartermijn verstreken")
    shutil.copytree(kept, folder)  # as if the removal had been cut short
    Desk.open(desk.paths.root, keychain=keychain).close()
    assert not folder.exists()


def test_an_item_of_an_earlier_release_kept_in_chunks_inside_the_case_file_still_reads(desk, tmp_path):
    reference = make_case(desk).reference
    small = tmp_path / "brief.pdf"
    small.write_bytes(b"%PDF-1.4 ")
    item = _add(desk, reference, small)
    more = os.urandom(CHUNK)
    connection = raw_connection(desk.paths.case_file(reference), desk.case_key(reference))
    connection.execute("INSERT INTO item_chunks VALUES (?, 1, ?)", (item.id, more))
    whole = small.read_bytes() + more
    connection.execute(
        "UPDATE data_items SET size = ?, sha256 = ? WHERE id = ?",
        (len(whole), hashlib.sha256(whole).hexdigest(), item.id),
    )
    connection.close()
    assert _content(desk, reference, item.id) == whole


def _fields(path, max_bytes):
    import datetime as dt

    return {
        "at": dt.datetime.now(dt.UTC),
        "actor": "test",
        "system": "Mailbox",
        "category": "Bijlagen",
        "title": path.name,
        "kind": "file",
        "source_format": "pdf",
        "chunks": [path.read_bytes()],
        "included": True,
        "provided": False,
        "records": None,
        "note": "",
        "max_bytes": max_bytes,
    }


def _file_id(desk, reference, item_id):
    connection = raw_connection(desk.paths.case_file(reference), desk.case_key(reference))
    (file_id,) = connection.execute("SELECT file FROM data_items WHERE id = ?", (item_id,)).fetchone()
    connection.close()
    return file_id
