"""Every free-text field has a limit, with a message saying it: a megabyte pasted into an answer or a
reason is refused before it is stored, so no letter, summary or list has to lay it out. What is within the
limits goes through: a note of the longest kind still archives."""

from __future__ import annotations

import datetime as dt
import zipfile

import pytest

from dsr_desk.documents.archive.verify import verify_archive
from dsr_desk.errors import ValidationError
from dsr_desk.rules.clock import ExtensionReason
from dsr_desk.rules.identity import RequesterRole
from dsr_desk.rules.intake import MAX_BLOCK_LENGTH, MAX_LINE_LENGTH, MAX_NOTES_LENGTH
from dsr_desk.rules.letters import Outcome
from dsr_desk.rules.organisation import RegisterEntry
from dsr_desk.rules.requests import CaseStatus, RequestType
from tests.support.cases import make_case

LINE = "x" * (MAX_LINE_LENGTH + 1)
BLOCK = "Een lange uitleg. " * (MAX_BLOCK_LENGTH // 18 + 1)
MEGABYTE = "Geplakt. " * 110_000  # just under 1,000,000 characters

CASE_FIELDS = {
    "note": lambda case: case.add_note("n" * (MAX_NOTES_LENGTH + 1)),
    "status reason": lambda case: case.set_status(CaseStatus.IN_PROGRESS, BLOCK),
    "search system": lambda case: case.record_search(LINE, searched=True),
    "search found": lambda case: case.record_search("CRM", searched=True, found=BLOCK),
    "search note": lambda case: case.record_search("CRM", searched=False, note=BLOCK),
    "data category": lambda case: case.add_data_text("tekst", system="CRM", category=LINE),
    "data title": lambda case: case.add_data_text("tekst", system="CRM", category="Klant", title=LINE),
    "data text": lambda case: case.add_data_text(MEGABYTE * 2, system="CRM", category="Klant"),
    "answer": lambda case: case.set_answers(forwarded_reason=MEGABYTE),
    "refusal article": lambda case: case.set_answers(refusal_article=LINE),
    "decision explanation": lambda case: case.record_decision(
        RequestType.ACCESS, Outcome.REFUSED, ground="12(5)", explanation=BLOCK
    ),
    "decision recipients": lambda case: case.record_decision(
        RequestType.ACCESS, Outcome.DONE, recipients_informed=[LINE]
    ),
    "extension explanation": lambda case: case.extend(ExtensionReason.COMPLEXITY, BLOCK),
    "identity reasoning": lambda case: case.assess_identity(
        role=RequesterRole.SELF, proof="", doubt=True, from_known_address=False, reasoning=BLOCK
    ),
}


@pytest.mark.parametrize("change", CASE_FIELDS.values(), ids=CASE_FIELDS.keys())
def test_every_free_text_of_a_case_has_a_limit_with_a_message(desk, change):
    reference = make_case(desk).reference
    with desk.open_case(reference) as case:
        events = case.events()
        with pytest.raises(ValidationError) as refused:
            change(case)
        assert case.events() == events  # refused before anything was stored
    message = refused.value.message("nl")
    assert "te lang" in message and ("hoogstens" in message or "at most" in refused.value.message("en"))


WORKSPACE_FIELDS = {
    "destruction reason": lambda desk, reference: desk.destroy_case(reference, LINE),
    "organisation address": lambda desk, _reference: desk.update_profile(address=BLOCK),
    "organisation phone": lambda desk, _reference: desk.update_profile(phone=LINE),
    "register purpose": lambda desk, _reference: desk.update_register(
        (RegisterEntry(id="klanten", name="Klanten", purposes=(BLOCK,)),)
    ),
    "holiday name": lambda desk, _reference: desk.update_clock_settings(
        pause_while_waiting=False, good_friday=True, extra_holidays=((dt.date(2026, 12, 24), LINE),)
    ),
}


@pytest.mark.parametrize("change", WORKSPACE_FIELDS.values(), ids=WORKSPACE_FIELDS.keys())
def test_every_free_text_of_the_workspace_has_a_limit_with_a_message(desk, change):
    reference = make_case(desk).reference
    settings = desk.settings
    with pytest.raises(ValidationError) as refused:
        change(desk, reference)
    assert "te lang" in refused.value.message("nl")
    assert desk.settings == settings and [c.reference for c in desk.list_cases()] == [reference]


def test_the_limits_are_generous_for_what_people_really_write(desk):
    reference = make_case(desk).reference
    with desk.open_case(reference) as case:
        case.set_answers(forwarded_reason="Een lange uitleg. " * (MAX_BLOCK_LENGTH // 18 - 1))
        case.add_data_text(MEGABYTE, system="CRM", category="Chatgesprekken")
        case.record_search("Klantenservice (Zendesk)", searched=True, found=BLOCK[:MAX_BLOCK_LENGTH])


def test_a_note_of_the_longest_kind_still_archives(desk, tmp_path):
    """A note longer than a page used to stop the archive (a table row taller than the page)."""
    reference = make_case(desk).reference
    with desk.open_case(reference) as case:
        case.add_note("Verslag van het gesprek. " * (MAX_NOTES_LENGTH // 25))
        result = case.write_archive(tmp_path / "archief.zip", lang="nl")
    assert verify_archive(result.path).ok
    with zipfile.ZipFile(result.path) as archive:
        assert len(archive.read("summary.pdf")) > 0
