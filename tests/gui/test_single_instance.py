"""A second start for the same workspace brings the running window to the front instead of opening twice."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from dsr_desk.gui.single_instance import SingleInstance

ROOT = Path(__file__).resolve().parents[2]


def test_the_second_start_knocks_and_the_first_comes_forward(qtbot, passphrase_desk, workspace_dir):
    first = SingleInstance(workspace_dir)
    assert first.claim()
    second = SingleInstance(workspace_dir)
    with qtbot.waitSignal(first.activated, timeout=5000):
        assert not second.claim()
    first.release()
    third = SingleInstance(workspace_dir)  # the first window closed: the next start is the window
    assert third.claim()
    third.release()


def test_a_second_process_exits_at_once_while_the_window_runs(passphrase_desk, workspace_dir, tmp_path):
    passphrase_desk.close()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("DSR_DESK_")},
        "QT_QPA_PLATFORM": "offscreen",
        "TMPDIR": str(tmp_path),
        "PYTHONPATH": str(ROOT),
    }
    command = [sys.executable, "-m", "dsr_desk", "--workspace", str(workspace_dir)]
    # The first start waits at its unlock dialog (a passphrase workspace), holding the workspace's window.
    window = subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        # The first start has claimed the workspace once its window lock exists (it starts in ~1 s).
        locks = workspace_dir / "locks"
        deadline = time.monotonic() + 60
        while not any(p.name.startswith("window-") for p in locks.iterdir()):
            assert window.poll() is None and time.monotonic() < deadline, window.stderr.read()
            time.sleep(0.05)
        second = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
        assert second.returncode == 0, second.stderr
        assert "al geopend" in second.stderr and str(workspace_dir) in second.stderr
        assert window.poll() is None, "the running window must stay"
    finally:
        window.terminate()
        window.wait(timeout=30)
        window.stderr.close()
