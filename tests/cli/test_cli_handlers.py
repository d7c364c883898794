"""`dsr-desk handler ...` and --handler / DSR_DESK_HANDLER: a contract scripts rely on."""

from __future__ import annotations

import json

import pytest

from tests.cli.test_cli_contract import run as run_command
from tests.conftest import PASSPHRASE

PIET = "Piet de Boer wachtwoord 2026"


def run(workspace, *args, **options):
    """The command as a script runs it; these tests read the exit status themselves."""
    return run_command(workspace, *args, check=False, **options)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    root = tmp_path_factory.mktemp("handlers") / "ws"
    assert run(root, "init", "--org", "Bakkerij De Vries", "--handler", "Petra Jansen").returncode == 0
    added = run(root, "handler", "add", "Piet de Boer", env_extra={"DSR_DESK_NEW_PASSPHRASE": PIET})
    assert added.returncode == 0, added.stderr
    return root


def test_handler_list_names_each_with_role_and_no_key_material(workspace):
    result = run(workspace, "handler", "list", "--json")
    assert result.returncode == 0, result.stderr
    handlers = json.loads(result.stdout)
    assert [(h["name"], h["role"], h["storage"]) for h in handlers] == [
        ("Petra Jansen", "officer", "passphrase"),
        ("Piet de Boer", "handler", "passphrase"),
    ]
    assert "wrapped" not in result.stdout and "salt" not in result.stdout


def test_the_handler_who_works_is_the_actor_in_the_log(workspace):
    created = run(
        workspace,
        "--handler",
        "Piet de Boer",
        *("case", "new", "--name", "Fleur de Wit", "--email", "fleur@example.nl"),
        *("--received", "2026-11-02", "--type", "access"),
        passphrase=PIET,
    )
    assert created.returncode == 0, created.stderr
    reference = created.stdout.strip().splitlines()[-1]
    noted = run(workspace, "case", "note", reference, "Nagekeken")  # the first handler by default
    assert noted.returncode == 0, noted.stderr
    shown = run(
        workspace,
        "case",
        "show",
        reference,
        "--json",
        passphrase=PIET,
        env_extra={"DSR_DESK_HANDLER": "Piet de Boer"},
    )
    assert shown.returncode == 0, shown.stderr
    assert [e["actor"] for e in json.loads(shown.stdout)["events"]] == ["Piet de Boer", "Petra Jansen"]


@pytest.mark.parametrize(
    ("args", "passphrase"),
    [
        (("--handler", "Kees"), PIET),  # unknown
        (("--handler", "Piet de Boer"), PASSPHRASE),  # someone else's passphrase
    ],
)
def test_an_unknown_handler_or_a_wrong_passphrase_is_one_line_and_exit_2(workspace, args, passphrase):
    result = run(workspace, *args, "case", "list", passphrase=passphrase)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr


def test_a_handler_may_not_destroy_and_a_removed_one_cannot_unlock(tmp_path):
    root = tmp_path / "ws"
    assert run(root, "init", "--org", "X", "--handler", "Petra Jansen").returncode == 0
    env = {"DSR_DESK_NEW_PASSPHRASE": PIET}
    assert run(root, "handler", "add", "Piet de Boer", "--role", "handler", env_extra=env).returncode == 0
    created = run(
        root,
        "case",
        "new",
        "--name",
        "A",
        "--email",
        "a@example.nl",
        "--received",
        "2026-11-02",
        "--type",
        "access",
    )
    reference = created.stdout.strip().splitlines()[-1]
    refused = run(
        root, "--handler", "Piet de Boer", "case", "destroy", reference, "--reason", "x", passphrase=PIET
    )
    assert refused.returncode == 2 and "privacy officer" in refused.stderr
    assert run(root, "handler", "remove", "Piet de Boer").returncode == 0
    gone = run(root, "--handler", "Piet de Boer", "case", "list", passphrase=PIET)
    assert gone.returncode == 2 and "Piet de Boer" in gone.stderr
    last = run(root, "handler", "remove", "Petra Jansen")
    assert last.returncode == 2 and len(last.stderr.strip().splitlines()) == 1


def test_init_in_a_cloud_sync_folder_warns_and_still_works(tmp_path):
    result = run(tmp_path / "Dropbox" / "ws", "init", "--org", "X")
    assert result.returncode == 0
    assert "Dropbox" in result.stderr and "netwerkmap" in result.stderr
