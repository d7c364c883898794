"""`data add`, `case search`, `export`, `archive` and `verify-archive` as scripts use them."""

from __future__ import annotations

import json
import re
import zipfile

import pytest
import pyzipper

from tests.cli.test_cli_contract import run


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    root = tmp_path_factory.mktemp("data") / "ws"
    run(root, "init", "--org", "Bakkerij De Vries B.V.", "--handler", "Petra Jansen")
    return root


@pytest.fixture
def reference(workspace):
    return run(
        workspace,
        "case",
        "new",
        "--name",
        "Jan Jansen",
        "--email",
        "jan@example.nl",
        "--received",
        "2026-11-02",
        "--type",
        "access,portability",
    ).stdout.strip()


def test_data_add_prints_one_id_per_item_and_warns_on_stderr(workspace, reference, tmp_path):
    sheet = tmp_path / "klanten.csv"
    sheet.write_bytes("naam;plaats\nJosé Müller;Zürich\n".encode("cp1252"))
    result = run(
        workspace,
        "data",
        "add",
        reference,
        "--system",
        "Webwinkel",
        "--category",
        "Klant",
        "--file",
        str(sheet),
        "--provided",
    )
    assert re.fullmatch(r"\d+\n", result.stdout)
    assert "Windows-1252" in result.stderr or "cp1252" in result.stderr.lower()
    typed = run(
        workspace,
        "data",
        "add",
        reference,
        "--system",
        "Mailbox",
        "--category",
        "Contact",
        "--text",
        "Belde op 3 november.",
    )
    assert int(typed.stdout) > int(result.stdout)


def test_data_add_refuses_what_is_not_there_or_empty(workspace, reference, tmp_path):
    missing = run(
        workspace,
        "data",
        "add",
        reference,
        "--system",
        "X",
        "--category",
        "Y",
        "--file",
        str(tmp_path / "nope.csv"),
        check=False,
    )
    assert missing.returncode == 2 and "nope.csv" in missing.stderr
    folder = run(
        workspace,
        "data",
        "add",
        reference,
        "--system",
        "X",
        "--category",
        "Y",
        "--file",
        str(tmp_path),
        check=False,
    )
    assert folder.returncode == 2 and tmp_path.name in folder.stderr
    empty = run(
        workspace, "data", "add", reference, "--system", "X", "--category", "Y", "--text", "  ", check=False
    )
    assert empty.returncode == 2


def test_export_plain_and_encrypted(workspace, reference, tmp_path):
    run(
        workspace,
        "data",
        "add",
        reference,
        "--system",
        "Mailbox",
        "--category",
        "Contact",
        "--text",
        "Belde op 3 november.",
    )
    plain = run(workspace, "export", reference, "-o", str(tmp_path / "a.zip"))
    assert "a.zip" in plain.stdout
    with zipfile.ZipFile(tmp_path / "a.zip") as archive:
        data = json.loads(archive.read("data.json"))
    assert data["items"][0]["text"] == "Belde op 3 november."

    secret = run(workspace, "export", reference, "-o", str(tmp_path / "b.zip"), "--encrypt")
    password = secret.stdout.strip().splitlines()[-1].split()[-1]
    assert len(password) >= 12
    with pyzipper.AESZipFile(tmp_path / "b.zip") as archive:
        with pytest.raises(RuntimeError):
            archive.read("data.json")  # without the password nothing comes out
        archive.setpassword(password.encode())
        assert json.loads(archive.read("data.json"))["request"]["reference"] == reference


def test_a_short_password_file_is_refused_before_anything_is_written(workspace, reference, tmp_path):
    (tmp_path / "pw").write_text("kort\n", encoding="utf-8")
    result = run(
        workspace,
        "export",
        reference,
        "-o",
        str(tmp_path / "c.zip"),
        "--password-file",
        str(tmp_path / "pw"),
        check=False,
    )
    assert result.returncode == 2 and not (tmp_path / "c.zip").exists()


def test_search_then_archive_then_verify(workspace, reference, tmp_path):
    run(workspace, "case", "search", reference, "--system", "Boekhouding", "--found", "2 facturen")
    run(
        workspace,
        "case",
        "search",
        reference,
        "--system",
        "Telefoon",
        "--not-searched",
        "--note",
        "Geen toegang",
    )
    target = tmp_path / "archief.zip"
    run(workspace, "archive", reference, "-o", str(target))
    with zipfile.ZipFile(target) as archive:
        searches = json.loads(archive.read("case.json"))["searches"]
    assert [(s["system"], s["searched"]) for s in searches] == [("Boekhouding", True), ("Telefoon", False)]

    intact = run(workspace, "verify-archive", str(target))
    assert intact.returncode == 0

    changed = tmp_path / "changed.zip"
    with zipfile.ZipFile(target) as source, zipfile.ZipFile(changed, "w") as copy:
        for name in source.namelist():
            data = source.read(name)
            copy.writestr(name, data.replace(b"Boekhouding", b"Boekhoudinh") if name == "case.json" else data)
    broken = run(workspace, "verify-archive", str(changed), check=False)
    assert broken.returncode == 1 and "case.json" in broken.stdout

    (tmp_path / "x.zip").write_text("no zip")
    assert run(workspace, "verify-archive", str(tmp_path / "x.zip"), check=False).returncode == 2


def test_archive_all_closed_in_a_period(workspace, reference, tmp_path):
    run(
        workspace,
        "case",
        "status",
        reference,
        "closed",
        "--override",
        "--reason",
        "Getest zonder alle stappen.",
    )
    folder = tmp_path / "ap"
    result = run(workspace, "archive", "-o", str(folder), "--closed-from", "2000-01-01")
    assert (folder / f"{reference}.zip").exists()
    assert f"{reference}" in result.stdout
    assert all(run(workspace, "verify-archive", str(p)).returncode == 0 for p in folder.glob("*.zip"))
    none = run(workspace, "archive", "-o", str(tmp_path / "leeg"), "--closed-to", "2000-01-01")
    assert not list((tmp_path / "leeg").glob("*.zip")) and "0" in none.stdout
