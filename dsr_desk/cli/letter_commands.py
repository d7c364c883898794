"""`dsr-desk letter`, the answers and decisions letters are filled from, and the organisation profile."""

from __future__ import annotations

import argparse
import tomllib
from pathlib import Path

from dsr_desk.cli.common import open_desk, print_json
from dsr_desk.desk.recorded_files import kept_if_recorded
from dsr_desk.documents.letters.template_check import check_templates
from dsr_desk.documents.letters.templates import copy_defaults_to
from dsr_desk.documents.letters.test_print import render_test_print
from dsr_desk.errors import ValidationError
from dsr_desk.i18n import current_language, t
from dsr_desk.rules.letters import (
    ANSWER_BOOLEANS,
    ANSWER_FIELDS,
    GROUNDS,
    LETTER_CHANNELS,
    LetterKind,
    Outcome,
)
from dsr_desk.rules.organisation import OrganisationProfile, RegisterEntry
from dsr_desk.rules.requests import RequestType
from dsr_desk.store.atomic import atomic_write


def letter(args: argparse.Namespace) -> int:
    kind = _kind(args.kind)
    with open_desk(args) as desk, desk.open_case(args.reference) as case:
        lang = args.lang_letter or current_language()
        pdf = case.make_letter(kind, lang)  # refuses an unknown language before anything is written
        atomic_write(Path(args.output), pdf, mode=0o600, output=desk.outputs)
        kept_if_recorded(
            Path(args.output), lambda: case.record_letter(kind, lang, pdf, args.channel), "letter"
        )
    print(t("cli.letter_written", path=args.output))
    return 0


def answer(args: argparse.Namespace) -> int:
    values: dict[str, object] = {}
    for item in args.values:
        name, sep, value = item.partition("=")
        if not sep or name not in ANSWER_FIELDS:
            raise ValidationError(
                [("answer", "validation.unknown_answer", {"name": name, "known": ", ".join(ANSWER_FIELDS)})]
            )
        values[name] = value.lower() in ("1", "yes", "ja", "true") if name in ANSWER_BOOLEANS else value
    with open_desk(args) as desk, desk.open_case(args.reference) as case:
        case.set_answers(**values)
    return 0


def decide(args: argparse.Namespace) -> int:
    recipients = None if args.recipients is None else [r for r in args.recipients.split(";") if r.strip()]
    with open_desk(args) as desk, desk.open_case(args.reference) as case:
        case.record_decision(
            RequestType(args.type),
            Outcome(args.outcome),
            what=args.what,
            ground=args.ground,
            explanation=args.explanation,
            recipients_informed=recipients,
            direct_marketing=args.direct_marketing,
            entries=[e for e in (args.entries or "").split(",") if e.strip()],
        )
    return 0


def profile(args: argparse.Namespace) -> int:
    with open_desk(args) as desk:
        if args.values:
            changes = {}
            for item in args.values:
                name, sep, value = item.partition("=")
                if not sep or name not in OrganisationProfile.__dataclass_fields__ or name == "name":
                    known = ", ".join(n for n in OrganisationProfile.__dataclass_fields__ if n != "name")
                    raise ValidationError(
                        [("profile", "validation.unknown_profile_field", {"name": name, "known": known})]
                    )
                changes[name] = value.replace(" / ", "\n")
            desk.update_profile(**changes)
        print_json(desk.settings.organisation.to_json())
    return 0


def register(args: argparse.Namespace) -> int:
    with open_desk(args) as desk:
        if args.file:
            try:
                data = tomllib.loads(Path(args.file).read_text(encoding="utf-8"))
                entries = tuple(RegisterEntry.from_json(item) for item in data.get("register", []))
            except (tomllib.TOMLDecodeError, KeyError, TypeError) as exc:
                raise ValidationError(
                    [("register", "validation.register_file", {"reason": type(exc).__name__})]
                ) from None
            desk.update_register(entries)
        print_json([entry.to_json() for entry in desk.settings.register])
    return 0


