"""After an interruption the workspace comes back in step at the next open."""

from __future__ import annotations

from dsr_desk.desk import Desk
from tests.support.cases import make_case
from tests.support.raw_db import index_key, raw_connection


def test_half_built_files_are_removed(desk, workspace_dir, keychain):
    (workspace_dir / "cases" / ".DSR-2026-0007.dsrcase.creating").write_bytes(b"\0" * 4096)
    (workspace_dir / ".settings.toml.1234abcd.tmp").write_bytes(b"half")
    (workspace_dir / "cases" / "DSR-2026-0007.dsrkey").write_text("{}")
    desk.close()
    with Desk.open(workspace_dir, keychain=keychain) as reopened:
        assert reopened.reconcile_report.leftovers_removed == 2
    assert sorted(p.name for p in workspace_dir.rglob("*") if p.is_file()) == [
        "index.dsrdb",
        "keyfile.json",
        "settings.toml",
        "workspace.lock",  # the lock every process shares; no session lock is left behind
    ]


def test_a_case_file_the_index_never_heard_of_is_added(desk, workspace_dir, keychain):
    summary = make_case(desk, name="Fleur de Wit")
    master = keychain.load(desk.keyfile.workspace_id)
    desk.close()
    # As if the process died between renaming the case file into place and updating the index.
    connection = raw_connection(workspace_dir / "index.dsrdb", index_key(master))
    connection.execute("DELETE FROM cases")
    connection.close()
    with Desk.open(workspace_dir, keychain=keychain) as reopened:
        assert reopened.reconcile_report.reindexed == [summary.reference]
        assert [c.name for c in reopened.list_cases()] == ["Fleur de Wit"]
