"""Deleting a case: the key first, then the file; a destruction record without personal data remains."""

from __future__ import annotations

import datetime as dt

import pytest

from dsr_desk.desk import Desk
from dsr_desk.errors import CaseNotFoundError
from dsr_desk.rules.case_values import DestructionRecord
from dsr_desk.rules.requests import CaseStatus
from tests.support.cases import make_case


def test_destroying_removes_key_and_file_and_keeps_a_record(desk, workspace_dir):
    summary = make_case(desk, name="Anna de Wit", email="anna.dewit@example.nl")
    with desk.open_case(summary.reference) as case:
        case.set_status(CaseStatus.CLOSED)
    record = desk.destroy_case(summary.reference, "Bewaartermijn verstreken")
    # Only the tombstone is left: the record, encrypted, naming nobody.
    (tombstone,) = (workspace_dir / "cases").iterdir()
    assert tombstone.name == f"{summary.reference}.dsrgone"
    assert b"Anna" not in tombstone.read_bytes() and b"Bewaartermijn" not in tombstone.read_bytes()
    assert desk.list_cases() == []
    assert desk.destruction_records() == [record]
    assert record.reason == "Bewaartermijn verstreken" and record.destroyed_by == "Petra Jansen"
    assert record.received == dt.date(2026, 11, 2) and record.closed_at is not None
    text = str(record.to_json())
    assert "Anna" not in text and "anna.dewit" not in text
    with pytest.raises(CaseNotFoundError):
        desk.open_case(summary.reference)


def test_a_destroyed_reference_is_never_handed_out_again(desk, workspace_dir, keychain):
    first = make_case(desk)
    desk.destroy_case(first.reference, "Per abuis aangemaakt")
    desk.close()
    with Desk.open(workspace_dir, keychain=keychain) as reopened:
        assert make_case(reopened).reference == "DSR-2026-0002"


def test_an_interrupted_destruction_is_finished_at_the_next_open(desk, workspace_dir, keychain, clock):
    summary = make_case(desk)
    # The process died right after the destruction was announced in the index.
    desk.index.begin_destruction(
        DestructionRecord(
            summary.reference, summary.received, None, clock(), "Petra Jansen", "Verzoek ingetrokken"
        )
    )
    desk.close()
    with Desk.open(workspace_dir, keychain=keychain) as reopened:
        assert reopened.reconcile_report.destructions_finished == [summary.reference]
        assert reopened.list_cases() == []
        assert [r.reference for r in reopened.destruction_records()] == [summary.reference]
    # Cut off before its tombstone was written: the clean-up writes it.
    assert [p.name for p in (workspace_dir / "cases").iterdir()] == [f"{summary.reference}.dsrgone"]
