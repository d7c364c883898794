"""Retention: closed cases past their term are listed and destroyed; a held case is skipped until released."""

from __future__ import annotations

import datetime as dt
import io
import json
from contextlib import redirect_stdout

import pytest

from dsr_desk.cli import main
from dsr_desk.errors import ValidationError
from dsr_desk.rules.retention import months_later
from tests.conftest import PASSPHRASE
from tests.support.cases import close_anyway, make_case


def _at(clock, day: dt.date) -> None:
    clock.moment = dt.datetime.combine(day, dt.time(12), dt.UTC)


def _closed(desk, clock, name: str, received: dt.date, closed: dt.date) -> str:
    _at(clock, received)
    reference = make_case(desk, name=name, received=received).reference
    _at(clock, closed)
    with desk.open_case(reference) as case:
        close_anyway(case)
    return reference


def test_months_later_keeps_the_day_or_takes_the_months_last():
    assert months_later(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)
    assert months_later(dt.date(2024, 2, 29), 24) == dt.date(2026, 2, 28)
    assert months_later(dt.date(2025, 11, 15), 2) == dt.date(2026, 1, 15)


@pytest.fixture
def aged(passphrase_desk, clock):
    desk = passphrase_desk
    old = _closed(desk, clock, "Oud Dossier", dt.date(2023, 11, 20), dt.date(2023, 12, 5))
    held = _closed(desk, clock, "Klacht Loopt", dt.date(2024, 1, 8), dt.date(2024, 1, 30))
    young = _closed(desk, clock, "Nog Jong", dt.date(2025, 6, 2), dt.date(2025, 6, 20))
    _at(clock, dt.date(2026, 5, 1))
    make_case(desk, name="Nog Open", received=dt.date(2023, 1, 1) + dt.timedelta(days=1200))
    with desk.open_case(held) as case:
        case.hold("Klacht bij de AP, zaaknummer z2026-001")
    return desk, clock, old, held, young


def test_retention_with_a_held_case(aged):
    desk, _clock, old, held, young = aged
    candidates = desk.retention_candidates()
    assert [(e.reference, e.held) for e in candidates] == [(old, False), (held, True)]
    assert candidates[0].due_on == dt.date(2025, 12, 5)
    assert [e.reference for e in desk.cases_due_for_destruction()] == [old]
    assert [e.reference for e in desk.cases_due_for_destruction(months=6)] == [old, young]
    destroyed, refused = desk.destroy_due("Bewaartermijn van 24 maanden verstreken")
    assert [r.reference for r in destroyed] == [old] and refused == []
    assert not desk.paths.case_file(old).exists() and not desk.paths.case_key(old).exists()
    assert old in [r.reference for r in desk.destruction_records()]
    assert desk.paths.case_file(held).exists()
    with desk.open_case(held) as case:
        case.release("Klacht afgehandeld")
        assert case.held() == (False, "")
        assert [e.action for e in case.events()][-2:] == ["retention.held", "retention.released"]
    assert [e.reference for e in desk.cases_due_for_destruction()] == [held]
    with pytest.raises(ValidationError):
        desk.destroy_due("  ")
    with pytest.raises(ValidationError):
        desk.update_retention_settings(months=0)
    desk.update_retention_settings(months=36)
    assert desk.settings.retention_months == 36 and desk.cases_due_for_destruction() == []


def test_retention_cli_lists_the_due_as_json_and_destroys_with_a_reason(aged, monkeypatch):
    desk, _clock, old, held, _young = aged
    monkeypatch.setenv("DSR_DESK_PASSPHRASE", PASSPHRASE)
    root = str(desk.paths.root)
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["--workspace", root, "retention", "--json"]) == 0
    assert [e["reference"] for e in json.loads(out.getvalue())] == [old]
    with redirect_stdout(io.StringIO()):
        assert main(["--workspace", root, "retention", "--destroy"]) == 2  # no reason: refused
        assert desk.paths.case_file(old).exists()
        assert main(["--workspace", root, "retention", "--destroy", "--reason", "Termijn voorbij"]) == 0
    assert not desk.paths.case_file(old).exists() and desk.paths.case_file(held).exists()
