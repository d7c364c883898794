"""A case file copied back to an older version refuses every write until a privacy officer acknowledges
the loss; the acknowledgement is an event naming the events that are missing (issue 10, item 2)."""

from __future__ import annotations

import shutil

import pytest

from dsr_desk.desk import Desk
from dsr_desk.errors import (
    AuditChainBrokenError,
    CaseDivergedError,
    CaseRolledBackError,
    NothingRolledBackError,
    NotPermittedError,
    ValidationError,
)
from dsr_desk.rules.identity import DocumentType, IdentityOutcome, Method, RequesterRole
from tests.cli.test_cli_contract import run
from tests.conftest import PASSPHRASE
from tests.support.cases import make_case

PIET = "Piet de Boer wachtwoord 2026"


def _rolled_back(desk, tmp_path) -> str:
    """A case with events 1-2 in an old copy and 3-5 written after it; the old copy put back."""
    reference = make_case(desk).reference
    path = desk.paths.case_file(reference)
    with desk.open_case(reference) as case:
        case.add_note("eerste")
    shutil.copyfile(path, tmp_path / "older.dsrcase")
    with desk.open_case(reference) as case:
        case.add_note("tweede")
        case.add_note("derde")
        case.add_note("vierde")
    shutil.copyfile(path, tmp_path / "newer.dsrcase")
    shutil.copyfile(tmp_path / "older.dsrcase", path)
    return reference


def test_a_rolled_back_case_refuses_writes_naming_what_is_missing(desk, tmp_path):
    reference = _rolled_back(desk, tmp_path)
    with desk.open_case(reference) as case:
        before = case.events()
        for write in (lambda: case.add_note("wist het niet"), lambda: case.update_types(case.record().types)):
            with pytest.raises(CaseRolledBackError) as refused:
                write()
        assert "gebeurtenis 3 tot en met 5" in refused.value.message("nl")
        assert "events 3 to 5" in refused.value.message("en")
        assert case.events() == before
    # The next write does not launder it: the audit still says so, in this window and the next.
    with desk.open_case(reference) as case:
        assert not case.verify_audit().ok
        with pytest.raises(AuditChainBrokenError):
            case.write_archive(tmp_path / "archief.zip")
    assert not (tmp_path / "archief.zip").exists()


def test_only_a_privacy_officer_acknowledges_and_the_log_names_the_lost_events(
    passphrase_desk, workspace_dir, tmp_path
):
    passphrase_desk.add_handler("Piet de Boer", role="handler", passphrase=PIET)
    reference = _rolled_back(passphrase_desk, tmp_path)
    passphrase_desk.close()
    with (
        Desk.open(workspace_dir, handler="Piet de Boer", passphrase=PIET) as piet,
        piet.open_case(reference) as case,
        pytest.raises(NotPermittedError, match="privacy officer"),
    ):
        case.acknowledge_rollback("schijf kapot")
    with Desk.open(workspace_dir, passphrase=PASSPHRASE) as petra, petra.open_case(reference) as case:
        with pytest.raises(ValidationError):
            case.acknowledge_rollback("  ")
        event = case.acknowledge_rollback("Back-up van gisteren teruggezet na een defecte schijf")
        assert event.actor == "Petra Jansen"
        assert event.details["lost_events"] == [3, 5]
        assert case.audit_report.ok
        case.add_note("verder")
        with pytest.raises(NothingRolledBackError):
            case.acknowledge_rollback("nog eens")
    with Desk.open(workspace_dir, passphrase=PASSPHRASE) as petra, petra.open_case(reference) as case:
        assert case.verify_audit().ok
        assert [e.action for e in case.events()][-2:] == ["audit.rollback_acknowledged", "note.added"]


def test_a_file_that_holds_other_events_than_the_index_is_refused_too(desk, tmp_path):
    reference = _rolled_back(desk, tmp_path)
    with desk.open_case(reference) as case:
        case.acknowledge_rollback("oude kopie geaccepteerd")  # event 3 is now the acknowledgement
    # The copy from before the rollback holds another event 3: putting it back is refused in turn.
    shutil.copyfile(tmp_path / "newer.dsrcase", desk.paths.case_file(reference))
    with desk.open_case(reference) as case:
        with pytest.raises(CaseDivergedError) as refused:
            case.add_note("x")
        assert "vanaf gebeurtenis 3" in refused.value.message("nl")
        assert not case.verify_audit().ok


def test_the_command_line_refuses_then_acknowledges(passphrase_desk, workspace_dir, tmp_path):
    reference = _rolled_back(passphrase_desk, tmp_path)
    passphrase_desk.close()
    refused = run(workspace_dir, "case", "note", reference, "nog iets", check=False)
    assert refused.returncode == 2
    assert "gebeurtenis 3 tot en met 5" in refused.stderr and "acknowledge-rollback" in refused.stderr
    done = run(workspace_dir, "case", "acknowledge-rollback", reference, "--reason", "schijf vervangen")
    assert "Terugzetting erkend" in done.stdout and "3 tot en met 5" in done.stdout
    assert run(workspace_dir, "case", "audit", reference, check=False).returncode == 0


def test_a_rolled_back_case_still_opens_and_one_missing_event_is_named_as_one(desk, tmp_path):
    reference = make_case(desk).reference
    path = desk.paths.case_file(reference)
    shutil.copyfile(path, tmp_path / "older.dsrcase")
    with desk.open_case(reference) as case:
        case.add_note("tweede")
    shutil.copyfile(tmp_path / "older.dsrcase", path)
    with desk.open_case(reference) as case, pytest.raises(CaseRolledBackError) as refused:
        case.add_note("x")
    assert "gebeurtenis 2 van het logboek ontbreekt" in refused.value.message("nl")


def test_an_id_copy_due_in_a_rolled_back_case_goes_once_the_loss_is_acknowledged(desk, clock, tmp_path):
    from tests.desk.test_identity_flow import _masked_png

    desk.update_identity_settings(id_copy_keep_days=3)
    reference = make_case(desk).reference
    path = desk.paths.case_file(reference)
    with desk.open_case(reference) as case:
        case.assess_identity(role=RequesterRole.SELF, doubt=True, from_known_address=False, reasoning="x")
        case.choose_identity_method(Method.ID_COPY, "Alleen per post bereikbaar, niets anders bekend.")
        case.store_id_copy(_masked_png(), DocumentType.PASSPORT_2014)
        case.record_identity(IdentityOutcome.VERIFIED, method=Method.ID_COPY, reasoning="Klopt.")
    shutil.copyfile(path, tmp_path / "older.dsrcase")
    with desk.open_case(reference) as case:
        case.add_note("daarna")
    shutil.copyfile(tmp_path / "older.dsrcase", path)
    clock.advance(days=3, minutes=1)
    with desk.open_case(reference) as case:  # opens to be read, although the due copy cannot go yet
        assert len(case.identity().copies) == 1
        case.acknowledge_rollback("Oude kopie teruggezet")
        assert case.identity().copies == ()
