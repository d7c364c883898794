"""The outcome commands as the issue's contract writes them: what the law does not allow exits 2 saying why;
forwarding, representatives and the negative access answer work from a script."""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass

import pytest

from dsr_desk.cli import main
from dsr_desk.rules.organisation import RegisterEntry
from tests.conftest import PASSPHRASE
from tests.support.letters import pdf_text

REGISTER = """
[[register]]
id = "nieuwsbrief"
name = "Nieuwsbrief"
purposes = ["het versturen van aanbiedingen"]
categories = ["e-mailadres"]
retention = "tot u zich afmeldt"
direct_marketing = true

[[register]]
id = "klanten"
name = "Klantenadministratie"
purposes = ["bestellingen"]
categories = ["naam"]
retention = "7 jaar (art. 52 AWR)"
"""


@pytest.fixture
def workspace(passphrase_desk, monkeypatch, capsys):
    """The commands run in this process (the exit status and stderr are what a script sees), on a workspace
    with a profile and a register; the subprocess contract itself is tested in test_cli_contract.py."""
    desk = passphrase_desk
    desk.update_profile(
        email="info@example.nl", privacy_contact="Petra Jansen", signatory_name="Petra Jansen"
    )
    data = tomllib.loads(REGISTER)
    desk.update_register(tuple(RegisterEntry.from_json(item) for item in data["register"]))
    monkeypatch.setenv("DSR_DESK_PASSPHRASE", PASSPHRASE)
    return Cli(desk.paths.root, capsys)


class Cli:
    def __init__(self, root, capsys) -> None:
        self.root, self.capsys = root, capsys

    def __call__(self, *args: str, check: bool = True) -> Result:
        self.capsys.readouterr()
        try:
            status = main(["--workspace", str(self.root), *args])
        except SystemExit as exit_:  # argparse refusing an option: exit 2, as for a script
            status = int(exit_.code or 0)
        captured = self.capsys.readouterr()
        if check:
            assert status == 0, captured.err
        return Result(status, captured.out, captured.err)


@dataclass(frozen=True)
class Result:
    returncode: int
    stdout: str
    stderr: str


def run(cli: Cli, *args: str, check: bool = True) -> Result:
    return cli(*args, check=check)


def _case(workspace, types, *extra):
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
        types,
        *extra,
    ).stdout.strip()


def _flat(pdf: bytes) -> str:
    return " ".join(pdf_text(pdf).split())


def test_impossible_refusals_exit_2_saying_why(workspace):
    reference = _case(workspace, "withdraw_consent,objection")
    refused = run(
        workspace,
        "case",
        "decide",
        reference,
        "--type",
        "withdraw_consent",
        "--outcome",
        "refused",
        check=False,
    )
    assert refused.returncode == 2 and "7 lid 3" in refused.stderr
    flagged = run(
        workspace,
        "case",
        "decide",
        reference,
        "--type",
        "objection",
        "--outcome",
        "refused",
        "--direct-marketing",
        check=False,
    )
    assert flagged.returncode == 2 and "direct marketing" in flagged.stderr
    # The same objection, concerning a register entry marked as direct marketing, without the flag.
    by_entry = run(
        workspace,
        "case",
        "decide",
        reference,
        "--type",
        "objection",
        "--outcome",
        "refused",
        "--entries",
        "nieuwsbrief",
        "--ground",
        "compelling_grounds",
        "--explanation",
        "x",
        check=False,
    )
    assert by_entry.returncode == 2 and "21 lid 2" in by_entry.stderr
    # An Art. 21(1) objection to other processing may be refused, on a ground the letter can say.
    run(
        workspace,
        "case",
        "decide",
        reference,
        "--type",
        "objection",
        "--outcome",
        "refused",
        "--entries",
        "klanten",
        "--ground",
        "legal_claims",
        "--explanation",
        "Een lopende incassozaak.",
    )
    unknown = run(
        workspace,
        "case",
        "decide",
        reference,
        "--type",
        "objection",
        "--outcome",
        "refused",
        "--ground",
        "16",
        check=False,
    )
    assert unknown.returncode == 2 and "compelling_grounds" in unknown.stderr


def test_an_extension_takes_only_the_lawful_reasons_and_a_reason_in_words(workspace):
    reference = _case(workspace, "access")
    holiday = run(
        workspace,
        "case",
        "extend",
        reference,
        "--reason-code",
        "other",
        "--reason",
        "Vakantie",
        check=False,
    )
    assert holiday.returncode == 2
    empty = run(
        workspace, "case", "extend", reference, "--reason-code", "complexity", "--reason", " ", check=False
    )
    assert empty.returncode == 2 and "12 lid 3" in empty.stderr


