"""The argument parser: every command, its options and its help text in one place."""

from __future__ import annotations

import argparse
from pathlib import Path

from dsr_desk import __version__
from dsr_desk.cli import case_commands, workspace_commands
from dsr_desk.cli.backup_commands import add_backup_commands
from dsr_desk.cli.clock_commands import add_clock_commands
from dsr_desk.cli.data_commands import add_data_commands
from dsr_desk.cli.handler_commands import add_handler_commands
from dsr_desk.cli.help_text import Parser, translate_help
from dsr_desk.cli.identity_commands import add_identity_commands
from dsr_desk.cli.letter_commands import add_letter_commands
from dsr_desk.cli.report_commands import add_report_commands
from dsr_desk.cli.retention_commands import add_retention_commands
from dsr_desk.rules.representation import Relation
from dsr_desk.rules.requests import CaseStatus, Channel


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="dsr-desk",
        description="DSR Desk: GDPR data-subject requests (AVG-verzoeken), local and encrypted. "
        "Without a command the application window opens.",
        epilog="For scripts: DSR_DESK_PASSPHRASE gives the passphrase of a passphrase-protected workspace.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--workspace", type=Path, help="the workspace folder (default: the user-data folder)")
    parser.add_argument("--lang", choices=["nl", "en"], help="language of messages (default: nl)")
    parser.add_argument(
        "--handler",
        dest="as_handler",
        metavar="NAME",
        help="the handler who is working (default: DSR_DESK_HANDLER, else the only or first handler)",
    )
    parser.set_defaults(command=None)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    init = commands.add_parser("init", help="create a workspace")
    init.add_argument("--org", default="", help="the organisation's name")
    init.add_argument("--handler", default="", help="your name, as it appears in the audit log")
    init.add_argument(
        "--key-storage",
        choices=["auto", "keychain", "passphrase"],
        default="auto",
        help="where the master key is kept (auto: the passphrase when DSR_DESK_PASSPHRASE is set, "
        "else the OS keychain)",
    )
    init.add_argument("--recovery-sheet", type=Path, help="save the recovery sheet (PDF) here")
    init.set_defaults(run=workspace_commands.init)

    demo = commands.add_parser("demo", help="fill the workspace with about 25 realistic demo cases")
    demo.add_argument("--count", type=int, default=25, choices=range(1, 26), metavar="N")
    demo.set_defaults(run=workspace_commands.demo)

    recover = commands.add_parser(
        "recover",
        help="open with the recovery key (asked for, or the first line of standard input) and keep the key "
        "anew (passphrase from DSR_DESK_PASSPHRASE)",
    )
    # Only to refuse it with a reason: a key on the command line is readable by every local user.
    recover.add_argument("--recovery-key", dest="recovery_key_on_command_line", help=argparse.SUPPRESS)
    recover.add_argument("--key-storage", choices=["keychain", "passphrase"], default="passphrase")
    recover.set_defaults(run=workspace_commands.recover)

    fingerprint = commands.add_parser(
        "fingerprint", help="the fingerprint of this workspace's signing key, on the last line"
    )
    fingerprint.set_defaults(run=workspace_commands.fingerprint)

    destroyed = commands.add_parser("destroyed", help="list the destruction records of deleted cases")
    destroyed.add_argument("--json", action="store_true")
    destroyed.set_defaults(run=workspace_commands.destroyed)

    case = commands.add_parser("case", help="work with cases").add_subparsers(
        dest="case_command", required=True
    )

    new = case.add_parser("new", help="register a new request; prints its reference")
    new.add_argument("--name", required=True)
    new.add_argument("--email", required=True)
    new.add_argument("--address", default="", help="postal address; lines separated by newlines or ' / '")
    new.add_argument("--received", required=True, metavar="YYYY-MM-DD")
    new.add_argument(
        "--type",
        required=True,
        metavar="T[,T...]",
        help="access, rectification, erasure, restriction, "
        "portability, objection, automated_decision, withdraw_consent",
    )
    new.add_argument(
        "--channel", default=Channel.EMAIL.value, metavar="C", help=", ".join(c.value for c in Channel)
    )
    new.add_argument("--note", default="")
    new.add_argument(
        "--for-person", default="", metavar="NAME", help="the data subject, when not the requester"
    )
    new.add_argument(
        "--relation",
        default="",
        metavar="R",
        help="the requester's relation to --for-person: " + ", ".join(r.value for r in Relation),
    )
    new.set_defaults(run=case_commands.new)

    listing = case.add_parser("list", help="list cases")
    listing.add_argument("--json", action="store_true")
    listing.add_argument("--status", choices=[s.value for s in CaseStatus])
    listing.set_defaults(run=case_commands.list_cases)

    show = case.add_parser("show", help="show one case with its audit log")
    show.add_argument("reference")
    show.add_argument("--json", action="store_true")
    show.set_defaults(run=case_commands.show)

    status = case.add_parser("status", help="change a case's status")
    status.add_argument("reference")
    status.add_argument("status", choices=[s.value for s in CaseStatus])
    status.add_argument("--reason", default="")
    status.add_argument(
        "--override",
        action="store_true",
        help="close although steps are open (a privacy officer only; --reason is recorded)",
    )
    status.set_defaults(run=case_commands.status)

    steps = case.add_parser("next", help="the case's steps and the next one (exit 0)")
    steps.add_argument("reference")
    steps.add_argument("--json", action="store_true")
    steps.set_defaults(run=case_commands.next_step)

    note = case.add_parser("note", help="add a note to a case's log")
    note.add_argument("reference")
    note.add_argument("text")
    note.set_defaults(run=case_commands.note)

    audit = case.add_parser("audit", help="verify a case's audit chain (exit 1 when it is broken)")
    audit.add_argument("reference")
    audit.set_defaults(run=case_commands.audit)

    acknowledge = case.add_parser(
        "acknowledge-rollback",
        help="accept that a case file copied back to an older version lost events (privacy officer)",
    )
    acknowledge.add_argument("reference")
    acknowledge.add_argument("--reason", required=True, help="why the loss is accepted; kept in the log")
    acknowledge.set_defaults(run=case_commands.acknowledge_rollback)

    destroy = case.add_parser("destroy", help="destroy a case: key first, then file; a record remains")
    destroy.add_argument("reference")
    destroy.add_argument("--reason", required=True)
    destroy.set_defaults(run=case_commands.destroy)
    forward = case.add_parser(
        "forward", help="forward (part of) the request to its controller: we are its processor"
    )
    forward.add_argument("reference")
    forward.add_argument(
        "--to", required=True, metavar="CONTROLLER", help="the controller, as the letter names it"
    )
    forward.add_argument("--on", metavar="YYYY-MM-DD", help="default: today")
    forward.add_argument(
        "--channel", default=Channel.EMAIL.value, metavar="C", help=", ".join(c.value for c in Channel)
    )
    forward.add_argument("--types", metavar="T[,T...]", help="the part forwarded (default: all of it)")
    forward.set_defaults(run=case_commands.forward)
    add_handler_commands(commands)
    add_backup_commands(commands)
    add_report_commands(commands)
    add_retention_commands(commands, case)
    add_clock_commands(commands, case)
    add_letter_commands(commands, case)
    add_identity_commands(commands, case)
    add_data_commands(commands, case)
    translate_help(parser)
    return parser
