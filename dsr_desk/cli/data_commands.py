"""`dsr-desk data add`, `case search`, `export`, `archive` and `verify-archive`."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from dsr_desk.cli.common import open_desk, parse_date, print_json
from dsr_desk.documents.archive.bulk_index import verify_index
from dsr_desk.documents.archive.verify import verify_archive
from dsr_desk.i18n import t
from dsr_desk.rules.export_rules import ExportKind, kind_for, new_export_password


def data_add(args: argparse.Namespace) -> int:
    with open_desk(args) as desk, desk.open_case(args.reference) as case:
        if args.file:
            items, warnings = case.add_data_file(
                Path(args.file),
                system=args.system,
                category=args.category,
                included=not args.exclude,
                provided=args.provided,
            )
        else:
            items, warnings = (
                [
                    case.add_data_text(
                        args.text,
                        system=args.system,
                        category=args.category,
                        title=args.title,
                        included=not args.exclude,
                        provided=args.provided,
                    )
                ],
                (),
            )
    for item in items:
        print(item.id)
    for warning in warnings:
        print(f"dsr-desk: {t(f'data.warning.{warning}')}", file=sys.stderr)
    return 0


def search(args: argparse.Namespace) -> int:
    with open_desk(args) as desk, desk.open_case(args.reference) as case:
        case.record_search(args.system, searched=not args.not_searched, found=args.found, note=args.note)
    return 0


def export(args: argparse.Namespace) -> int:
    password = None
    if args.password_file:
        password = Path(args.password_file).read_text(encoding="utf-8").strip()
    elif args.encrypt:
        password = new_export_password()
    with open_desk(args) as desk, desk.open_case(args.reference) as case:
        kind = ExportKind(args.kind) if args.kind else kind_for(case.record().types)
        result = case.export_data(Path(args.output), kind=kind, password=password)
    print(t("cli.export_written", path=str(result.path), items=result.items, sha256=result.sha256))
    if args.encrypt:
        print(t("cli.export_password", password=password))
    return 0


def archive(args: argparse.Namespace) -> int:
    with open_desk(args) as desk:
        if args.reference:
            with desk.open_case(args.reference) as case:
                result = case.write_archive(Path(args.output))
            print(t("cli.letter_written", path=str(result.path)))
            return 0
        first = parse_date(args.closed_from, "closed_from") if args.closed_from else dt.date.min
        last = parse_date(args.closed_to, "closed_to") if args.closed_to else dt.date.max
        written, refused = desk.archive_closed(
            Path(args.output), first, last, progress=lambda done, total, ref: print(f"{done}/{total} {ref}")
        )
    print(t("cli.archives_written", count=len(written), folder=args.output))
    for reference, reason in refused:
        print(f"dsr-desk: {reference}: {reason}", file=sys.stderr)
    return 1 if refused else 0


def verify(args: argparse.Namespace) -> int:
    path = Path(args.file)
    check = verify_index if path.suffix.lower() == ".json" else verify_archive
    report = check(path, expect=args.expect)
    if args.json:
        print_json(report.to_json())
        return 0 if report.ok else 1
    heading, *problems = report.lines()
    print(heading)
    for line in problems:
        print(f"  {line}")
    return 0 if report.ok else 1


def add_data_commands(commands, case) -> None:
    data = commands.add_parser("data", help="data found about the person").add_subparsers(
        dest="data_command", required=True
    )
    add = data.add_parser("add", help="add a data item: a file other systems exported, or typed-in text")
    add.add_argument("reference")
    add.add_argument("--system", required=True)
    add.add_argument("--category", required=True)
    source = add.add_mutually_exclusive_group(required=True)
    source.add_argument("--file")
    source.add_argument("--text")
    add.add_argument("--title", default="")
    add.add_argument("--exclude", action="store_true", help="found, but not part of the answer")
    add.add_argument("--provided", action="store_true", help="provided by the person (for portability)")
    add.set_defaults(run=data_add)

    searched = case.add_parser("search", help="record that a system was searched, and what was found")
    searched.add_argument("reference")
    searched.add_argument("--system", required=True)
    searched.add_argument("--found", default="")
    searched.add_argument("--note", default="")
    searched.add_argument("--not-searched", action="store_true")
    searched.set_defaults(run=search)

    exporter = commands.add_parser("export", help="the person's data as one ZIP (optionally AES-256)")
    exporter.add_argument("reference")
    exporter.add_argument("-o", "--output", required=True, metavar="FILE.zip")
    secret = exporter.add_mutually_exclusive_group()
    secret.add_argument("--password-file", metavar="F")
    secret.add_argument("--encrypt", action="store_true", help="make a password; it is shown once")
    exporter.add_argument("--kind", choices=[k.value for k in ExportKind])
    exporter.set_defaults(run=export)

    archiver = commands.add_parser("archive", help="the case archive (one ZIP), or all closed in a period")
    archiver.add_argument("reference", nargs="?")
    archiver.add_argument("-o", "--output", required=True, metavar="FILE.zip|DIR")
    archiver.add_argument("--closed-from", metavar="YYYY-MM-DD")
    archiver.add_argument("--closed-to", metavar="YYYY-MM-DD")
    archiver.set_defaults(run=archive)

    verifier = commands.add_parser(
        "verify-archive", help="check a case archive (exit 1: changed; 2: not one)"
    )
    verifier.add_argument("file")
    verifier.add_argument("--json", action="store_true", help="the result as JSON, for scripts")
    verifier.add_argument(
        "--expect", metavar="FINGERPRINT", help="the signer's fingerprint it must have (exit 1: another key)"
    )
    verifier.set_defaults(run=verify)
