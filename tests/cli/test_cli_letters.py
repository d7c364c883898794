"""`dsr-desk letter` and friends, as scripts use them."""

from __future__ import annotations

import hashlib
import json

import pytest

from tests.cli.test_cli_contract import run
from tests.support.letters import pdf_text


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    root = tmp_path_factory.mktemp("letters") / "ws"
    run(root, "init", "--org", "Bakkerij De Vries B.V.", "--handler", "Petra Jansen")
    return root


def _case(workspace, name="Şükrü Öztürk", types="access,erasure"):
    return run(
        workspace,
        "case",
        "new",
        "--name",
        name,
        "--email",
        "s@example.nl",
        "--address",
        "Kanaalweg 41 / 3526 KL Utrecht",
        "--received",
        "2026-11-02",
        "--type",
        types,
    ).stdout.strip()


def test_without_a_profile_the_letter_is_refused_saying_what_is_missing(workspace, tmp_path):
    reference = _case(workspace)
    result = run(
        workspace, "letter", reference, "acknowledgement", "-o", str(tmp_path / "a.pdf"), check=False
    )
    assert result.returncode == 2 and "Ontbreekt" in result.stderr and "ondertekenaar" in result.stderr
    assert not (tmp_path / "a.pdf").exists()


def test_profile_then_letter_writes_the_pdf_and_records_it(workspace, tmp_path):
    run(
        workspace,
        "profile",
        "address=Kerkstraat 1",
        "postcode_city=3511 LX Utrecht",
        "email=info@example.nl",
        "privacy_contact=Petra Jansen",
        "privacy_email=privacy@example.nl",
        "signatory_name=Petra Jansen",
    )
    reference = _case(workspace)
    target = tmp_path / "ontvangst.pdf"
    run(workspace, "letter", reference, "acknowledgement", "--lang", "en", "-o", str(target))
    text = pdf_text(target.read_bytes())
    assert "Şükrü Öztürk" in text and reference in text and "Dear" in text
    shown = json.loads(run(workspace, "case", "show", reference, "--json").stdout)
    [sent] = [e for e in shown["events"] if e["action"] == "letter.sent"]
    assert sent["details"]["sha256"] == hashlib.sha256(target.read_bytes()).hexdigest()
    assert sent["details"]["kind"] == "acknowledgement" and sent["details"]["language"] == "en"


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["verjaardag"], "Onbekend soort brief"),
        (["acknowledgement", "--lang", "fr"], "Onbekende taal"),
        (["access_response"], "verwerkingen uit het register"),
        (["refusal"], "redenen van de weigering"),
    ],
)
def test_bad_kind_language_or_missing_content_exits_2(workspace, tmp_path, args, says):
    reference = _case(workspace)
    result = run(workspace, "letter", reference, *args, "-o", str(tmp_path / "x.pdf"), check=False)
    assert result.returncode == 2 and says in result.stderr and "Traceback" not in result.stderr


def test_register_answers_and_decision_make_an_access_response_and_erasure_letter(workspace, tmp_path):
    register = tmp_path / "register.toml"
    register.write_text(
        '[[register]]\nid = "klanten"\nname = "Klantenadministratie"\npurposes = ["bestellingen"]\n'
        'categories = ["naam", "adres"]\nretention = "7 jaar (art. 52 AWR)"\n',
        encoding="utf-8",
    )
    run(workspace, "register", "--file", str(register))
    reference = _case(workspace)
    run(workspace, "case", "answer", reference, "register_entries=klanten", "enclosed=uw klantgegevens")
    run(workspace, "letter", reference, "access_response", "-o", str(tmp_path / "inzage.pdf"))
    assert "7 jaar (art. 52 AWR)" in pdf_text((tmp_path / "inzage.pdf").read_bytes())
    run(
        workspace,
        "case",
        "decide",
        reference,
        "--type",
        "erasure",
        "--outcome",
        "partly",
        "--what",
        "uw account",
        "--ground",
        "17(3)(b)",
        "--explanation",
        "Facturen 7 jaar.",
        "--recipients",
        "",
    )
    run(workspace, "letter", reference, "erasure_confirmation", "-o", str(tmp_path / "wissen.pdf"))
    text = " ".join(pdf_text((tmp_path / "wissen.pdf").read_bytes()).split())
    assert "artikel 17 lid 3 onder b AVG" in text and "17(3)(b)" not in text


def test_the_test_print_page(workspace, tmp_path):
    run(workspace, "test-print", "-o", str(tmp_path / "proef.pdf"))
    text = pdf_text((tmp_path / "proef.pdf").read_bytes())
    assert "22.0 mm van links" in text and "venster" in text
