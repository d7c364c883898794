"""The command line is a contract: later checks and scripts rely on its commands, output and exit codes."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import subprocess
import sys

import pytest

from tests.conftest import PASSPHRASE


def run(workspace, *args, passphrase=PASSPHRASE, check=True, env_extra=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DSR_DESK_")}
    if passphrase is not None:
        env["DSR_DESK_PASSPHRASE"] = passphrase
    env.update(env_extra or {})
    result = subprocess.run(
        [sys.executable, "-m", "dsr_desk", "--workspace", str(workspace), *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    if check:
        assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    root = tmp_path_factory.mktemp("cli") / "ws"
    run(root, "init", "--org", "Bakkerij De Vries", "--handler", "Petra Jansen")
    return root


def test_case_new_prints_the_reference_on_its_own_line(workspace):
    result = run(
        workspace,
        "case",
        "new",
        "--name",
        "Şükrü Öztürk",
        "--email",
        "sukru@example.nl",
        "--address",
        "Kanaalweg 41 / 3526 KL Utrecht",
        "--received",
        "2026-11-02",
        "--type",
        "access,erasure",
        "--channel",
        "post",
        "--note",
        "Per brief",
    )
    assert result.stdout.splitlines() == ["DSR-2026-0001"]


def test_case_list_and_show_json_hold_the_contract_fields(workspace):
    reference = run(
        workspace,
        "case",
        "new",
        "--name",
        "Ζωή Παπαδοπούλου",
        "--email",
        "zoe@example.gr",
        "--received",
        "2026-10-30",
        "--type",
        "portability",
    ).stdout.strip()
    listed = json.loads(run(workspace, "case", "list", "--json").stdout)
    entry = next(item for item in listed if item["reference"] == reference)
    assert entry["name"] == "Ζωή Παπαδοπούλου" and entry["email"] == "zoe@example.gr"
    assert (
        entry["types"] == ["portability"] and entry["received"] == "2026-10-30" and entry["status"] == "new"
    )
    shown = json.loads(run(workspace, "case", "show", reference, "--json").stdout)
    for key in ("reference", "name", "email", "types", "received", "status"):
        assert shown[key] == entry[key]
    assert shown["events"][0]["action"] == "case.created" and shown["audit_ok"] is True


def test_status_note_and_audit(workspace):
    reference = run(
        workspace,
        "case",
        "new",
        "--name",
        "Daan Visser",
        "--email",
        "daan@example.nl",
        "--received",
        "2026-11-01",
        "--type",
        "objection",
    ).stdout.strip()
    run(workspace, "case", "status", reference, "in_progress")
    run(workspace, "case", "note", reference, "Gebeld")
    shown = json.loads(run(workspace, "case", "show", reference, "--json").stdout)
    assert shown["status"] == "in_progress"
    assert [e["action"] for e in shown["events"]] == ["case.created", "status.changed", "note.added"]
    assert (
        run(workspace, "case", "audit", reference).stdout.strip()
        == "Logboek intact: 3 gebeurtenissen, keten klopt."
    )


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--received", "2099-01-01", "--type", "access"], "toekomst"),
        (["--received", "2026-13-01", "--type", "access"], "geen geldige datum"),
        (["--received", "2026-11-01", "--type", "access,inzage"], "inzage"),
    ],
)
def test_bad_input_is_refused_with_exit_2_and_one_line(workspace, args, expected):
    result = run(workspace, "case", "new", "--name", "X", "--email", "x@example.nl", *args, check=False)
    assert result.returncode == 2
    assert expected in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_an_invalid_email_and_an_empty_name_are_refused(workspace):
    result = run(
        workspace,
        "case",
        "new",
        "--name",
        " ",
        "--email",
        "geen-adres",
        "--received",
        "2026-11-01",
        "--type",
        "access",
        check=False,
    )
    assert result.returncode == 2
    assert "naam" in result.stderr and "geen-adres" in result.stderr


def _hashes(root):
    return {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in root.rglob("*") if p.is_file()}


def test_a_wrong_passphrase_exits_2_with_one_clear_line_and_changes_nothing(workspace):
    before = _hashes(workspace)
    result = run(workspace, "case", "list", passphrase="dit is niet goed", check=False)
    assert result.returncode == 2
    assert result.stderr.strip() == "dsr-desk: Onjuiste wachtwoordzin. Er is niets gelezen of gewijzigd."
    assert result.stdout == ""
    assert _hashes(workspace) == before


def test_no_passphrase_and_no_terminal_says_what_to_do(workspace):
    result = run(workspace, "case", "list", passphrase=None, check=False)
    assert result.returncode == 2 and "DSR_DESK_PASSPHRASE" in result.stderr


def test_a_corrupt_case_file_is_named_and_untouched(workspace):
    reference = run(
        workspace,
        "case",
        "new",
        "--name",
        "Eva Hendriks",
        "--email",
        "eva@example.nl",
        "--received",
        "2026-11-01",
        "--type",
        "rectification",
    ).stdout.strip()
    path = workspace / "cases" / f"{reference}.dsrcase"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    result = run(workspace, "case", "show", reference, check=False)
    assert result.returncode == 2
    assert reference in result.stderr and "beschadigd" in result.stderr and "Traceback" not in result.stderr
    assert path.read_bytes() == bytes(data)


def test_english_messages_on_request(workspace):
    result = run(workspace, "--lang", "en", "case", "show", "DSR-2026-0999", check=False)
    assert result.returncode == 2
    assert result.stderr.strip() == "dsr-desk: Request DSR-2026-0999 does not exist in this workspace."


def test_demo_fills_a_living_workspace(tmp_path):
    root = tmp_path / "demo"
    run(root, "init", "--org", "Demo BV")
    run(root, "demo")
    cases = json.loads(run(root, "case", "list", "--json").stdout)
    assert 20 <= len(cases) <= 30
    assert {t for case in cases for t in case["types"]} == {
        "access",
        "rectification",
        "erasure",
        "restriction",
        "portability",
        "objection",
        "automated_decision",
        "withdraw_consent",
    }
    assert any(case["status"] == "closed" for case in cases)
    month_ago = (dt.date.today() - dt.timedelta(days=31)).isoformat()
    assert sum(case["status"] != "closed" and case["received"] < month_ago for case in cases) >= 2
    assert all(" " in case["name"] for case in cases)


def test_destroy_leaves_a_record(workspace):
    reference = run(
        workspace,
        "case",
        "new",
        "--name",
        "Sem Bos",
        "--email",
        "sem@example.nl",
        "--received",
        "2026-11-01",
        "--type",
        "erasure",
    ).stdout.strip()
    run(workspace, "case", "destroy", reference, "--reason", "Per abuis aangemaakt")
    records = json.loads(run(workspace, "destroyed", "--json").stdout)
    assert any(r["reference"] == reference and r["reason"] == "Per abuis aangemaakt" for r in records)
    assert not (workspace / "cases" / f"{reference}.dsrcase").exists()


def test_init_refuses_an_existing_workspace(workspace):
    result = run(workspace, "init", check=False)
    assert result.returncode == 2 and "al een werkmap" in result.stderr


def test_init_without_keychain_or_passphrase_says_so(tmp_path):
    result = run(tmp_path / "nokeys", "init", passphrase=None, check=False)
    assert result.returncode == 2 and "sleutelhanger" in result.stderr


def test_dsr_desk_console_script_is_installed():
    script = os.path.join(os.path.dirname(sys.executable), "dsr-desk")
    result = subprocess.run([script, "--version"], capture_output=True, text=True, check=True)
    assert result.stdout.startswith("dsr-desk ")
