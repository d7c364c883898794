"""Backups: one encrypted file that restores the workspace whole, or nothing at all."""

from __future__ import annotations

import os
import shutil
import zipfile

import pytest

from dsr_desk.cli import main
from dsr_desk.desk import Desk
from dsr_desk.desk.demo import fill_with_demo_cases
from dsr_desk.errors import BackupDamagedError, BackupInsideWorkspaceError, RestoreTargetExistsError
from dsr_desk.store.backup_file import verify_backup
from dsr_desk.store.backup_restore import restore_backup
from dsr_desk.store.keychain import Keychain
from tests.conftest import PASSPHRASE, FixedClock
from tests.support.cases import make_case
from tests.support.memory_keyring import MemoryKeyring


def _state(desk: Desk) -> dict:
    """Everything a restore must bring back: each case, its letters and data items, its audit chain."""
    state = {}
    for summary in desk.list_cases():
        with desk.open_case(summary.reference) as case:
            assert case.verify_audit().ok
            state[summary.reference] = {
                "record": case.to_json(),
                "letters": [case.letter_pdf(letter.document_id) for letter in case.letters()],
                "items": [(item.title, case.item_content(item.id)) for item in case.items()],
                "chain": [event.hash for event in case.events()],
            }
    state["destroyed"] = [r.reference for r in desk.destruction_records()]
    return state


@pytest.fixture(scope="module")
def drilled(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("drill")
    desk, recovery_key = Desk.create(
        tmp_path / "ws",
        organisation="Bakkerij De Vries",
        handler="Petra Jansen",
        storage="keychain",
        keychain=Keychain(MemoryKeyring()),
        clock=FixedClock(),
    )
    fill_with_demo_cases(desk, 6)
    fingerprint = desk.fingerprint()
    kanarie = make_case(desk, name="Zwaantje Kanarie", email="kanarie@example.nl").reference
    with desk.open_case(kanarie) as case:  # over 1 MiB: an encrypted file beside the case file
        case.add_data_bytes("groot.bin", os.urandom(1_500_000), system="Webwinkel", category="Klantgegevens")
    desk.destroy_case(make_case(desk, name="Weg Ermee").reference, "test")
    backup = tmp_path / "elders" / "ws.dsrbackup"
    backup.parent.mkdir()
    manifest = desk.write_backup(backup)
    before = _state(desk)
    before["fingerprint"] = fingerprint
    desk.close()
    return backup, recovery_key, before, manifest


def test_restore_drill_back_up_destroy_restore_unlock_with_the_recovery_key(tmp_path, drilled, clock):
    backup, recovery_key, before, manifest = drilled
    shutil.rmtree(backup.parent.parent / "ws")  # the laptop died
    assert main(["restore", str(backup), "--to", str(tmp_path / "terug")]) == 0
    restored = Desk.open_with_recovery_key(
        tmp_path / "terug", recovery_key, storage="passphrase", passphrase=PASSPHRASE, clock=clock
    )
    with restored:
        assert {**_state(restored), "fingerprint": restored.fingerprint()} == before
    assert len(before) == 9 and any(f["name"].endswith(".dsrkey") for f in manifest["files"])
    assert any(f["name"].endswith(".dsrblob") for f in manifest["files"])


def test_the_backup_holds_no_plaintext(drilled):
    backup, *_ = drilled
    data = backup.read_bytes()
    for needle in (b"SQLite format 3", b"Kanarie", b"kanarie@example", b"Weg Ermee"):
        assert needle not in data
    with zipfile.ZipFile(backup) as archive:
        assert {i.filename for i in archive.infolist()} >= {"manifest.json", "workspace/keyfile.json"}


def _rewritten(source, target, change):
    """The backup with one member's bytes changed by `change`, everything else (manifest too) as it was."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            new.writestr(info, change(info.filename, old.read(info)))
        new.comment = old.comment
    return target


def _flip(name, data):
    if name.endswith(".dsrcase") and "0002" in name:
        return data[:5000] + bytes([data[5000] ^ 1]) + data[5001:]
    return data


def _swap(case_files):
    return lambda name, data: case_files[1] if name.endswith("0001.dsrcase") else data


def test_tampered_backups_are_found_and_restore_nothing(tmp_path, drilled):
    backup, *_ = drilled
    with zipfile.ZipFile(backup) as archive:
        cases = [archive.read(n) for n in sorted(archive.namelist()) if n.endswith(".dsrcase")]
    truncated = tmp_path / "kort.dsrbackup"
    truncated.write_bytes(backup.read_bytes()[: backup.stat().st_size // 2])
    flipped = bytearray(backup.read_bytes())
    flipped[len(flipped) // 3] ^= 0x40
    (tmp_path / "raw.dsrbackup").write_bytes(bytes(flipped))
    damaged = [
        truncated,
        tmp_path / "raw.dsrbackup",
        _rewritten(backup, tmp_path / "flip.dsrbackup", _flip),
        _rewritten(backup, tmp_path / "swap.dsrbackup", _swap(cases)),
    ]
    for bad in damaged:
        assert not verify_backup(bad).ok, bad.name
        assert main(["backup", "--verify", str(bad)]) == 1
        assert main(["restore", str(bad), "--to", str(tmp_path / "terug")]) == 2, bad.name
        assert not (tmp_path / "terug").exists()
        assert not [p for p in tmp_path.iterdir() if p.name.startswith(".terug")]
    assert main(["backup", "--verify", str(backup)]) == 0
    assert main(["backup", "--verify", str(tmp_path / "nergens.dsrbackup")]) == 2


def test_restore_never_overwrites_and_backup_never_goes_into_the_workspace(tmp_path, drilled, desk):
    backup, *_ = drilled
    occupied = tmp_path / "bezet"
    occupied.mkdir()
    (occupied / "keyfile.json").write_text("{}")
    with pytest.raises(RestoreTargetExistsError):
        restore_backup(backup, occupied)
    assert (occupied / "keyfile.json").read_text() == "{}"
    empty = tmp_path / "leeg"
    empty.mkdir()
    restore_backup(backup, empty)  # an empty folder made for it is fine
    assert (empty / "index.dsrdb").exists() and (empty / "locks").is_dir()
    with pytest.raises(BackupInsideWorkspaceError):
        desk.write_backup(desk.paths.backups / "hier.dsrbackup")
    assert not list(desk.paths.backups.iterdir())


def test_a_damaged_manifest_refuses_with_a_reason(tmp_path, drilled):
    backup, *_ = drilled
    edited = _rewritten(
        backup,
        tmp_path / "m.dsrbackup",
        lambda n, d: d.replace(b'"as_is"', b'"as_si"') if n == "manifest.json" else d,
    )
    with pytest.raises(BackupDamagedError) as refused:
        restore_backup(edited, tmp_path / "terug")
    assert "inhoudsopgave" in refused.value.message("nl")
