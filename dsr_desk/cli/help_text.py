"""`--help` and usage errors in the interface language.

The English help stands beside each option in the code, as argparse has it; the Dutch lives in
resources/translations/cli_help.nl.toml, keyed by what a user types: `"case new --name"`, `"case new"` for
the command itself, `"case show reference"` for a positional. argparse's own words (usage, the headings,
the common errors) come from the catalogues.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from typing import NoReturn

from dsr_desk.i18n import cli_help, current_language, t

_ERRORS = [  # argparse's English, as Python 3.11 to 3.13 word it
    (re.compile(r"the following arguments are required: (?P<names>.+)"), "cli.argparse.required"),
    (re.compile(r"unrecognized arguments: (?P<words>.+)"), "cli.argparse.unrecognized"),
    (re.compile(r"invalid choice: (?P<value>.+?) \(choose from (?P<choices>.+)\)"), "cli.argparse.choice"),
    (re.compile(r"expected one argument"), "cli.argparse.one_value"),
    (re.compile(r"invalid (?P<type>\w+) value: (?P<value>.+)"), "cli.argparse.invalid_value"),
]
_ARGUMENT = re.compile(r"argument (?P<argument>\S+?): (?P<rest>.+)", re.DOTALL)


class Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, t("cli.argparse.usage") if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """argparse in the interface language; subcommand parsers are made of the same class."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", Formatter)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._positionals.title = t("cli.argparse.positionals")
        self._optionals.title = t("cli.argparse.options")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, t("cli.argparse.error", prog=self.prog, message=translate_error(message)) + "\n")


def translate_error(message: str) -> str:
    argument = _ARGUMENT.fullmatch(message)
    if argument:
        rest = translate_error(argument["rest"])
        return t("cli.argparse.argument", argument=argument["argument"], message=rest)
    for pattern, key in _ERRORS:
        found = pattern.fullmatch(message)
        if found:
            return t(key, **found.groupdict())
    return message


def translate_help(parser: argparse.ArgumentParser) -> None:
    """Every help text in the current language; the English in the code where no Dutch exists yet."""
    table = cli_help(current_language())
    for key, holder in help_entries(parser):
        if key in table:
            holder.help = table[key]
    for action in _all_actions(parser):
        if isinstance(action.metavar, str) and f"metavar {action.metavar}" in table:
            action.metavar = table[f"metavar {action.metavar}"]
    parser.description = table.get("dsr-desk", parser.description)
    parser.epilog = table.get("dsr-desk epilog", parser.epilog)
    for choice, sub in _subcommands(parser):
        sub.description = sub.description or choice.help  # `case new --help` says what the command does


def help_entries(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[str, argparse.Action]]:
    """(key, the action that holds its help) for every help text a user can see."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                yield " ".join((*path, choice.dest)), choice
                yield from help_entries(action.choices[choice.dest], (*path, choice.dest))
        elif isinstance(action, argparse._HelpAction | argparse._VersionAction):
            yield max(action.option_strings, key=len), action
        elif action.help not in (None, argparse.SUPPRESS):
            name = max(action.option_strings, key=len) if action.option_strings else action.dest
            yield " ".join((*path, name)), action


def _all_actions(parser: argparse.ArgumentParser) -> Iterator[argparse.Action]:
    yield from parser._actions
    for _choice, sub in _subcommands(parser):
        yield from sub._actions


def _subcommands(
    parser: argparse.ArgumentParser,
) -> Iterator[tuple[argparse.Action, argparse.ArgumentParser]]:
    """Every (listing entry, parser) pair below this parser, depth first."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                sub = action.choices[choice.dest]
                yield choice, sub
                yield from _subcommands(sub)
