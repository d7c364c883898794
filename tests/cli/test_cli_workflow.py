"""`case next` and the guards at the command line: the steps as a contract, closing refused with what is
open, the override recorded, the demo only into an empty workspace."""

from __future__ import annotations

import json

from tests.cli.test_cli_contract import run


def _new(workspace, name: str) -> str:
    return run(
        workspace,
        *("case", "new", "--name", name, "--email", "a@example.nl", "--received", "2026-11-02"),
        *("--type", "access,erasure"),
    ).stdout.strip()


def test_case_next_gives_the_next_step_and_every_step(tmp_path):
    workspace = tmp_path / "ws"
    run(workspace, "init", "--org", "Bakkerij De Vries")
    reference = _new(workspace, "Fleur de Wit")
    data = json.loads(run(workspace, "--lang", "en", "case", "next", reference, "--json").stdout)
    assert data["next"] == "acknowledge"
    assert [step["code"] for step in data["steps"]] == [
        "acknowledge",
        "search_systems",
        "decide",
        "decide",
        "notify_recipients",
        "export",
        "respond",
        "close",
    ]
    assert all(set(step) == {"code", "done", "text"} and step["done"] is False for step in data["steps"])
    assert data["steps"][2]["text"] == "Decide on access"
    plain = run(workspace, "case", "next", reference).stdout.splitlines()
    assert plain[0] == "acknowledge  Ontvangst bevestigen"
    listed = json.loads(run(workspace, "case", "list", "--json").stdout)
    assert listed[0]["next"] == "acknowledge"

    refused = run(workspace, "case", "status", reference, "closed", check=False)
    assert refused.returncode == 2
    assert "geen besluit over verwijdering" in refused.stderr
    assert run(workspace, "case", "status", reference, "closed", "--override", check=False).returncode == 2
    run(
        workspace,
        "case",
        "status",
        reference,
        "closed",
        "--override",
        "--reason",
        "Ingetrokken per telefoon.",
    )
    closed = json.loads(run(workspace, "case", "next", reference, "--json").stdout)
    assert closed["next"] == "archive"
    show = json.loads(run(workspace, "case", "show", reference, "--json").stdout)
    assert show["events"][-1]["details"]["override"] is True

    demo = run(workspace, "demo", check=False)
    assert demo.returncode == 2
    assert "ws-demo" in demo.stderr
    assert len(json.loads(run(workspace, "case", "list", "--json").stdout)) == 1
