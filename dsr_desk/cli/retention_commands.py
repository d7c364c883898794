"""`dsr-desk retention [--months N] [--json] [--destroy --reason TEXT]` and `case hold | release`: closed
cases past their term, destroyed when the officer says so; a held case is skipped until released."""

from __future__ import annotations

import argparse
import sys

from dsr_desk.cli.common import open_desk, print_json
from dsr_desk.errors import ValidationError
from dsr_desk.i18n import format_date, t


def add_retention_commands(commands, case) -> None:
    retention = commands.add_parser(
        "retention", help="the closed cases past their retention term; --destroy destroys them"
    )
    retention.add_argument(
        "--months", type=int, metavar="N", help="the term in months (default: the setting)"
    )
    retention.add_argument("--json", action="store_true", help="the cases due, as a JSON list")
    retention.add_argument(
        "--destroy", action="store_true", help="destroy them: key first, then file, then a destruction record"
    )
    retention.add_argument("--reason", default="", help="why (required with --destroy)")
    retention.set_defaults(run=retention_command)
    hold = case.add_parser("hold", help="keep a case beyond its term, for a complaint or a procedure")
    hold.add_argument("reference")
    hold.add_argument("--reason", required=True)
    hold.set_defaults(run=hold_command)
    release = case.add_parser("release", help="end a hold: the case is destroyed when its term is over")
    release.add_argument("reference")
    release.add_argument("--reason", default="")
    release.set_defaults(run=release_command)


def retention_command(args: argparse.Namespace) -> int:
    if args.destroy and not args.reason.strip():
        raise ValidationError([("reason", "validation.destroy_reason", {})])
    with open_desk(args) as desk:
        if args.destroy:
            destroyed, refused = desk.destroy_due(args.reason, args.months)
            for record in destroyed:
                print(t("cli.destroyed", reference=record.reference))
            for reference, why in refused:
                print(f"dsr-desk: {reference}: {why}", file=sys.stderr)
            return 1 if refused else 0
        candidates = desk.retention_candidates(args.months)
        months = args.months or desk.settings.retention_months
    due = [entry for entry in candidates if not entry.held]
    if args.json:
        print_json([entry.to_json() for entry in due])
        return 0
    print(t("cli.retention.term", months=months, count=len(due)))
    for entry in due:
        print(t("cli.retention.due", reference=entry.reference, closed=format_date(entry.closed_on)))
    for entry in candidates:
        if entry.held:
            print(t("cli.retention.held", reference=entry.reference, reason=entry.hold_reason))
    return 0


def hold_command(args: argparse.Namespace) -> int:
    with open_desk(args) as desk, desk.open_case(args.reference) as case:
        case.hold(args.reason)
    print(t("cli.retention.now_held", reference=args.reference))
    return 0


def release_command(args: argparse.Namespace) -> int:
    with open_desk(args) as desk, desk.open_case(args.reference) as case:
        case.release(args.reason)
    print(t("cli.retention.released", reference=args.reference))
    return 0