def test_print(args: argparse.Namespace) -> int:
    with open_desk(args) as desk:
        atomic_write(
            Path(args.output),
            render_test_print(desk.settings.organisation, desk.settings.window, current_language()),
            mode=0o644,
        )
    print(t("cli.letter_written", path=args.output))
    return 0


def templates(args: argparse.Namespace) -> int:
    with open_desk(args) as desk:
        folder = desk.paths.letter_templates
        if args.action == "copy":
            for path in copy_defaults_to(folder):
                print(path)
            return 0
        problems = check_templates(folder)
    for problem in problems:
        print(problem)
    if not problems:
        print(t("gui.letters_settings.templates_ok"))
    return 1 if problems else 0


def _kind(text: str) -> LetterKind:
    try:
        return LetterKind(text)
    except ValueError:
        known = ", ".join(kind.value for kind in LetterKind)
        raise ValidationError(
            [("kind", "validation.unknown_letter_kind", {"kind": text, "known": known})]
        ) from None


def add_letter_commands(commands, case) -> None:
    letter_parser = commands.add_parser("letter", help="write a letter as PDF and record it as sent")
    letter_parser.add_argument("reference")
    letter_parser.add_argument("kind", metavar="KIND", help=", ".join(kind.value for kind in LetterKind))
    letter_parser.add_argument("--lang", dest="lang_letter", metavar="nl|en", help="the letter's language")
    letter_parser.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    letter_parser.add_argument("--channel", default="post", choices=LETTER_CHANNELS)
    letter_parser.set_defaults(run=letter)

    profile_parser = commands.add_parser("profile", help="show or set the organisation profile")
    profile_parser.add_argument("values", nargs="*", metavar="KEY=VALUE")
    profile_parser.set_defaults(run=profile)

    register_parser = commands.add_parser("register", help="show the processing register, or replace it")
    register_parser.add_argument("--file", metavar="REGISTER.toml", help="[[register]] entries in TOML")
    register_parser.set_defaults(run=register)

    print_parser = commands.add_parser("test-print", help="a page that shows where the envelope window falls")
    print_parser.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    print_parser.set_defaults(run=test_print)

    templates_parser = commands.add_parser(
        "templates", help="copy the letter templates to adapt, or check them"
    )
    templates_parser.add_argument("action", choices=["copy", "check"])
    templates_parser.set_defaults(run=templates)

    answer_parser = case.add_parser("answer", help="record answers letters are filled from (name=value ...)")
    answer_parser.add_argument("reference")
    answer_parser.add_argument("values", nargs="+", metavar="NAME=VALUE", help=", ".join(ANSWER_FIELDS))
    answer_parser.set_defaults(run=answer)

    decide_parser = case.add_parser("decide", help="record the decision on one request type")
    decide_parser.add_argument("reference")
    decide_parser.add_argument("--type", required=True, choices=[k.value for k in RequestType])
    decide_parser.add_argument("--outcome", required=True, choices=[o.value for o in Outcome])
    decide_parser.add_argument("--what", default="", help="what was erased, corrected, restricted, stopped")
    decide_parser.add_argument(
        "--ground",
        default="",
        help="for partly/refused: "
        + "; ".join(f"{kind.value}: {', '.join(codes)}" for kind, codes in GROUNDS.items() if codes),
    )
    decide_parser.add_argument("--explanation", default="")
    decide_parser.add_argument("--recipients", help="recipients informed (Art. 19), ';'-separated")
    decide_parser.add_argument(
        "--direct-marketing",
        action="store_true",
        help="the objection concerns direct marketing (Art. 21(2)): it cannot be refused",
    )
    decide_parser.add_argument(
        "--entries", metavar="ID[,ID...]", help="the register entries the decision concerns"
    )
    decide_parser.set_defaults(run=decide)
