"""JSON files from other systems with what no export of ours may carry: a 5,000-digit integer, NaN or
Infinity, nesting 900 deep. Each is kept as text with a warning, never a crash, and the person's data.json
stays valid JSON."""

from __future__ import annotations

import json
import zipfile

import pytest

from dsr_desk.cli import main
from dsr_desk.intake.data_files import read_structured
from tests.conftest import PASSPHRASE
from tests.support.cases import make_case

ODD = {
    "5000-digit integer": b'[{"klantnummer": ' + b"9" * 5000 + b"}]",
    "NaN": b'[{"saldo": NaN}]',
    "Infinity": b'[{"saldo": -Infinity}]',
    "1e999": b'[{"saldo": 1e999}]',
    "nested 900 deep": b'[{"a": ' + b"[" * 900 + b"]" * 900 + b"}]",
}


@pytest.mark.parametrize("data", ODD.values(), ids=ODD.keys())
def test_odd_json_is_kept_as_text_with_a_warning(data):
    imported = read_structured("json", data)
    assert imported.records is None and imported.warnings == ("json_invalid",)
    assert imported.text == data.decode()


def test_importing_and_exporting_them_from_the_command_line_works(
    passphrase_desk, tmp_path, capsys, monkeypatch
):
    reference = make_case(passphrase_desk).reference
    monkeypatch.setenv("DSR_DESK_PASSPHRASE", PASSPHRASE)
    workspace = str(passphrase_desk.paths.root)
    for number, data in enumerate(ODD.values()):
        path = tmp_path / f"crm-{number}.json"
        path.write_bytes(data)
        status = main(["--workspace", workspace, "data", "add", reference, "--system", "CRM",
                       "--category", "Klant", "--file", str(path)])  # fmt: skip
        assert status == 0
        assert "Het JSON-bestand is niet geldig en is als tekst opgenomen." in capsys.readouterr().err
    assert main(["--workspace", workspace, "export", reference, "-o", str(tmp_path / "export.zip")]) == 0
    with zipfile.ZipFile(tmp_path / "export.zip") as export:
        data = json.loads(export.read("data.json"), parse_constant=lambda name: pytest.fail(name))
    assert len(data["items"]) == len(ODD)
