"""`dsr-desk report (--year YYYY | --from DATE --to DATE) [--json] [-o FILE.pdf]`: the figures of a period."""

from __future__ import annotations

import argparse
from pathlib import Path

from dsr_desk.cli.common import open_desk, parse_date, print_json
from dsr_desk.documents.report_pdf import render_report_pdf
from dsr_desk.documents.report_text import report_text
from dsr_desk.errors import ValidationError
from dsr_desk.i18n import current_language, t
from dsr_desk.rules.report import Period
from dsr_desk.store.atomic import atomic_write


def add_report_commands(commands) -> None:
    report = commands.add_parser(
        "report", help="the figures of a year or a period: received, answered, on time"
    )
    report.add_argument("--year", type=int, metavar="YYYY")
    report.add_argument("--from", dest="first", metavar="YYYY-MM-DD", help="the first day (with --to)")
    report.add_argument("--to", dest="last", metavar="YYYY-MM-DD", help="the last day, included")
    report.add_argument("--json", action="store_true", help="the figures as JSON, for scripts")
    report.add_argument(
        "-o", "--output", type=Path, metavar="FILE.pdf", help="also write the report as a PDF"
    )
    report.set_defaults(run=report_command)


def chosen_period(args: argparse.Namespace) -> Period:
    if args.year is not None and not (args.first or args.last):
        if not 1900 <= args.year <= 9999:
            raise ValidationError([("year", "validation.report_year", {"year": args.year})])
        return Period.year(args.year)
    if args.year is None and args.first and args.last:
        period = Period(parse_date(args.first, "from"), parse_date(args.last, "to"))
        if period.last < period.first:
            raise ValidationError([("to", "validation.report_period_reversed", {})])
        return period
    raise ValidationError([("period", "validation.report_period", {})])


def report_command(args: argparse.Namespace) -> int:
    period = chosen_period(args)
    with open_desk(args) as desk:
        report = desk.report(period)
        organisation, today = desk.settings.organisation_name, desk.today()
    if args.output:
        pdf = render_report_pdf(report, organisation=organisation, made_on=today, lang=current_language())
        atomic_write(args.output, pdf)
    if args.json:
        print_json(report.to_json())
    else:
        print(report_text(report))
        if args.output:
            print(t("cli.letter_written", path=str(args.output)))
    return 0
