"""Killing the app during a write loses at most the change in flight; every case file stays consistent."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from dsr_desk.desk import Desk
from dsr_desk.store.sqlcipher import integrity_problems, open_engine
from tests.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]
KILLS = 50


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_cases_survive_being_killed_mid_write(workspace_dir):
    Desk.create(workspace_dir, organisation="Kill test", storage="passphrase", passphrase=PASSPHRASE)[
        0
    ].close()
    rng = random.Random(20261122)
    env = {**os.environ, "DSR_DESK_PASSPHRASE": PASSPHRASE, "PYTHONPATH": str(ROOT)}
    committed: set[str] = set()
    for round_number in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.support.busy_writer", str(workspace_dir), str(round_number)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=ROOT,
        )
        assert child.stdout.readline().strip() == "open", child.stderr.read()
        # Let it run for a random number of committed changes, then kill it a random moment later.
        for _ in range(rng.randrange(0, 12)):
            line = child.stdout.readline().split()
            if line and line[0] == "created":
                committed.add(line[1])
        timer = threading.Timer(rng.uniform(0, 0.05), child.send_signal, [signal.SIGKILL])
        timer.start()
        child.wait()
        timer.join()
        child.stdout.close()
        child.stderr.close()

    with Desk.open(workspace_dir, passphrase=PASSPHRASE) as desk:
        on_disk = desk.paths.case_references_on_disk()
        listed = {case.reference for case in desk.list_cases()}
        assert committed <= on_disk, "a case reported as created was lost"
        assert listed == on_disk
        for reference in sorted(on_disk):
            engine = open_engine(desk.paths.case_file(reference), desk.case_key(reference))
            assert integrity_problems(engine) == [], reference
            engine.dispose()
            with desk.open_case(reference) as case:
                assert case.verify_audit().ok, reference
                case.record()
        assert not list(desk.paths.cases.glob(".*"))
    assert len(on_disk) >= KILLS // 2
