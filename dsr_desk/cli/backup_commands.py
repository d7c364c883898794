"""`dsr-desk backup -o FILE | backup --verify FILE | restore FILE --to DIR`: the workspace, encrypted, in one
file, and back."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dsr_desk.cli.common import open_desk
from dsr_desk.i18n import t
from dsr_desk.store.backup_file import verify_backup
from dsr_desk.store.backup_restore import restore_backup


def add_backup_commands(commands) -> None:
    backup = commands.add_parser(
        "backup", help="write the whole workspace, still encrypted, into one file; or check such a file"
    )
    what = backup.add_mutually_exclusive_group(required=True)
    what.add_argument("-o", "--output", type=Path, metavar="FILE.dsrbackup", help="the backup file to write")
    what.add_argument(
        "--verify", type=Path, metavar="FILE", help="check a backup without restoring it (exit 1: damaged)"
    )
    backup.set_defaults(run=backup_command)
    restore = commands.add_parser(
        "restore", help="restore a backup into a new folder: checked first, all or nothing (exit 2: damaged)"
    )
    restore.add_argument("file", type=Path, metavar="FILE")
    restore.add_argument(
        "--to", required=True, type=Path, metavar="DIR", help="a folder that does not exist yet"
    )
    restore.set_defaults(run=restore_command)


def backup_command(args: argparse.Namespace) -> int:
    if args.verify is not None:
        return _verify(args.verify)
    with open_desk(args) as desk:
        manifest = desk.write_backup(args.output)
    files = manifest["files"]
    cases = sum(1 for f in files if f["name"].endswith(".dsrcase"))
    print(t("cli.backup.written", path=str(args.output), files=len(files), cases=cases))
    for reference in manifest["as_is"]:
        print(f"dsr-desk: {t('cli.backup.as_is', reference=reference)}", file=sys.stderr)
    return 1 if manifest["as_is"] else 0


def _verify(path: Path) -> int:
    with open(path, "rb"):
        pass  # a file that is not there is refused (exit 2), not reported as a damaged backup
    report = verify_backup(path)
    if not report.ok:
        print(t("cli.backup.damaged"))
        for message in report.messages():
            print(f"  - {message}")
        return 1
    created = str(report.manifest.get("created_at", ""))
    print(t("cli.backup.intact", files=len(report.files), cases=report.case_count, created=created))
    return 0


def restore_command(args: argparse.Namespace) -> int:
    report = restore_backup(args.file, args.to)
    print(t("cli.backup.restored", path=str(args.to), cases=report.case_count))
    return 0
