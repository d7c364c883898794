"""An export stopped half-way leaves nothing behind: a stop request (SIGTERM) removes its temp file at once,
and what a SIGKILL leaves is removed by the next desk that opens the workspace (issue 10, item 4)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from dsr_desk.desk import Desk
from tests.conftest import PASSPHRASE
from tests.support.cases import make_case

MEMBERS, MEMBER_BYTES = 24, 1024 * 1024


@pytest.fixture
def big_case(workspace_dir, tmp_path):
    desk, _ = Desk.create(
        workspace_dir, organisation="Kill test", storage="passphrase", passphrase=PASSPHRASE
    )
    reference = make_case(desk).reference
    bundle = tmp_path / "export-crm.zip"
    with zipfile.ZipFile(bundle, "w", zipfile.ZIP_STORED) as archive:
        for number in range(MEMBERS):
            archive.writestr(f"scan-{number:02d}.bin", os.urandom(MEMBER_BYTES))
    with desk.open_case(reference) as case:
        case.add_data_file(bundle, system="CRM", category="Scans")
    desk.close()
    return reference


def _export_until_half_written(workspace_dir: Path, reference: str, out: Path, tmp_path: Path, target=None):
    env = {**os.environ, "DSR_DESK_PASSPHRASE": PASSPHRASE, "TMPDIR": str(tmp_path)}
    env["PYTHONPATH"] = str(Path(__file__).parents[2])
    child = subprocess.Popen(
        [sys.executable, "-m", "dsr_desk", "--workspace", str(workspace_dir), "export", reference,
         "-o", target or str(out / "export.zip")],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=out,
    )  # fmt: skip
    while child.poll() is None:
        temps = [p for p in out.glob(".export.zip.*.tmp") if p.stat().st_size > MEMBER_BYTES]
        if temps:
            return child, temps[0]
        time.sleep(0.002)  # polling a file another process writes; not waiting for a fixed time
    pytest.fail(f"the export finished before it could be stopped: {child.stderr.read()!r}")


def _records(workspace_dir: Path) -> list[Path]:
    return list((workspace_dir / "locks").glob("outputs-*"))


def test_a_stop_request_removes_the_half_written_export_at_once(workspace_dir, tmp_path, big_case):
    out = tmp_path / "out"
    out.mkdir()
    child, temp = _export_until_half_written(workspace_dir, big_case, out, tmp_path)
    child.send_signal(signal.SIGTERM)
    _, stderr = child.communicate(timeout=30)
    assert child.returncode == 128 + signal.SIGTERM, stderr
    assert not temp.exists() and list(out.iterdir()) == []
    assert _records(workspace_dir) == []


def test_what_a_killed_export_leaves_is_removed_at_the_next_start(workspace_dir, tmp_path, big_case):
    out = tmp_path / "out"
    out.mkdir()
    # Written to a path relative to its own folder; the next desk opens from another.
    child, temp = _export_until_half_written(workspace_dir, big_case, out, tmp_path, "export.zip")
    child.send_signal(signal.SIGKILL)
    child.communicate()
    assert temp.exists()  # the person's files in plain bytes, in a folder nobody looks at
    (record,) = _records(workspace_dir)
    assert str(out) not in record.read_text()  # the record is encrypted: it names no folder or person
    (out / "mine.zip").write_bytes(b"a file of the user's own")
    with Desk.open(workspace_dir, passphrase=PASSPHRASE) as desk:
        assert desk.reconcile_report.outputs_removed == 1
    assert [p.name for p in out.iterdir()] == ["mine.zip"]
    assert _records(workspace_dir) == []
