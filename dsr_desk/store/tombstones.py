"""Tombstones: one small encrypted file per destroyed case, `cases/<ref>.dsrgone`, beside where it lived.

The index keeps the destruction records, but the index can be lost (deleted, damaged, restored from an
old copy). A tombstone keeps each record where the case was, so a rebuilt index lists every destruction
again and never hands a destroyed reference out a second time. It holds only what the destruction record
holds (no personal data) and is encrypted and bound to its workspace and reference all the same: a
tombstone copied in from elsewhere, or edited, is refused rather than believed.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from dsr_desk.rules.case_values import DestructionRecord, parse_moment
from dsr_desk.store import strict_json
from dsr_desk.store.atomic import atomic_write
from dsr_desk.store.crypto import UnwrapError, derive_subkey, unwrap, wrap

FORMAT = "dsr-desk-tombstone"
VERSION = 1


class TombstoneUnreadableError(Exception):
    """Not a tombstone of this workspace's case: damaged, edited or from elsewhere."""


def tombstone_key(master: bytes) -> bytes:
    return derive_subkey(master, "dsr-desk/tombstones/v1")


def write_tombstone(path: Path, record: DestructionRecord, key: bytes, workspace_id: str) -> None:
    plain = json.dumps(record.to_json(), sort_keys=True).encode("utf-8")
    data = {
        "format": FORMAT,
        "version": VERSION,
        "reference": record.reference,
        "wrapped": wrap(plain, key, _context(workspace_id, record.reference)),
    }
    atomic_write(path, json.dumps(data, indent=2).encode("utf-8") + b"\n")


def read_tombstone(path: Path, reference: str, key: bytes, workspace_id: str) -> DestructionRecord:
    raw = Path(path).read_bytes()  # an OSError is the disk's trouble, not a forgery: the caller's to report
    try:
        data = strict_json.loads(raw)
        if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("reference") != reference:
            raise TombstoneUnreadableError
        fields = strict_json.loads(unwrap(data.get("wrapped") or {}, key, _context(workspace_id, reference)))
        record = DestructionRecord(
            reference=fields["reference"],
            received=dt.date.fromisoformat(fields["received"]),
            closed_at=parse_moment(fields["closed_at"]) if fields["closed_at"] else None,
            destroyed_at=parse_moment(fields["destroyed_at"]),
            destroyed_by=str(fields["destroyed_by"]),
            reason=str(fields["reason"]),
        )
    except (ValueError, KeyError, TypeError, UnwrapError):
        raise TombstoneUnreadableError from None
    if record.reference != reference:
        raise TombstoneUnreadableError
    return record


def _context(workspace_id: str, reference: str) -> bytes:
    return f"dsr-desk/tombstone/{workspace_id}/{reference}".encode()
