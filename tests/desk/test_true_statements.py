"""What the product says about a failed write is true: 'nothing was changed' means the log holds no event
for the file that was not written, and an export that cannot be recorded does not stay behind."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys

import pytest

from dsr_desk.desk import Desk
from dsr_desk.desk.demo import demo_organisation
from dsr_desk.errors import DatabaseWriteFailedError, FileNotRecordedError, WriteFailedError
from tests.conftest import PASSPHRASE
from tests.support.cases import make_case
from tests.support.mounts import make_read_only, read_only_folder, tmpfs


def _archive_events(desk, reference) -> list:
    with desk.open_case(reference) as case:
        return [e for e in case.events() if e.action == "archive.created"]


def test_archiving_to_a_read_only_folder_says_nothing_changed_and_nothing_did(desk, tmp_path):
    reference = make_case(desk).reference
    with read_only_folder(tmp_path / "alleen-lezen") as folder:
        with desk.open_case(reference) as case, pytest.raises(WriteFailedError) as refused:
            case.write_archive(folder / "archief.zip")
        assert list(folder.iterdir()) == []
    assert "niets gewijzigd" in refused.value.message("nl")
    assert _archive_events(desk, reference) == []


def test_archiving_to_a_full_disk_says_nothing_changed_and_nothing_did(desk, tmp_path):
    reference = make_case(desk).reference
    with desk.open_case(reference) as case:
        case.add_note(secrets.token_hex(30_000))  # does not compress: the archive outgrows the disk
    with tmpfs(tmp_path / "vol", size="16k") as folder:
        with desk.open_case(reference) as case, pytest.raises(WriteFailedError) as refused:
            case.write_archive(folder / "archief.zip")
        assert list(folder.iterdir()) == []
    assert "No space left" in refused.value.message("nl")
    assert _archive_events(desk, reference) == []


@pytest.fixture
def read_only_workspace(tmp_path):
    """A workspace with one case holding data, then made read-only (a share mounted read-only, say)."""
    with tmpfs(tmp_path / "share") as share:
        root = share / "workspace"
        desk, _ = Desk.create(root, organisation="Bakkerij", storage="passphrase", passphrase=PASSPHRASE)
        demo_organisation(desk)  # complete enough for letters
        reference = make_case(desk).reference
        with desk.open_case(reference) as case:
            case.add_data_text("Jan belde over zijn bestelling.", system="Mailbox", category="Contact")
            events = len(case.events())
        desk.close()
        make_read_only(share)
        yield root, reference, events


def test_an_export_from_a_read_only_workspace_is_refused_and_leaves_no_file(read_only_workspace, tmp_path):
    root, reference, events = read_only_workspace
    target = tmp_path / "export.zip"
    env = {**os.environ, "DSR_DESK_PASSPHRASE": PASSPHRASE, "TMPDIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "dsr_desk", "--workspace", str(root), "export", reference, "-o", str(target)],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert "kon niet in het dossier worden vastgelegd" in result.stderr
    assert "de werkmap is alleen-lezen" in result.stderr and "weer verwijderd" in result.stderr
    assert not target.exists() and list(tmp_path.glob(".export*")) == []
    with Desk.open(root, passphrase=PASSPHRASE) as desk, desk.open_case(reference) as case:
        assert len(case.events()) == events


def test_a_letter_from_a_read_only_workspace_is_refused_and_leaves_no_file(read_only_workspace, tmp_path):
    root, reference, events = read_only_workspace
    target = tmp_path / "brief.pdf"
    env = {**os.environ, "DSR_DESK_PASSPHRASE": PASSPHRASE, "TMPDIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "dsr_desk", "--workspace", str(root), "letter", reference, "acknowledgement",
         "-o", str(target)],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert "De brief kon niet als verstuurd in het dossier worden vastgelegd" in result.stderr
    assert not target.exists()
    with Desk.open(root, passphrase=PASSPHRASE) as desk, desk.open_case(reference) as case:
        assert len(case.events()) == events


def test_an_archive_from_a_read_only_workspace_is_refused_and_leaves_no_file(read_only_workspace, tmp_path):
    root, reference, events = read_only_workspace
    with Desk.open(root, passphrase=PASSPHRASE) as desk, desk.open_case(reference) as case:
        with pytest.raises(DatabaseWriteFailedError) as refused:
            case.write_archive(tmp_path / "archief.zip")
        assert len(case.events()) == events
    assert (
        "kon niet worden bijgewerkt: de werkmap is alleen-lezen. Er is niets gewijzigd."
        in refused.value.message("nl")
    )
    assert not (tmp_path / "archief.zip").exists()


def test_the_refusal_of_an_unrecorded_export_names_the_cause_in_english_too(read_only_workspace, tmp_path):
    root, reference, _events = read_only_workspace
    with (
        Desk.open(root, passphrase=PASSPHRASE) as desk,
        desk.open_case(reference) as case,
        pytest.raises(FileNotRecordedError) as refused,
    ):
        case.export_data(tmp_path / "export.zip")
    assert "the workspace is read-only" in refused.value.message("en")
    assert not (tmp_path / "export.zip").exists()
