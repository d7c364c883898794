"""Per-case keys: 256 random bits each, kept wrapped (AES-GCM) by a sub-key of the master key.

Each key sits in `cases/<ref>.dsrkey` beside its case file, so a case is self-contained and the index can
be rebuilt; destroying the key file first is what makes a deleted case unreadable (crypto-shredding).
"""

from __future__ import annotations

import json
from pathlib import Path

from dsr_desk.errors import CaseKeyMissingError
from dsr_desk.store import strict_json
from dsr_desk.store.atomic import atomic_write, shred_file
from dsr_desk.store.crypto import UnwrapError, derive_subkey, unwrap, wrap

FORMAT = "dsr-desk-case-key"
VERSION = 1


def case_key_wrapping_key(master: bytes) -> bytes:
    return derive_subkey(master, "dsr-desk/case-keys/v1")


def write_case_key(
    path: Path, reference: str, case_key: bytes, wrapping_key: bytes, workspace_id: str
) -> None:
    data = {
        "format": FORMAT,
        "version": VERSION,
        "reference": reference,
        "wrapped": wrap(case_key, wrapping_key, _context(workspace_id, reference)),
    }
    atomic_write(path, json.dumps(data, indent=2).encode("utf-8") + b"\n")


def read_case_key(path: Path, reference: str, wrapping_key: bytes, workspace_id: str) -> bytes:
    try:
        data = strict_json.loads(Path(path).read_bytes())
    except FileNotFoundError:
        raise CaseKeyMissingError(reference=reference, reason="missing") from None
    except (OSError, ValueError):
        raise CaseKeyMissingError(reference=reference, reason="unreadable") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("reference") != reference:
        raise CaseKeyMissingError(reference=reference, reason="not this case's key")
    try:
        return unwrap(data.get("wrapped") or {}, wrapping_key, _context(workspace_id, reference))
    except UnwrapError:
        raise CaseKeyMissingError(reference=reference, reason="damaged") from None


def destroy_case_key(path: Path) -> None:
    shred_file(path)


def _context(workspace_id: str, reference: str) -> bytes:
    return f"dsr-desk/case/{workspace_id}/{reference}".encode()
