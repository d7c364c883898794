"""Shared fixtures. No test touches the developer's keychain: the default backend is keyring's `fail`
backend (set here and in the Makefile), and tests that want a keychain get an in-memory one.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("DSR_DESK_PASSPHRASE", None)

import pytest

from dsr_desk.desk import Desk
from dsr_desk.diagnostics import LOG_DIR_ENV
from dsr_desk.i18n import set_language
from dsr_desk.store.keychain import Keychain
from tests.support.memory_keyring import MemoryKeyring

PASSPHRASE = "paard batterij nietje correct"
NOW = dt.datetime(2026, 11, 20, 10, 30, tzinfo=dt.UTC)


class FixedClock:
    """Now is whatever the test says it is; it moves only when told."""

    def __init__(self, moment: dt.datetime = NOW) -> None:
        self.moment = moment

    def __call__(self) -> dt.datetime:
        return self.moment

    def advance(self, **delta: float) -> None:
        self.moment += dt.timedelta(**delta)


@pytest.fixture(autouse=True, scope="session")
def _logs_in_a_temp_folder(tmp_path_factory) -> None:
    """The CLI and the window write a log file; never into the developer's own log folder. XDG_STATE_HOME
    is for subprocesses that drop every DSR_DESK_ variable (platformdirs' log folder on Linux)."""
    folder = tmp_path_factory.mktemp("logs")
    os.environ[LOG_DIR_ENV] = str(folder)
    os.environ["XDG_STATE_HOME"] = str(folder)


@pytest.fixture(autouse=True)
def _dutch() -> None:
    set_language("nl")


@pytest.fixture
def own_temp_folder(tmp_path, monkeypatch) -> Path:
    """A temp folder of this test's own, for this process (tempfile, Qt) and its children (TMPDIR): a test
    that checks nothing is left in the temp folder then watches only what it did itself."""
    folder = tmp_path / "temp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture
def keychain() -> Keychain:
    return Keychain(MemoryKeyring())


@pytest.fixture
def workspace_dir(tmp_path):
    return tmp_path / "workspace"


@pytest.fixture
def desk(workspace_dir, keychain, clock):
    created, _recovery = Desk.create(
        workspace_dir,
        organisation="Bakkerij De Vries",
        handler="Petra Jansen",
        storage="keychain",
        keychain=keychain,
        clock=clock,
    )
    yield created
    created.close()


@pytest.fixture
def passphrase_desk(workspace_dir, clock):
    created, _recovery = Desk.create(
        workspace_dir,
        organisation="Bakkerij De Vries",
        handler="Petra Jansen",
        storage="passphrase",
        passphrase=PASSPHRASE,
        clock=clock,
    )
    yield created
    created.close()
