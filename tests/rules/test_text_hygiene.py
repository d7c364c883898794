"""Bidirectional overrides and zero-width characters in names and e-mail addresses: refused, naming the
character, before anything is stored; text from outside that is only shown has them made visible."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

import pytest

from dsr_desk.cli import main
from dsr_desk.errors import ValidationError
from dsr_desk.rules.intake import prepare_requester
from dsr_desk.rules.requests import RequestType
from dsr_desk.rules.text_hygiene import hidden_characters, visible
from tests.conftest import PASSPHRASE
from tests.support.cases import make_case


@pytest.mark.parametrize(
    ("name", "character"),
    [
        ("Jan de Vries\u202egnp.exe", "U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("Jan\u200b de Vries", "U+200B ZERO WIDTH SPACE"),
        ("\u2066Jan de Vries", "U+2066 LEFT-TO-RIGHT ISOLATE"),
        ("Jan\ufeff", "U+FEFF ZERO WIDTH NO-BREAK SPACE"),
        ("Jan\u200d", "U+200D ZERO WIDTH JOINER"),  # a joiner at the end joins nothing
    ],
)
def test_a_name_with_hidden_characters_is_refused_naming_them(name, character):
    with pytest.raises(ValidationError) as refused:
        prepare_requester(name=name, email="jan@example.nl", address="")
    assert refused.value.fields_with_problems() == {"name"}
    assert character in refused.value.message("nl") and "onzichtbare tekens" in refused.value.message("nl")


@pytest.mark.parametrize("email", ["jan\u202e@example.nl", "jan@exa\u200bmple.nl", "jan\u200c@example.nl"])
def test_an_email_address_with_hidden_characters_is_refused(email):
    with pytest.raises(ValidationError) as refused:
        prepare_requester(name="Jan", email=email, address="")
    assert "email" in refused.value.fields_with_problems()
    assert "onzichtbare tekens" in refused.value.message("nl")


def test_joiners_between_letters_belong_to_the_name_and_are_kept():
    persian = "مهدی\u200cزاده"  # the zero-width non-joiner is how this surname is spelled
    assert prepare_requester(name=persian, email="m@example.ir", address="").name == persian
    assert hidden_characters("Jan\u200cde") == ["U+200C ZERO WIDTH NON-JOINER"]  # but not in an address


def test_the_case_list_shows_what_an_older_case_hides(passphrase_desk, capsys, monkeypatch):
    """A case stored before the refusal (or written by other means) is listed with the character shown."""
    desk = passphrase_desk
    summary = make_case(desk, name="Jan de Vries")
    with desk.open_case(summary.reference) as case:
        record = case.record()
        sneaky = replace(record.requester, name="Jan \u202eseirV ed")
        case._write("requester.changed", lambda current, _now: (replace(current, requester=sneaky), {}))
    monkeypatch.setenv("DSR_DESK_PASSPHRASE", PASSPHRASE)
    assert main(["--workspace", str(desk.paths.root), "case", "list"]) == 0
    out = capsys.readouterr().out
    assert "\u202e" not in out and "Jan <U+202E>seirV ed" in out
    assert main(["--workspace", str(desk.paths.root), "case", "list", "--json"]) == 0
    out = capsys.readouterr().out
    assert "\u202e" not in out and json.loads(out)[0]["name"] == "Jan \u202eseirV ed"  # same data, escaped


def test_new_case_from_the_command_line_refuses_an_override(passphrase_desk, capsys, monkeypatch):
    desk = passphrase_desk
    monkeypatch.setenv("DSR_DESK_PASSPHRASE", PASSPHRASE)
    status = main(
        ["--workspace", str(desk.paths.root), "case", "new", "--name", "Jan\u202e", "--email", "j@example.nl",
         "--received", dt.date(2026, 11, 2).isoformat(), "--type", RequestType.ACCESS.value]
    )  # fmt: skip
    assert status == 2
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in capsys.readouterr().err
    assert desk.list_cases() == []


def test_visible_shows_controls_and_hidden_characters_as_codes():
    assert visible("a\nb\u202ec\u200bd") == "a<U+000A>b<U+202E>c<U+200B>d"
    assert visible("Łukasz Wróbel") == "Łukasz Wróbel"
