"""Forwarding to the controller (we are its processor): recorded, off the clock, never 'answered on time'."""

from __future__ import annotations

import datetime as dt
import json
import zipfile

import pytest

from dsr_desk.desk.demo import demo_organisation
from dsr_desk.errors import ValidationError
from dsr_desk.rules.clock import Urgency
from dsr_desk.rules.letters import LetterKind
from dsr_desk.rules.requests import CaseStatus, Channel, RequestType
from tests.support.cases import make_case
from tests.support.letters import pdf_text

CONTROLLER = "Bakkerij Noord B.V., privacy@bakkerijnoord.example"


def test_a_case_forwarded_whole_is_closed_as_forwarded_and_its_archive_never_says_on_time(desk, tmp_path):
    demo_organisation(desk)
    summary = make_case(desk, types=(RequestType.ACCESS,))
    with desk.open_case(summary.reference) as case:
        remaining = case.forward(CONTROLLER, on=dt.date(2026, 11, 3), channel=Channel.POST)
        assert remaining == ()
        record, clock = case.record(), case.clock()
        assert record.status is CaseStatus.FORWARDED and record.closed_at is not None
        assert clock.urgency is Urgency.FORWARDED and clock.answered_on_time is None
        assert clock.calendar_days_left is None and not clock.can_extend
        letter = " ".join(pdf_text(case.make_letter(LetterKind.FORWARDED, "nl")).split())
        assert CONTROLLER in letter and "3 november 2026" in letter and "per post" in letter
        assert "uiterlijk op" not in letter  # nothing left of ours to promise
        archive = case.write_archive(tmp_path / "a.zip", lang="nl").path
    with zipfile.ZipFile(archive) as opened:
        summary_text = " ".join(pdf_text(opened.read("summary.pdf")).split())
        case_json = json.loads(opened.read("case.json"))
    assert "binnen de termijn" not in summary_text and "Doorgestuurd" in summary_text
    assert CONTROLLER in summary_text
    [row] = [row for row in desk.overview() if row.summary.reference == summary.reference]
    assert row.urgency is Urgency.FORWARDED and "forwarded" in row.filter_tags  # the index knows, too
    assert case_json["status"] == "forwarded"


def test_part_of_a_case_is_forwarded_while_the_rest_stays_on_the_clock(desk):
    summary = make_case(desk, types=(RequestType.ACCESS, RequestType.ERASURE))
    with desk.open_case(summary.reference) as case:
        remaining = case.forward(CONTROLLER, types=[RequestType.ERASURE])
        assert remaining == (RequestType.ACCESS,)
        clock = case.clock()
        assert case.record().status is not CaseStatus.FORWARDED and clock.running
        assert clock.due == dt.date(2026, 12, 2) and clock.facts.forwarded_types == (RequestType.ERASURE,)
        with pytest.raises(ValidationError):
            case.forward(CONTROLLER, types=[RequestType.ERASURE])  # not twice
        case.forward(CONTROLLER)  # the rest
        assert case.record().status is CaseStatus.FORWARDED


def test_a_forwarded_case_taken_back_runs_again_on_its_first_clock(desk, clock):
    summary = make_case(desk)
    with desk.open_case(summary.reference) as case:
        case.forward(CONTROLLER)
        with pytest.raises(ValidationError):
            case.set_status(CaseStatus.IN_PROGRESS)  # reopening needs a reason
        case.set_status(CaseStatus.IN_PROGRESS, "De opdrachtgever: wij zijn zelf verantwoordelijk.")
        state = case.clock()
        assert state.running and state.facts.forwards == () and state.due == dt.date(2026, 12, 2)
        with pytest.raises(ValidationError):
            case.set_status(CaseStatus.FORWARDED)  # only forwarding itself records to whom and how
