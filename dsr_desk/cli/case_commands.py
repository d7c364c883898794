"""`dsr-desk case ...`: register, list, show and change cases."""

from __future__ import annotations

import argparse

from dsr_desk.cli.common import (
    open_desk,
    parse_channel,
    parse_date,
    parse_relation_code,
    parse_types,
    print_json,
)
from dsr_desk.desk.event_text import audit_report_lines, event_detail, event_label
from dsr_desk.i18n import format_date, format_datetime, t
from dsr_desk.rules.case_values import parse_moment
from dsr_desk.rules.clock_text import days_left_text, promise_text
from dsr_desk.rules.overview import urgency_order
from dsr_desk.rules.requests import CaseStatus
from dsr_desk.rules.text_hygiene import visible
from dsr_desk.store.audit import AuditReport


def new(args: argparse.Namespace) -> int:
    with open_desk(args) as desk:
        summary = desk.new_case(
            name=args.name,
            email=args.email,
            address=args.address.replace(" / ", "\n"),
            received=parse_date(args.received, "received"),
            types=parse_types(args.type),
            channel=parse_channel(args.channel),
            notes=args.note,
            for_person=args.for_person,
            relation=parse_relation_code(args.relation),
        )
    print(summary.reference)
    return 0


def forward(args: argparse.Namespace) -> int:
    with open_desk(args) as desk, desk.open_case(args.reference) as case:
        remaining = case.forward(
            args.to,
            on=parse_date(args.on, "on") if args.on else None,
            channel=parse_channel(args.channel),
            types=parse_types(args.types) if args.types else None,
        )
    if remaining:
        print(t("cli.forward_partly", types=", ".join(kind.label_with_article() for kind in remaining)))
    else:
        print(t("cli.forward_all"))
    return 0


def list_cases(args: argparse.Namespace) -> int:
    with open_desk(args) as desk:
        rows = [
            row for row in desk.overview() if args.status is None or row.summary.status.value == args.status
        ]
    rows.sort(key=urgency_order)
    if args.json:
        print_json([row.to_json() for row in rows])
        return 0
    for row in rows:
        case = row.summary
        print(
            f"{case.reference}  {case.received.isoformat()}  {row.clock.due.isoformat()}  "
            f"{days_left_text(row.clock):<40}  {case.status.label():<20}  {visible(case.name)}"
        )
    return 0


def show(args: argparse.Namespace) -> int:
    with open_desk(args) as desk, desk.open_case(args.reference) as case:
        if args.json:
            print_json(case.to_json())
            return 0 if case.audit_report.ok else 1
        record = case.record()
        print(f"{record.reference}  {record.status.label()}")
        requester = record.requester  # stored before hidden characters were refused: shown, not obeyed
        print(f"{t('cli.requester')}: {visible(requester.name)} <{visible(requester.email)}>")
        if record.requester.address:
            print(f"{t('cli.address')}: {record.requester.address.replace(chr(10), ', ')}")
        print(f"{t('cli.received')}: {format_date(record.received)} ({record.channel.label()})")
        print(f"{t('cli.requests')}: {', '.join(kind.label_with_article() for kind in record.types)}")
        clock = case.clock()
        print(f"{t('cli.due')}: {format_date(clock.due)} — {days_left_text(clock)}")
        print(f"  {clock.rule()}")
        if promise := promise_text(clock):
            print(f"  {promise}")
        if record.data_subject and record.relation:
            print(f"{t('archive.data_subject')}: {record.data_subject} ({record.relation.label()})")
        if record.notes:
            print(f"{t('cli.notes')}: {record.notes}")
        print()
        print(t("cli.audit_log"))
        for event in case.events():
            label = event_label(event.action)
            print(
                f"  {format_datetime(parse_moment(event.at))}  {event.actor}  {label}: {event_detail(event)}"
            )
        print()
        print_audit_report(case.audit_report)
        return 0 if case.audit_report.ok else 1


def status(args: argparse.Namespace) -> int:
    with open_desk(args) as desk, desk.open_case(args.reference) as case:
        case.set_status(CaseStatus(args.status), args.reason)
    return 0


def note(args: argparse.Namespace) -> int:
    with open_desk(args) as desk, desk.open_case(args.reference) as case:
        case.add_note(args.text)
    return 0


def audit(args: argparse.Namespace) -> int:
    with open_desk(args) as desk, desk.open_case(args.reference) as case:
        report = case.verify_audit()
    print_audit_report(report)
    return 0 if report.ok else 1


def acknowledge_rollback(args: argparse.Namespace) -> int:
    with open_desk(args) as desk, desk.open_case(args.reference) as case:
        event = case.acknowledge_rollback(args.reason)
    print(f"{event_label(event.action)}: {event_detail(event)}")
    return 0


def destroy(args: argparse.Namespace) -> int:
    with open_desk(args) as desk:
        record = desk.destroy_case(args.reference, args.reason)
    print(t("cli.destroyed", reference=record.reference))
    return 0


def print_audit_report(report: AuditReport) -> None:
    for line in audit_report_lines(report):
        print(line)
