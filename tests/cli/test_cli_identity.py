"""`dsr-desk mrz`, `id mask` and `case verify`, as scripts use them."""

from __future__ import annotations

import io
import json

import pytest
from PIL import Image

from dsr_desk.documents.id_copy import FILL
from dsr_desk.rules.id_templates import boxes_for
from tests.cli.test_cli_contract import run
from tests.rules.test_bsn_and_mrz import ICAO_TD1, NL_ID_CARD_2014, NL_PASSPORT_2014


def test_mrz_prints_fields_and_checks_and_never_the_bsn(tmp_path):
    result = run(tmp_path, "mrz", *NL_PASSPORT_2014, passphrase=None)
    assert result.returncode == 0
    assert "DE BRUIJN" in result.stdout and "***-**-***" in result.stdout
    assert "999999990" not in result.stdout


def test_mrz_json_for_an_id_card(tmp_path):
    data = json.loads(run(tmp_path, "mrz", *NL_ID_CARD_2014, "--json", passphrase=None).stdout)
    assert (
        data["format"] == "TD1" and data["checks_ok"] and data["bsn_present"] and data["bsn"] == "***-**-***"
    )
    assert "999999990" not in json.dumps(data)


def test_mrz_exit_1_when_a_check_digit_fails_and_2_when_not_an_mrz(tmp_path):
    broken = [ICAO_TD1[0], ICAO_TD1[1][:6] + "9" + ICAO_TD1[1][7:], ICAO_TD1[2]]
    assert run(tmp_path, "mrz", *broken, check=False, passphrase=None).returncode == 1
    result = run(tmp_path, "mrz", "hallo", "wereld", check=False, passphrase=None)
    assert result.returncode == 2 and "machineleesbare zone" in result.stderr


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    root = tmp_path_factory.mktemp("identity") / "ws"
    run(root, "init", "--org", "Bakkerij De Vries B.V.")
    return root


def test_id_mask_writes_a_masked_watermarked_png(workspace, tmp_path):
    scan = tmp_path / "scan.jpg"
    Image.effect_noise((1011, 638), 60).convert("RGB").save(scan, "JPEG")
    out = tmp_path / "masked.png"
    run(
        workspace,
        "id",
        "mask",
        str(scan),
        "--template",
        "id_card_2014_front",
        "--purpose",
        "identiteitscontrole",
        "-o",
        str(out),
    )
    image = Image.open(io.BytesIO(out.read_bytes())).convert("RGB")
    for box in boxes_for("id_card_2014_front", *image.size):
        assert image.getpixel((box.x + box.width // 2, box.y + box.height // 2)) == FILL


def test_id_mask_refuses_a_bomb_and_a_bad_template(workspace, tmp_path):
    from tests.documents.test_id_copy import _png_bomb

    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(_png_bomb(100_000, 100_000))
    result = run(
        workspace,
        "id",
        "mask",
        str(bomb),
        "--template",
        "passport_2014",
        "--purpose",
        "x",
        "-o",
        str(tmp_path / "o.png"),
        check=False,
    )
    assert result.returncode == 2 and "beeldpunten" in result.stderr and not (tmp_path / "o.png").exists()
    result = run(
        workspace,
        "id",
        "mask",
        str(bomb),
        "--template",
        "bibliotheekpas",
        "--purpose",
        "x",
        "-o",
        str(tmp_path / "o.png"),
        check=False,
    )
    assert result.returncode == 2 and "Onbekend sjabloon" in result.stderr


def test_case_verify_records_the_outcome(workspace):
    reference = run(
        workspace,
        "case",
        "new",
        "--name",
        "Anna de Wit",
        "--email",
        "anna@example.nl",
        "--received",
        "2026-11-02",
        "--type",
        "access",
    ).stdout.strip()
    run(
        workspace,
        "case",
        "verify",
        reference,
        "--method",
        "verification_code",
        "--outcome",
        "verified",
        "--reason",
        "Code teruggestuurd vanaf het bekende adres.",
    )
    events = json.loads(run(workspace, "case", "show", reference, "--json").stdout)["events"]
    recorded = next(e for e in events if e["action"] == "identity.recorded")
    assert (
        recorded["details"]["outcome"] == "verified" and recorded["details"]["method"] == "verification_code"
    )
    refused = run(
        workspace,
        "case",
        "verify",
        reference,
        "--method",
        "id_copy",
        "--outcome",
        "verified",
        "--reason",
        "kort",
        check=False,
    )
    assert refused.returncode == 2 and "laatste middel" in refused.stderr
