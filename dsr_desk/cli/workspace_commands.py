"""`dsr-desk init | demo | recover | destroyed`: the workspace as a whole."""

from __future__ import annotations

import argparse
import os
import sys

from dsr_desk.cli.common import (
    PASSPHRASE_ENV,
    handler_name,
    open_desk,
    passphrase,
    print_json,
    recovery_key,
    workspace_root,
)
from dsr_desk.desk import Desk
from dsr_desk.desk.demo import fill_with_demo_cases
from dsr_desk.documents.recovery_sheet import render_recovery_sheet
from dsr_desk.errors import KeychainUnavailableError, SecretOnCommandLineError
from dsr_desk.i18n import current_language, t
from dsr_desk.rules.workspace_setup import cloud_sync_service
from dsr_desk.store.atomic import atomic_write
from dsr_desk.store.keychain import Keychain
from dsr_desk.store.keyfile import KEYCHAIN, PASSPHRASE


def init(args: argparse.Namespace) -> int:
    root = workspace_root(args)
    storage = args.key_storage
    if storage == "auto":
        storage = PASSPHRASE if os.environ.get(PASSPHRASE_ENV) else KEYCHAIN
    if storage == KEYCHAIN and not Keychain().is_usable():
        raise KeychainUnavailableError()
    secret = passphrase("Nieuwe wachtwoordzin / new passphrase: ") if storage == PASSPHRASE else None
    desk, recovery_key = Desk.create(
        root,
        organisation=args.org,
        handler=args.handler,
        storage=storage,
        passphrase=secret,
        language=current_language(),
    )
    with desk:
        print(t("cli.workspace_created", path=str(root)))
        if service := cloud_sync_service(str(root.resolve())):
            print(f"dsr-desk: {t('workspace.cloud_warning', service=service)}", file=sys.stderr)
        if args.recovery_sheet:
            pdf = render_recovery_sheet(
                organisation=desk.settings.organisation_name,
                workspace_id=desk.keyfile.workspace_id,
                recovery_key=recovery_key,
                created=desk.today(),
                workspace_path=str(root),
                lang=current_language(),
            )
            atomic_write(args.recovery_sheet, pdf)
            print(t("cli.recovery_sheet_saved", path=str(args.recovery_sheet)))
        else:
            print(t("cli.recovery_key", key=recovery_key))
    return 0


def fingerprint(args: argparse.Namespace) -> int:
    with open_desk(args) as desk:
        print(t("cli.fingerprint"))
        print(desk.fingerprint())
    return 0


def demo(args: argparse.Namespace) -> int:
    with open_desk(args) as desk:
        references = fill_with_demo_cases(desk, args.count)
    print(t("cli.demo_created", count=len(references)))
    return 0


def recover(args: argparse.Namespace) -> int:
    if args.recovery_key_on_command_line is not None:
        raise SecretOnCommandLineError(option="--recovery-key")
    key = recovery_key("Herstelsleutel / recovery key: ")
    secret = passphrase("Nieuwe wachtwoordzin / new passphrase: ") if args.key_storage == PASSPHRASE else None
    with Desk.open_with_recovery_key(
        workspace_root(args), key, storage=args.key_storage, passphrase=secret, handler=handler_name(args)
    ):
        print(t("cli.recovered"))
    return 0


def destroyed(args: argparse.Namespace) -> int:
    with open_desk(args) as desk:
        records = desk.destruction_records()
    if args.json:
        print_json([record.to_json() for record in records])
        return 0
    for record in records:
        print(f"{record.reference}  {record.destroyed_at:%Y-%m-%d}  {record.destroyed_by}  {record.reason}")
    return 0
