"""The hash chain detects every kind of tampering with the audit log."""

from __future__ import annotations

import dataclasses
import shutil

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from dsr_desk.rules.requests import CaseStatus
from dsr_desk.store.audit import genesis_hash, next_event, verify_chain
from tests.support.cases import close_anyway, make_case
from tests.support.raw_db import raw_connection


def _chain(n: int, reference: str = "DSR-2026-0001"):
    events, previous = [], None
    for i in range(n):
        previous = next_event(
            previous, reference, f"2026-11-20T10:{i:02d}:00Z", "Petra", "note.added", {"text": f"n{i}"}
        )
        events.append(previous)
    return events


def _kinds(report):
    return {problem.kind for problem in report.problems}


def test_an_intact_chain_verifies():
    report = verify_chain(_chain(5), "DSR-2026-0001")
    assert report.ok and report.count == 5


def test_an_edited_event_is_detected():
    events = _chain(5)
    events[2] = dataclasses.replace(events[2], details={"text": "iets anders"})
    report = verify_chain(events, "DSR-2026-0001")
    assert not report.ok
    assert (3, "edited") in {(p.seq, p.kind) for p in report.problems}


def test_an_edited_actor_or_time_is_detected():
    for change in ({"actor": "Iemand anders"}, {"at": "2026-11-21T10:00:00Z"}, {"action": "status.changed"}):
        events = _chain(3)
        events[1] = dataclasses.replace(events[1], **change)
        assert "edited" in _kinds(verify_chain(events, "DSR-2026-0001"))


def test_a_removed_event_is_detected():
    events = _chain(5)
    del events[2]
    assert not verify_chain(events, "DSR-2026-0001").ok


def test_reordered_events_are_detected():
    events = _chain(5)
    events[1], events[2] = events[2], events[1]
    assert not verify_chain(events, "DSR-2026-0001").ok


def test_a_log_from_another_case_does_not_verify():
    assert _chain(1)[0].prev_hash == genesis_hash("DSR-2026-0001")
    assert "broken_link" in _kinds(verify_chain(_chain(3, "DSR-2026-0002"), "DSR-2026-0001"))


def test_a_rolled_back_log_is_detected_against_the_remembered_head():
    events = _chain(6)
    report = verify_chain(events[:4], "DSR-2026-0001", expected_head=events[-1].hash, expected_count=6)
    assert "rolled_back" in _kinds(report)


def test_an_index_that_missed_the_last_writes_is_repairable_not_a_problem():
    events = _chain(6)
    report = verify_chain(events, "DSR-2026-0001", expected_head=events[3].hash, expected_count=4)
    assert report.ok and report.index_behind


def _raw_connection(desk, reference):
    return raw_connection(desk.paths.case_file(reference), desk.case_key(reference))


def test_an_event_edited_inside_the_case_file_is_detected(desk):
    summary = make_case(desk)
    with desk.open_case(summary.reference) as case:
        case.set_status(CaseStatus.IN_PROGRESS)
        case.add_note("Gebeld met de verzoeker")
    # Someone with the key edits history: drop the append-only trigger, rewrite the note.
    connection = _raw_connection(desk, summary.reference)
    connection.execute("DROP TRIGGER events_append_only_update")
    connection.execute("""UPDATE events SET details = '{"text":"Niet gebeld"}' WHERE seq = 3""")
    connection.close()
    with desk.open_case(summary.reference) as case:
        report = case.verify_audit()
    assert not report.ok
    assert (3, "edited") in {(p.seq, p.kind) for p in report.problems}


def test_the_append_only_trigger_refuses_edits(desk):
    summary = make_case(desk)
    connection = _raw_connection(desk, summary.reference)
    with pytest.raises(sqlcipher.IntegrityError, match="append-only"):
        connection.execute("UPDATE events SET actor = 'x'")
    with pytest.raises(sqlcipher.IntegrityError, match="append-only"):
        connection.execute("DELETE FROM events")
    connection.close()


def test_a_case_file_rolled_back_to_an_older_copy_is_detected(desk, tmp_path):
    summary = make_case(desk)
    path = desk.paths.case_file(summary.reference)
    with desk.open_case(summary.reference) as case:
        case.add_note("eerste")
    shutil.copyfile(path, tmp_path / "older.dsrcase")
    with desk.open_case(summary.reference) as case:
        case.add_note("tweede")
        close_anyway(case)
    shutil.copyfile(tmp_path / "older.dsrcase", path)
    with desk.open_case(summary.reference) as case:
        report = case.verify_audit()
    assert "rolled_back" in _kinds(report)
