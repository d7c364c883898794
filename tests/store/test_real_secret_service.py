"""One test against a real keychain: GNOME Keyring's Secret Service on a private D-Bus session.

Everything else uses an in-memory keyring; this one proves the real `keyring` path works end to end, across
processes, without touching the developer's own keychain (the session and its keyring are throwaway).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
set -e
echo -n throwaway | gnome-keyring-daemon --unlock --components=secrets >/dev/null
export PYTHON_KEYRING_BACKEND=keyring.backends.SecretService.Keyring
"$PY" -m dsr_desk --workspace "$WS" init --org "Bakkerij De Vries" --handler "Petra Jansen"
"$PY" -m dsr_desk --workspace "$WS" case new --name "Jan Jansen" --email jan@example.nl \
    --received 2026-11-02 --type access
"$PY" -m dsr_desk --workspace "$WS" case list --json
"""


@pytest.mark.skipif(
    not (shutil.which("gnome-keyring-daemon") and shutil.which("dbus-run-session")),
    reason="needs gnome-keyring and dbus-run-session (installed by make test's set-up on Debian)",
)
def test_a_workspace_kept_in_a_real_secret_service_opens_in_a_new_process(tmp_path):
    workspace = tmp_path / "ws"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DSR_DESK_", "DBUS_", "PYTHON_KEYRING"))}
    env.update(PY=sys.executable, WS=str(workspace), HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path / "data"))
    result = subprocess.run(
        ["dbus-run-session", "--", "sh", "-c", SCRIPT],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "DSR-2026-0001" in lines
    listed = json.loads("\n".join(lines[lines.index("DSR-2026-0001") + 1 :]))
    assert [case["name"] for case in listed] == ["Jan Jansen"]
    keyfile = json.loads((workspace / "keyfile.json").read_text())
    [handler] = keyfile["handlers"]
    assert handler["storage"] == "keychain" and "passphrase" not in handler
