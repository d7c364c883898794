"""What the commands share: opening the workspace, reading dates and codes, printing."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import os
import sys
from pathlib import Path

from dsr_desk.desk import Desk
from dsr_desk.desk.unlock import key_storage
from dsr_desk.errors import PassphraseRequiredError, RecoveryKeyRequiredError, ValidationError
from dsr_desk.i18n import set_language
from dsr_desk.rules.representation import Relation, parse_relation
from dsr_desk.rules.requests import Channel, RequestType, parse_request_types
from dsr_desk.rules.text_hygiene import escaped_in_json
from dsr_desk.store.keyfile import PASSPHRASE
from dsr_desk.store.workspace import WorkspacePaths, default_workspace_dir

PASSPHRASE_ENV = "DSR_DESK_PASSPHRASE"
NEW_PASSPHRASE_ENV = "DSR_DESK_NEW_PASSPHRASE"
HANDLER_ENV = "DSR_DESK_HANDLER"


class ScriptPassphraseRequiredError(PassphraseRequiredError):
    key = "error.passphrase_required_script"  # the advice for scripts: the command line's, not a window's


def workspace_root(args: argparse.Namespace) -> Path:
    return Path(args.workspace or os.environ.get("DSR_DESK_WORKSPACE") or default_workspace_dir())


def passphrase(prompt: str, *, required: bool = True) -> str | None:
    """From DSR_DESK_PASSPHRASE (meant for automation), else asked on the terminal, never echoed."""
    value = os.environ.get(PASSPHRASE_ENV)
    if value:
        return value
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    if required:
        raise ScriptPassphraseRequiredError()
    return None


def recovery_key(prompt: str) -> str:
    """Asked on the terminal, never echoed; for scripts the first line of standard input. Never an argument:
    every local user can read a process's arguments."""
    value = getpass.getpass(prompt) if sys.stdin.isatty() else sys.stdin.readline(200)
    if not value.strip():
        raise RecoveryKeyRequiredError()
    return value.strip()


def handler_name(args: argparse.Namespace) -> str | None:
    """Who is working: --handler, else DSR_DESK_HANDLER, else (None) the only or first handler."""
    return getattr(args, "as_handler", None) or os.environ.get(HANDLER_ENV) or None


def open_desk(args: argparse.Namespace) -> Desk:
    root = workspace_root(args)
    who = handler_name(args)
    secret = (
        passphrase("Wachtwoordzin / passphrase: ")
        if key_storage(WorkspacePaths(root), who) == PASSPHRASE
        else None
    )
    desk = Desk.open(root, handler=who, passphrase=secret)
    if not args.lang and not os.environ.get("DSR_DESK_LANG"):
        set_language(desk.settings.language)
    for notice in desk.notices():
        print(notice, file=sys.stderr)
    return desk


def parse_date(text: str, field: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError([(field, "validation.date_invalid", {"value": text})]) from None


def parse_types(text: str) -> list[RequestType]:
    try:
        return parse_request_types(text)
    except ValueError as exc:
        known = ", ".join(kind.value for kind in RequestType)
        raise ValidationError(
            [("types", "validation.unknown_type", {"code": str(exc), "known": known})]
        ) from None


def parse_channel(text: str) -> Channel:
    try:
        return Channel(text.strip())
    except ValueError:
        known = ", ".join(channel.value for channel in Channel)
        raise ValidationError(
            [("channel", "validation.unknown_channel", {"code": text, "known": known})]
        ) from None


def parse_relation_code(text: str) -> Relation | None:
    try:
        return parse_relation(text)
    except ValueError:
        known = ", ".join(relation.value for relation in Relation)
        raise ValidationError(
            [("relation", "validation.unknown_relation", {"code": text, "known": known})]
        ) from None


def print_json(data: object) -> None:
    print(escaped_in_json(json.dumps(data, ensure_ascii=False, indent=2)))
