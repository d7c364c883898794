"""`dsr-desk due` and the clock commands, as scripts use them."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tests.cli.test_cli_contract import run


@pytest.mark.parametrize(
    ("received", "extended", "expected"),
    [
        ("2025-03-05", False, "2025-04-07"),
        ("2026-01-31", False, "2026-03-02"),
        ("2026-11-25", False, "2026-12-28"),
        ("2026-01-31", True, "2026-04-28"),
    ],
)
def test_due_prints_the_date_then_the_rule_without_a_workspace(tmp_path, received, extended, expected):
    args = ["due", "--received", received, "--today", "2026-12-31"] + (["--extended"] if extended else [])
    result = run(tmp_path / "none", *args, passphrase=None)
    lines = result.stdout.splitlines()
    assert lines[0] == expected
    assert lines[1].startswith("Eén maand na" if not extended else "Verlengd met twee maanden")
    assert not (tmp_path / "none").exists()


def test_due_in_english_and_with_days_left(tmp_path):
    result = run(tmp_path, "--lang", "en", "due", "--received", "2026-01-31", "--today", "2026-02-20")
    assert result.stdout.splitlines() == [
        "2026-03-02",
        "One month from 31 January 2026: February has no day 31, so 28 February 2026. 28 February is a "
        "Saturday and 1 March is a Sunday, so the term ends on Monday 2 March 2026.",
        "10 days (6 working days) left.",
    ]


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--received", "2026-02-30"], "geen geldige datum"),
        (["--received", "2026-12-01", "--today", "2026-11-30"], "toekomst"),
        (["--received", "2017-01-01"], "25 mei 2018"),
    ],
)
def test_due_refuses_bad_dates_saying_why(tmp_path, args, says):
    result = run(tmp_path, "due", *args, check=False, passphrase=None)
    assert result.returncode == 2 and says in result.stderr and "Traceback" not in result.stderr


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    root = tmp_path_factory.mktemp("clock") / "ws"
    run(root, "init", "--org", "Bakkerij De Vries")
    return root


def _new(workspace, received):
    return run(
        workspace,
        "case",
        "new",
        "--name",
        "Anna de Wit",
        "--email",
        "anna@example.nl",
        "--received",
        received,
        "--type",
        "access",
    ).stdout.strip()


def test_list_and_show_json_carry_the_clock(workspace):
    today = dt.date.today()
    received = today - dt.timedelta(days=3)
    reference = _new(workspace, received.isoformat())
    [row] = [
        r for r in json.loads(run(workspace, "case", "list", "--json").stdout) if r["reference"] == reference
    ]
    assert row["due"] >= (received + dt.timedelta(days=28)).isoformat()
    assert row["extended_due"] is None
    assert row["days_left"] == (dt.date.fromisoformat(row["due"]) - today).days
    shown = json.loads(run(workspace, "case", "show", reference, "--json").stdout)
    assert (shown["due"], shown["extended_due"], shown["days_left"]) == (row["due"], None, row["days_left"])


def test_extend_prints_the_new_date_and_refuses_a_second_time(workspace):
    reference = _new(workspace, (dt.date.today() - dt.timedelta(days=5)).isoformat())
    result = run(workspace, "case", "extend", reference, "--reason", "Veel systemen te doorzoeken")
    new_due = result.stdout.splitlines()[0]
    shown = json.loads(run(workspace, "case", "show", reference, "--json").stdout)
    assert shown["extended_due"] == new_due and shown["extension_reason"] == "complexity"
    again = run(workspace, "case", "extend", reference, "--reason", "nog eens", check=False)
    assert again.returncode == 2 and "12 lid 3" in again.stderr


def test_extend_after_the_first_term_is_refused(workspace):
    reference = _new(workspace, (dt.date.today() - dt.timedelta(days=45)).isoformat())
    result = run(workspace, "case", "extend", reference, "--reason", "te laat", check=False)
    assert result.returncode == 2 and "eerste termijn" in result.stderr


def test_pause_is_refused_when_the_setting_is_off_but_info_requests_are_recorded(workspace):
    reference = _new(workspace, (dt.date.today() - dt.timedelta(days=5)).isoformat())
    refused = run(workspace, "case", "pause", reference, check=False)
    assert refused.returncode == 2 and "instellingen" in refused.stderr
    run(workspace, "case", "info-requested", reference, "--what", "clarification")
    shown = json.loads(run(workspace, "case", "show", reference, "--json").stdout)
    assert shown["status"] == "waiting" and shown["waiting_since"] == dt.date.today().isoformat()
    run(workspace, "case", "info-received", reference)
    assert json.loads(run(workspace, "case", "show", reference, "--json").stdout)["status"] == "in_progress"
