"""A ZIP import is whole or nothing, even when the process is killed half-way: the real command, a real
SIGKILL at several points while the case file grows, and the case read back afterwards."""

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
from dsr_desk.store.sqlcipher import integrity_problems, open_engine
from tests.conftest import PASSPHRASE
from tests.support.cases import make_case

MEMBERS = 30
MEMBER_BYTES = 1024 * 1024


@pytest.fixture
def import_setup(workspace_dir, tmp_path):
    desk, _ = Desk.create(
        workspace_dir, organisation="Kill test", storage="passphrase", passphrase=PASSPHRASE
    )
    reference = make_case(desk).reference
    desk.close()
    bundle = tmp_path / "export-crm.zip"
    with zipfile.ZipFile(bundle, "w", zipfile.ZIP_STORED) as archive:
        for number in range(MEMBERS):
            archive.writestr(f"scan-{number:02d}.bin", os.urandom(MEMBER_BYTES))
    return reference, bundle


def _start_import(workspace_dir: Path, reference: str, bundle: Path, tmp_path: Path) -> subprocess.Popen:
    env = {**os.environ, "DSR_DESK_PASSPHRASE": PASSPHRASE, "TMPDIR": str(tmp_path)}
    return subprocess.Popen(
        [sys.executable, "-m", "dsr_desk", "--workspace", str(workspace_dir), "data", "add", reference,
         "--system", "CRM", "--category", "Scans", "--file", str(bundle)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
    )  # fmt: skip


def _kill_when_grown(child: subprocess.Popen, case_file: Path, grown: int) -> bool:
    """SIGKILL once the case file holds `grown` more bytes (pages spilled mid-transaction); False when the
    import finished first."""
    start = case_file.stat().st_size
    while child.poll() is None:
        if case_file.stat().st_size - start >= grown:
            child.send_signal(signal.SIGKILL)
            child.wait()
            return True
        time.sleep(0.002)  # polling a file another process writes; not waiting for a fixed time
    return False


def _items(workspace_dir: Path, reference: str) -> int:
    with Desk.open(workspace_dir, passphrase=PASSPHRASE) as desk:
        engine = open_engine(desk.paths.case_file(reference), desk.case_key(reference))
        assert integrity_problems(engine) == []
        engine.dispose()
        with desk.open_case(reference) as case:
            assert case.verify_audit().ok
            return len(case.items())


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_a_zip_import_killed_at_any_point_keeps_all_members_or_none(workspace_dir, tmp_path, import_setup):
    reference, bundle = import_setup
    case_file = workspace_dir / "cases" / f"{reference}.dsrcase"
    killed = 0
    for grown_mib in (2, 8, 16, 24):
        child = _start_import(workspace_dir, reference, bundle, tmp_path)
        killed += _kill_when_grown(child, case_file, grown_mib * 1024 * 1024)
        child.stderr.close()
        assert _items(workspace_dir, reference) in (0, MEMBERS)
    assert killed >= 3  # most kills landed mid-import, not after it
    child = _start_import(workspace_dir, reference, bundle, tmp_path)
    assert child.wait(timeout=120) == 0, child.stderr.read()
    child.stderr.close()
    assert _items(workspace_dir, reference) in (MEMBERS, 2 * MEMBERS)
