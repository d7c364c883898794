"""Nothing a handler types reaches the disk in readable form."""

from __future__ import annotations

import sqlite3

import pytest

from dsr_desk.rules.requests import CaseStatus, RequestType
from tests.support.cases import make_case

CANARY_NAME = "Canarius Zwavelgeel-Quetzal"
CANARY_EMAIL = "canary.q7x9@kanarie-test.example"
CANARY_NOTE = "kanarie-notitie-5f1e"


def _every_file(root):
    return [path for path in root.rglob("*") if path.is_file()]


def _encodings(text: str) -> list[bytes]:
    return [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be")]


def _assert_no_canary(root) -> None:
    for path in _every_file(root):
        data = path.read_bytes()
        for canary in (CANARY_NAME, CANARY_EMAIL, CANARY_NOTE, "Canarius", "kanarie-test"):
            for encoded in _encodings(canary):
                assert encoded not in data, f"{canary!r} readable in {path.name}"


def test_canary_never_reaches_disk_in_plain_text(desk, workspace_dir):
    summary = make_case(
        desk, name=CANARY_NAME, email=CANARY_EMAIL, notes=CANARY_NOTE, types=(RequestType.ERASURE,)
    )
    with desk.open_case(summary.reference) as case:
        case.add_note(CANARY_NOTE + " tweede")
        case.set_status(CaseStatus.IN_PROGRESS)
        # While the case file is open too (journal, temp files), not only after closing.
        _assert_no_canary(workspace_dir)
    _assert_no_canary(workspace_dir)
    assert len(_every_file(workspace_dir / "cases")) == 2  # the case file and its wrapped key


def test_databases_are_not_sqlite_files(desk, workspace_dir):
    make_case(desk, name=CANARY_NAME, email=CANARY_EMAIL)
    databases = [workspace_dir / "index.dsrdb", *(workspace_dir / "cases").glob("*.dsrcase")]
    assert len(databases) == 2
    for path in databases:
        assert not path.read_bytes().startswith(b"SQLite format 3")
        connection = sqlite3.connect(path)
        with pytest.raises(sqlite3.DatabaseError):
            connection.execute("SELECT * FROM sqlite_master").fetchall()
        connection.close()


def test_settings_and_key_files_hold_no_key_and_no_personal_data(desk, workspace_dir, keychain):
    make_case(desk, name=CANARY_NAME, email=CANARY_EMAIL)
    master = keychain.load(desk.keyfile.workspace_id)
    import base64

    for path in _every_file(workspace_dir):
        data = path.read_bytes()
        assert master not in data
        assert base64.b64encode(master) not in data
        assert master.hex().encode() not in data
