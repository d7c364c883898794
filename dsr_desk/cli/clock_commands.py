"""`dsr-desk due` and the clock commands on a case: extend, notice, information asked and received."""

from __future__ import annotations

import argparse
import datetime as dt

from dsr_desk.cli.common import open_desk, parse_date
from dsr_desk.errors import ValidationError
from dsr_desk.i18n import format_date, t
from dsr_desk.rules.clock import ExtensionReason, InformationNeeded
from dsr_desk.rules.clock_facts import LAWFUL_EXTENSION_REASONS
from dsr_desk.rules.clock_text import days_left_text
from dsr_desk.rules.deadline import extended_deadline, first_deadline, working_days_between
from dsr_desk.rules.deadline_text import explain
from dsr_desk.rules.holidays import DutchHolidays
from dsr_desk.rules.intake import received_problems


def due(args: argparse.Namespace) -> int:
    """Needs no workspace: the statutory date for a receipt date, with the Dutch default calendar."""
    received = parse_date(args.received, "received")
    today = parse_date(args.today, "today") if args.today else dt.date.today()
    if problems := received_problems(received, today):
        raise ValidationError(problems)
    holidays = DutchHolidays()
    deadline = extended_deadline(received, holidays) if args.extended else first_deadline(received, holidays)
    print(deadline.due.isoformat())
    print(explain(deadline, holidays))
    if args.today:
        left = (deadline.due - today).days
        working = working_days_between(today, deadline.due, holidays)
        print(t("cli.days_left", days=left, working=working))
    return 0


def extend(args: argparse.Namespace) -> int:
    with open_desk(args) as desk, desk.open_case(args.reference) as case:
        state = case.extend(ExtensionReason(args.reason_code), args.reason)
    print(state.due.isoformat())
    print(state.rule())
    print(t("cli.notify_by", date=format_date(state.first.due)))
    return 0


def extension_notified(args: argparse.Namespace) -> int:
    with open_desk(args) as desk, desk.open_case(args.reference) as case:
        case.record_extension_notice(parse_date(args.on, "on") if args.on else None)
        late = case.clock().extension_notice_late
    if late:
        print(t("cli.notice_late"))
    return 0


def info_requested(args: argparse.Namespace) -> int:
    with open_desk(args) as desk, desk.open_case(args.reference) as case:
        on = parse_date(args.on, "on") if args.on else None
        if args.pause:
            case.pause(InformationNeeded(args.what), on)
        else:
            case.request_information(InformationNeeded(args.what), on)
        print(days_left_text(case.clock()))
    return 0


def info_received(args: argparse.Namespace) -> int:
    with open_desk(args) as desk, desk.open_case(args.reference) as case:
        on = parse_date(args.on, "on") if args.on else None
        if args.pause:
            case.resume(on)
        else:
            case.information_received(on)
        state = case.clock()
    print(state.due.isoformat())
    print(days_left_text(state))
    return 0


def add_clock_commands(commands, case) -> None:
    """Registers `due` on the top level and the clock commands under `case`."""
    due_parser = commands.add_parser(
        "due", help="the statutory due date for a receipt date (needs no workspace)"
    )
    due_parser.add_argument("--received", required=True, metavar="YYYY-MM-DD")
    due_parser.add_argument("--extended", action="store_true", help="the term extended by two months")
    due_parser.add_argument("--today", metavar="YYYY-MM-DD", help="also print the days left as of this day")
    due_parser.set_defaults(run=due)

    extend_parser = case.add_parser(
        "extend", help="extend the term by two months (Art. 12(3)), with the reason"
    )
    extend_parser.add_argument("reference")
    extend_parser.add_argument("--reason", required=True, help="the reason, as the requester will read it")
    extend_parser.add_argument(
        "--reason-code",
        choices=[r.value for r in LAWFUL_EXTENSION_REASONS],
        default=ExtensionReason.COMPLEXITY.value,
        help="Art. 12(3): the complexity or the number of the requests; workload or holidays are no reason",
    )
    extend_parser.set_defaults(run=extend)

    notified = case.add_parser(
        "extension-notified", help="record that the requester was told of the extension"
    )
    notified.add_argument("reference")
    notified.add_argument("--on", metavar="YYYY-MM-DD", help="default: today")
    notified.set_defaults(run=extension_notified)

    for name, run, pause, text in (
        ("info-requested", info_requested, False, "record that information was asked from the requester"),
        ("info-received", info_received, False, "record that the asked information came in"),
        (
            "pause",
            info_requested,
            True,
            "ask information and pause the clock (only where the setting allows)",
        ),
        ("resume", info_received, True, "information came in: the clock runs again"),
    ):
        sub = case.add_parser(name, help=text)
        sub.add_argument("reference")
        if run is info_requested:
            sub.add_argument("--what", choices=[w.value for w in InformationNeeded], default="identity")
        sub.add_argument("--on", metavar="YYYY-MM-DD", help="default: today")
        sub.set_defaults(run=run, pause=pause)