def test_forwarding_part_then_all_takes_the_case_off_the_clock(workspace, tmp_path):
    reference = _case(workspace, "access,erasure")
    by_hand = run(workspace, "case", "status", reference, "forwarded", check=False)
    assert by_hand.returncode == 2 and "case forward" in by_hand.stderr
    partly = run(
        workspace,
        "case",
        "forward",
        reference,
        "--to",
        "Bakkerij Noord B.V.",
        "--on",
        "2026-11-04",
        "--channel",
        "email",
        "--types",
        "erasure",
    )
    assert "Inzage" in partly.stdout
    shown = json.loads(run(workspace, "case", "show", reference, "--json").stdout)
    assert shown["status"] != "forwarded" and shown["days_left"] is not None
    assert shown["forwarded"] == [
        {"to": "Bakkerij Noord B.V.", "on": "2026-11-04", "channel": "email", "types": ["erasure"]}
    ]
    run(workspace, "letter", reference, "forwarded", "-o", str(tmp_path / "door.pdf"))
    letter = _flat((tmp_path / "door.pdf").read_bytes())
    assert "Voor een deel van uw verzoek" in letter and "Bakkerij Noord B.V." in letter
    assert "Inzage (art. 15 AVG)" in letter  # the part still ours, with its date
    run(workspace, "case", "forward", reference, "--to", "Bakkerij Noord B.V.")
    shown = json.loads(run(workspace, "case", "show", reference, "--json").stdout)
    assert shown["status"] == "forwarded" and shown["days_left"] is None
    assert shown["answered_on_time"] is None and shown["urgency"] == "forwarded"
    again = run(workspace, "case", "forward", reference, "--to", "X", check=False)
    assert again.returncode == 2


def test_a_parent_asks_for_a_child_and_the_letter_greets_the_parent(workspace, tmp_path):
    reference = _case(workspace, "access", "--for-person", "Sanne Jansen", "--relation", "parent")
    shown = json.loads(run(workspace, "case", "show", reference, "--json").stdout)
    assert shown["data_subject"] == "Sanne Jansen" and shown["relation"] == "parent"
    run(workspace, "letter", reference, "acknowledgement", "-o", str(tmp_path / "ack.pdf"))
    text = _flat((tmp_path / "ack.pdf").read_bytes())
    assert "Geachte Jan Jansen," in text and "ouder met ouderlijk gezag van Sanne Jansen" in text
    assert "Geachte Sanne" not in text
    bad = run(
        workspace,
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
        "--for-person",
        "B",
        "--relation",
        "buurman",
        check=False,
    )
    assert bad.returncode == 2 and "parent" in bad.stderr


def test_a_negative_access_answer_says_no_data_and_still_names_the_complaint(workspace, tmp_path):
    reference = _case(workspace, "access")
    run(workspace, "case", "answer", reference, "processes_data=no")
    run(workspace, "letter", reference, "access_response", "-o", str(tmp_path / "nee.pdf"))
    text = _flat((tmp_path / "nee.pdf").read_bytes())
    assert "Wij verwerken geen persoonsgegevens van u" in text
    assert "Autoriteit Persoonsgegevens" in text and "Kopie van de gegevens" not in text


def test_a_12_5_refusal_says_unfounded_or_excessive_never_both(workspace, tmp_path):
    reference = _case(workspace, "access")
    run(workspace, "case", "answer", reference, "refusal_article=12(5)", "refusal_reasons=Vijfde keer.")
    undecided = run(workspace, "letter", reference, "refusal", "-o", str(tmp_path / "r.pdf"), check=False)
    assert undecided.returncode == 2 and "ongegrond" in undecided.stderr
    both = run(
        workspace, "case", "answer", reference, "refusal_ground=ongegrond_of_buitensporig", check=False
    )
    assert both.returncode == 2 and "unfounded, excessive" in both.stderr
    run(workspace, "case", "answer", reference, "refusal_ground=unfounded")
    run(workspace, "letter", reference, "refusal", "-o", str(tmp_path / "r.pdf"))
    text = _flat((tmp_path / "r.pdf").read_bytes())
    assert "kennelijk ongegrond (artikel 12 lid 5 AVG)" in text and "buitensporig" not in text
    assert "zes weken" in text and "artikel 35 Uitvoeringswet AVG" in text
