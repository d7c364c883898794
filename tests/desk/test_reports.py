"""Reports that add up: hand-counted edge cases, the demo against its case list, the CLI and the PDF."""

from __future__ import annotations

import datetime as dt
import io
import json
from contextlib import redirect_stdout

import pytest
from pypdf import PdfReader

from dsr_desk.cli import main
from dsr_desk.desk import Desk
from dsr_desk.desk.demo import fill_with_demo_cases
from dsr_desk.rules.clock import ExtensionReason
from dsr_desk.rules.report import Period
from dsr_desk.rules.requests import CaseStatus, Channel, RequestType
from dsr_desk.store.keychain import Keychain
from tests.conftest import PASSPHRASE, FixedClock
from tests.support.cases import close_anyway, make_case
from tests.support.memory_keyring import MemoryKeyring


def _at(clock, day: dt.date) -> None:
    clock.moment = dt.datetime.combine(day, dt.time(12), dt.UTC)


@pytest.fixture
def edge_desk(passphrase_desk, clock):
    """Hand-made: a case over the new year, a forwarded one, an extended late one, one on time, one open."""
    desk = passphrase_desk
    _at(clock, dt.date(2027, 1, 20))
    over_new_year = make_case(desk, name="Oud Nieuw", received=dt.date(2026, 12, 20))
    forwarded = make_case(desk, name="Door Gestuurd", received=dt.date(2026, 11, 2), channel=Channel.POST)
    late = make_case(desk, name="Laat Verlengd", received=dt.date(2026, 10, 1), types=(RequestType.ERASURE,))
    on_time = make_case(desk, name="Op Tijd", received=dt.date(2026, 11, 10))
    make_case(
        desk,
        name="Nog Open",
        received=dt.date(2026, 12, 28),
        types=(RequestType.ACCESS, RequestType.OBJECTION),
    )
    with desk.open_case(over_new_year.reference) as case:
        _at(clock, dt.date(2027, 1, 8))
        close_anyway(case)
    with desk.open_case(forwarded.reference) as case:
        _at(clock, dt.date(2026, 11, 4))
        case.forward("Webshop B.V.", on=dt.date(2026, 11, 4))
    with desk.open_case(late.reference) as case:
        _at(clock, dt.date(2026, 10, 20))
        case.extend(ExtensionReason.COMPLEXITY, "Vier systemen en een archief op papier.")
        _at(clock, dt.date(2027, 1, 15))  # extended due: 1 January 2027 + shift; closed later still
        close_anyway(case)
    with desk.open_case(on_time.reference) as case:
        _at(clock, dt.date(2026, 11, 30))
        close_anyway(case)
    _at(clock, dt.date(2027, 2, 1))
    return desk, {"over": over_new_year.reference, "fwd": forwarded.reference, "late": late.reference}


def test_hand_counted_edge_cases_by_year(edge_desk):
    desk, refs = edge_desk
    y2026 = desk.report(Period.year(2026))
    assert (y2026.received, y2026.closed, y2026.on_time, y2026.late) == (5, 1, 1, 0)
    assert y2026.by_type == {"access": 4, "erasure": 1, "objection": 1}
    assert y2026.by_channel == {"email": 4, "post": 1}
    assert y2026.forwarded == 1 and y2026.cases["forwarded"] == [refs["fwd"]]
    assert y2026.by_month["2026-12"] == 2 and sum(y2026.by_month.values()) == 5
    assert y2026.median_days == 20  # 10 to 30 November
    y2027 = desk.report(Period.year(2027))
    assert (y2027.received, y2027.closed, y2027.on_time, y2027.late, y2027.extended) == (0, 2, 1, 1, 1)
    assert y2027.cases["late"] == [refs["late"]] and y2027.cases["on_time"] == [refs["over"]]
    assert y2027.median_days == (19 + 106) / 2 and y2027.p90_days == 106
    assert y2027.forwarded == 0
    december = desk.report(Period(dt.date(2026, 12, 1), dt.date(2027, 1, 31)))
    assert (december.received, december.closed) == (2, 2)


def test_the_demo_adds_up_to_its_case_list(tmp_path):
    clock = FixedClock(dt.datetime(2026, 11, 20, 10, tzinfo=dt.UTC))
    desk, _ = Desk.create(
        tmp_path / "demo",
        organisation="Demo",
        storage="keychain",
        keychain=Keychain(MemoryKeyring()),
        clock=clock,
    )
    with desk:
        fill_with_demo_cases(desk)
        report = desk.report(Period.year(2026))
        listed = desk.list_cases()
        closed = sorted(c.reference for c in listed if c.status is CaseStatus.CLOSED)
        overview = {row.summary.reference: row.clock for row in desk.overview()}
    assert report.received == len(listed) == 25
    assert sum(report.by_channel.values()) == report.received
    assert sum(report.by_type.values()) == sum(len(c.types) for c in listed)
    assert report.cases["closed"] == closed and report.closed == 9
    assert report.on_time + report.late == report.closed
    assert report.cases["on_time"] == sorted(r for r in closed if overview[r].answered_on_time)
    # Hand-counted from resources/demo/cases.toml: three erasures refused in part under 17(3)(b).
    assert report.refused_by_ground == {"17(3)(b)": 3}
    assert report.median_days == 20


def test_report_cli_contract_json_and_pdf(edge_desk, tmp_path, monkeypatch):
    desk, _refs = edge_desk
    monkeypatch.setenv("DSR_DESK_PASSPHRASE", PASSPHRASE)
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["--workspace", str(desk.paths.root), "report", "--year", "2027", "--json"]) == 0
    figures = json.loads(out.getvalue())
    for key in ("received", "by_type", "by_channel", "closed", "on_time", "late", "extended", "refused"):
        assert key in figures
    assert figures["on_time"] + figures["late"] == figures["closed"] == 2
    assert figures["median_days"] == 62.5
    pdf = tmp_path / "verslag.pdf"
    with redirect_stdout(io.StringIO()):
        assert (
            main(
                [
                    "--lang",
                    "en",
                    "--workspace",
                    str(desk.paths.root),
                    "report",
                    "--year",
                    "2027",
                    "-o",
                    str(pdf),
                ]
            )
            == 0
        )
        assert (
            main(
                ["--workspace", str(desk.paths.root), "report", "--from", "2027-02-01", "--to", "2027-01-01"]
            )
            == 2
        )
        assert (
            main(["--workspace", str(desk.paths.root), "report", "--year", "2027", "--from", "2027-01-01"])
            == 2
        )
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Answered" in text and "Late" in text and "Requests received per month" in text
    assert "1 January 2027 to 31 December 2027" in " ".join(text.split())
