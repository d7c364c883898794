"""No secret on the command line: every local user can read a process's arguments (/proc/PID/cmdline).

The recovery key is asked for, or read from standard input; an option that would carry it is refused
with the reason; and no command has an option that takes a key, password or passphrase as its value.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from dsr_desk.cli.parser import build_parser
from dsr_desk.desk import Desk
from tests.conftest import PASSPHRASE

NEW_PASSPHRASE = "nieuwe lange wachtwoordzin"


def _env(passphrase: str | None, tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DSR_DESK_")}
    env["TMPDIR"] = str(tmp_path)
    if passphrase:
        env["DSR_DESK_PASSPHRASE"] = passphrase
    return env


@pytest.fixture
def lost_passphrase(workspace_dir):
    """A passphrase workspace whose passphrase is forgotten; the recovery sheet is all that is left."""
    desk, recovery_key = Desk.create(
        workspace_dir, organisation="Bakkerij De Vries", storage="passphrase", passphrase=PASSPHRASE
    )
    desk.close()
    return recovery_key


def _recover(workspace_dir, tmp_path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "dsr_desk", "--workspace", str(workspace_dir), "recover", *extra],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(NEW_PASSPHRASE, tmp_path),
    )


def test_the_recovery_key_comes_from_standard_input_and_is_never_in_the_arguments(
    workspace_dir, tmp_path, lost_passphrase
):
    process = _recover(workspace_dir, tmp_path)
    cmdline = Path(f"/proc/{process.pid}/cmdline")
    arguments = cmdline.read_bytes() if cmdline.exists() else b""  # Linux shows it to every user
    out, err = process.communicate(lost_passphrase + "\n", timeout=60)
    assert process.returncode == 0, err
    assert lost_passphrase.encode() not in arguments
    assert lost_passphrase not in out + err
    Desk.open(workspace_dir, passphrase=NEW_PASSPHRASE).close()


def test_a_recovery_key_given_as_an_argument_is_refused_and_nothing_changes(
    workspace_dir, tmp_path, lost_passphrase
):
    before = (workspace_dir / "keyfile.json").read_bytes()
    process = _recover(workspace_dir, tmp_path, "--recovery-key", lost_passphrase)
    _out, err = process.communicate("", timeout=60)
    assert process.returncode == 2
    assert "--recovery-key wordt niet aangenomen" in err and "standaardinvoer" in err
    assert (workspace_dir / "keyfile.json").read_bytes() == before


def test_no_recovery_key_on_standard_input_is_a_plain_refusal(workspace_dir, tmp_path, lost_passphrase):
    process = _recover(workspace_dir, tmp_path)
    _out, err = process.communicate("", timeout=60)
    assert process.returncode == 2
    assert err.startswith("dsr-desk: Geef de herstelsleutel")


def _options(parser: argparse.ArgumentParser, path: str = "dsr-desk"):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _options(sub, f"{path} {name}")
        elif action.help is not argparse.SUPPRESS:
            yield path, action


SECRET_WORDS = {"key", "password", "passphrase", "secret", "token", "code", "pin"}
# Values that name where a secret is or how it is kept, or that are not secrets at all.
NOT_SECRETS = {
    "dsr-desk init --key-storage",
    "dsr-desk recover --key-storage",
    "dsr-desk export --password-file",
    "dsr-desk case extend --reason-code",  # complexity | number_of_requests | other
    "dsr-desk profile values",  # KEY=VALUE: the organisation's address and the like
}


def test_no_command_takes_a_secret_as_the_value_of_an_argument():
    found = []
    for command, action in _options(build_parser()):
        names = [*action.option_strings, action.dest, str(action.metavar or "")]
        words = {word for name in names for word in re.split(r"[^a-z]+", name.lower())}
        if action.nargs != 0 and words & SECRET_WORDS:
            found.append(f"{command} {names[0]}")
    assert sorted(set(found) - NOT_SECRETS) == []
