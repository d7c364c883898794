"""`--help` speaks Dutch unless told otherwise; `--version` says the version."""

from __future__ import annotations

import re

import pytest

from dsr_desk import __version__
from dsr_desk.cli import interface_language, main
from dsr_desk.cli.help_text import help_entries
from dsr_desk.cli.parser import build_parser
from dsr_desk.i18n import cli_help, set_language


def _output(capsys, *argv: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as done:
        main(list(argv))
    out, err = capsys.readouterr()
    return done.value.code, out, err


def test_help_is_dutch_by_default(capsys, monkeypatch):
    monkeypatch.delenv("DSR_DESK_LANG", raising=False)
    status, out, _ = _output(capsys, "--help")
    assert status == 0
    assert out.startswith("gebruik: dsr-desk") and "opties:" in out and "toon deze hulp en stop" in out
    assert "een werkmap aanmaken" in out and "create a workspace" not in out


def test_help_is_english_with_lang_en(capsys):
    status, out, _ = _output(capsys, "--lang", "en", "case", "new", "--help")
    assert status == 0
    assert out.startswith("usage: dsr-desk case new") and "register a new request" in out
    assert "postal address" in out and "postadres" not in out


def test_a_commands_help_says_what_it_does_in_dutch(capsys):
    _status, out, _ = _output(capsys, "case", "new", "--help")
    assert "een nieuw verzoek registreren" in out and "postadres" in out


def test_a_usage_error_is_dutch_and_exits_2(capsys):
    status, _, err = _output(capsys, "case", "new", "--name", "Jan")
    assert status == 2
    assert "fout: deze argumenten zijn verplicht: --email, --received, --type" in err


def test_version(capsys):
    status, out, _ = _output(capsys, "--version")
    assert status == 0 and out.strip() == f"dsr-desk {__version__}"


def test_the_interface_language_comes_before_the_command_not_from_the_letters_own_option(monkeypatch):
    monkeypatch.delenv("DSR_DESK_LANG", raising=False)
    assert interface_language(["--lang", "en", "case", "list"]) == "en"
    assert interface_language(["--workspace", "ws", "--lang=en", "due"]) == "en"
    assert interface_language(["letter", "DSR-2026-0001", "access_response", "--lang", "en"]) == "nl"
    monkeypatch.setenv("DSR_DESK_LANG", "en")
    assert interface_language(["due"]) == "en"


def _only_codes(text: str) -> bool:
    return re.fullmatch(r"[a-z0-9_]+(, [a-z0-9_]+)+", text) is not None


def test_every_help_text_has_its_dutch_and_no_dutch_text_is_left_over():
    set_language("en")  # the English in the code, untranslated
    entries = {key: action.help for key, action in help_entries(build_parser())}
    dutch = cli_help("nl")
    missing = sorted(key for key, text in entries.items() if key not in dutch and not _only_codes(text))
    assert not missing, f"add these to dsr_desk/resources/translations/cli_help.nl.toml: {missing}"
    special = {"dsr-desk", "dsr-desk epilog", "metavar COMMAND"}
    assert not sorted(set(dutch) - set(entries) - special), "cli_help.nl.toml names options that are gone"
