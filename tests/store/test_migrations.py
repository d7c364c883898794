"""Schema versions: files of earlier releases open and upgrade; files of later releases are refused."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from dsr_desk.errors import CaseFileCorruptError, NewerFormatError
from dsr_desk.rules.requests import RequestType
from dsr_desk.store import case_schema, index_schema
from dsr_desk.store.audit import verify_chain
from dsr_desk.store.case_file import CaseFile
from dsr_desk.store.index import WorkspaceIndex
from tests.support.raw_db import raw_connection

DATA = Path(__file__).parent.parent / "data"
FIXTURES = json.loads((DATA / "fixtures.json").read_text())


def _copy(name: str, tmp_path: Path) -> tuple[Path, bytes]:
    target = tmp_path / name
    shutil.copyfile(DATA / name, target)
    return target, bytes.fromhex(FIXTURES[name]["key"])


def test_a_version_1_case_file_opens_upgrades_and_keeps_its_history(tmp_path):
    path, key = _copy("case-v1.sqlcipher", tmp_path)
    case = CaseFile.open(path, key, "DSR-2026-0042")
    record = case.record()
    assert record.requester.name == "Zoë van der Linden"
    assert record.types == (RequestType.ACCESS, RequestType.ERASURE)
    events = case.events()
    assert [e.action for e in events] == ["case.created", "note.added"]
    assert verify_chain(events, "DSR-2026-0042").ok
    case.close()
    connection = raw_connection(path, key)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == case_schema.MIGRATIONS[-1].version
    connection.close()


def test_a_version_1_index_opens_and_upgrades(tmp_path):
    path, key = _copy("index-v1.sqlcipher", tmp_path)
    index = WorkspaceIndex.open(path, key)
    [entry] = index.entries()
    assert entry.summary.reference == "DSR-2026-0042"
    # The counter of the old file goes on, and the new tables of later versions are there to use.
    assert index.reserve_reference(2026, "s1", dt.datetime(2026, 11, 20, tzinfo=dt.UTC)) == "DSR-2026-0002"
    assert index.pending_cases() == ["DSR-2026-0002"]
    index.close()
    assert len(index_schema.MIGRATIONS) >= 1


def test_a_file_from_a_newer_release_is_refused_and_untouched(tmp_path):
    path, key = _copy("case-v1.sqlcipher", tmp_path)
    connection = raw_connection(path, key)
    connection.execute("PRAGMA user_version = 999")
    connection.close()
    before = path.read_bytes()
    with pytest.raises(NewerFormatError, match="999"):
        CaseFile.open(path, key, "DSR-2026-0042")
    assert path.read_bytes() == before


def test_an_index_is_not_taken_for_a_case_file(tmp_path):
    path, key = _copy("index-v1.sqlcipher", tmp_path)
    with pytest.raises(CaseFileCorruptError, match="not a case file"):
        CaseFile.open(path, key, "DSR-2026-0042")


def test_a_version_1_case_file_gains_the_documents_table_on_upgrade(tmp_path):
    path, key = _copy("case-v1.sqlcipher", tmp_path)
    case = CaseFile.open(path, key, "DSR-2026-0042")
    import datetime as dt

    document_id, event = case.store_document(
        kind="letter",
        subtype="acknowledgement",
        lang="nl",
        content=b"%PDF-1.4 test",
        at=dt.datetime(2026, 3, 3, tzinfo=dt.UTC),
        actor="Petra Jansen",
        action="letter.sent",
        details={},
    )
    meta, content = case.document(document_id)
    assert content == b"%PDF-1.4 test" and meta["size"] == 13
    assert event.seq == 3 and verify_chain(case.events(), "DSR-2026-0042").ok
    case.close()


def test_a_version_1_case_file_upgrades_to_the_requester_being_the_data_subject(tmp_path):
    """Migration 5 adds who is asking for whom; a case of an earlier release had the requester as the
    data subject, and a new value is kept."""
    import dataclasses

    from dsr_desk.rules.representation import Relation

    path, key = _copy("case-v1.sqlcipher", tmp_path)
    case = CaseFile.open(path, key, "DSR-2026-0042")
    record = case.record()
    assert record.data_subject == "" and record.relation is None
    assert record.subject_name == "Zoë van der Linden"
    changed = dataclasses.replace(record, data_subject="Mila van der Linden", relation=Relation.PARENT)
    case.change(
        at=record.updated_at, actor="Petra Jansen", action="note.added", update=lambda _: (changed, {})
    )
    case.close()
    reopened = CaseFile.open(path, key, "DSR-2026-0042")
    assert reopened.record().data_subject == "Mila van der Linden"
    assert reopened.record().relation is Relation.PARENT
    reopened.close()


def test_a_version_4_case_keeps_what_an_earlier_release_allowed_readable_but_sends_no_unlawful_letter(
    tmp_path,
):
    """The old extension reason still reads; the refused withdrawal of consent is kept in the log, but no
    letter says it; the old forwarded_to answer is left unread."""
    from dsr_desk.desk.answers import inputs_from_events
    from dsr_desk.desk.clock import facts_from_events
    from dsr_desk.rules.clock import ExtensionReason
    from dsr_desk.rules.letter_checks import LetterCase, missing_for
    from dsr_desk.rules.letters import LetterKind
    from dsr_desk.rules.organisation import OrganisationProfile

    path, key = _copy("case-v4.sqlcipher", tmp_path)
    case = CaseFile.open(path, key, "DSR-2026-0077")
    record, events = case.record(), case.events()
    case.close()
    assert record.data_subject == "" and record.relation is None
    assert facts_from_events(events).extension.reason is ExtensionReason.OTHER
    inputs = inputs_from_events(events)
    profile = OrganisationProfile(name="X", email="x@example.nl", privacy_contact="P", signatory_name="P")
    problems = missing_for(
        LetterCase(
            LetterKind.CONSENT_WITHDRAWAL_CONFIRMATION, "nl", profile, (), inputs, record.requester.name, True
        )
    )
    assert "decision.withdrawal_cannot_be_refused" in [key for key, _ in problems]
