"""A backup taken while another process writes as fast as it can restores to a consistent workspace."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from dsr_desk.desk import Desk
from dsr_desk.store.backup_restore import restore_backup
from tests.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]


def test_backups_during_concurrent_writes_restore_consistently(tmp_path, workspace_dir):
    Desk.create(workspace_dir, organisation="Drukte", storage="passphrase", passphrase=PASSPHRASE)[0].close()
    env = {**os.environ, "DSR_DESK_PASSPHRASE": PASSPHRASE, "PYTHONPATH": str(ROOT)}
    writer = subprocess.Popen(
        [sys.executable, "-m", "tests.support.busy_writer", str(workspace_dir), "7"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    backups = []
    try:
        assert writer.stdout.readline().strip() == "open", writer.stderr.read()
        with Desk.open(workspace_dir, passphrase=PASSPHRASE) as desk:
            for number in range(2):
                for _ in range(6):  # let it commit a few changes, then back up in the middle of the next
                    assert writer.stdout.readline(), writer.stderr.read()
                backups.append(tmp_path / f"b{number}.dsrbackup")
                desk.write_backup(backups[-1])
    finally:
        writer.kill()
        writer.communicate()
    counts = []
    for number, backup in enumerate(backups):
        target = tmp_path / f"terug{number}"
        restore_backup(backup, target)
        with Desk.open(target, passphrase=PASSPHRASE) as restored:
            listed = {case.reference for case in restored.list_cases()}
            assert listed == restored.paths.case_references_on_disk()
            for reference in sorted(listed):
                with restored.open_case(reference) as case:
                    assert case.verify_audit().ok, reference
        counts.append(len(listed))
    assert counts == sorted(counts) and counts[1] > counts[0] > 0
