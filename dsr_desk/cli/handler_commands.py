"""`dsr-desk handler add | list | remove`: who may open the workspace, each with their own credential."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from dsr_desk.cli.common import NEW_PASSPHRASE_ENV, open_desk, print_json
from dsr_desk.errors import KeychainUnavailableError, PassphraseRequiredError
from dsr_desk.i18n import t
from dsr_desk.store.keychain import Keychain
from dsr_desk.store.keyfile import HANDLER, KEYCHAIN, PASSPHRASE, ROLES


def add_handler_commands(commands) -> None:
    handler = commands.add_parser("handler", help="the handlers who may open this workspace").add_subparsers(
        dest="handler_command", required=True
    )
    add = handler.add_parser(
        "add",
        help="add a handler with their own passphrase (asked for, or DSR_DESK_NEW_PASSPHRASE for scripts)",
    )
    add.add_argument("name")
    add.add_argument("--role", choices=ROLES, default=HANDLER, help="officer: everything; handler: casework")
    add.add_argument(
        "--keychain", action="store_true", help="keep their key in this computer's keychain instead"
    )
    add.set_defaults(run=add_handler)
    listing = handler.add_parser("list", help="list the handlers")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(run=list_handlers)
    remove = handler.add_parser("remove", help="remove a handler: their passphrase no longer opens it")
    remove.add_argument("name")
    remove.set_defaults(run=remove_handler)


def add_handler(args: argparse.Namespace) -> int:
    keychain = Keychain()
    if args.keychain and not keychain.is_usable():
        raise KeychainUnavailableError()
    with open_desk(args) as desk:
        secret = (
            None if args.keychain else _new_passphrase(t("cli.handler.passphrase_prompt", name=args.name))
        )
        added = desk.add_handler(
            args.name,
            role=args.role,
            storage=KEYCHAIN if args.keychain else PASSPHRASE,
            passphrase=secret,
            keychain=keychain,
        )
    print(t("cli.handler.added", name=added.name, role=t(f"handlers.role.{added.role}")))
    return 0


def list_handlers(args: argparse.Namespace) -> int:
    with open_desk(args) as desk:
        handlers = desk.handlers()
    if args.json:
        print_json([handler.summary_json() for handler in handlers])
        return 0
    for handler in handlers:
        role, storage = t(f"handlers.role.{handler.role}"), t(f"handlers.storage.{handler.storage}")
        print(f"{handler.name:<30}  {role:<20}  {storage}")
    return 0


def remove_handler(args: argparse.Namespace) -> int:
    with open_desk(args) as desk:
        desk.remove_handler(args.name)
    print(t("cli.handler.removed", name=args.name))
    return 0


def _new_passphrase(prompt: str) -> str:
    """From DSR_DESK_NEW_PASSPHRASE for scripts, else asked twice on the terminal, never echoed."""
    value = os.environ.get(NEW_PASSPHRASE_ENV)
    if value:
        return value
    if not sys.stdin.isatty():
        raise PassphraseRequiredError()
    first = getpass.getpass(prompt)
    if getpass.getpass(t("cli.handler.passphrase_again")) != first:
        raise PassphraseRequiredError()
    return first
