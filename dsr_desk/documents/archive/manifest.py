"""manifest.json: the SHA-256 of every file in the archive and of the manifest itself, and the audit
chain's head, so anyone can check the archive without trusting whoever hands it over."""

from __future__ import annotations

import hashlib
import json

FORMAT = "dsr-desk-case-archive"
VERSION = 2  # 2: the audit log ends with the archive's own event, sealing case.json and summary.pdf
ARCHIVE_SEAL = "archive.created"


def canonical(data: dict) -> bytes:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def seal(manifest: dict) -> dict:
    """Adds manifest_sha256: the hash of the manifest's canonical form without that field."""
    body = {key: value for key, value in manifest.items() if key != "manifest_sha256"}
    return {**body, "manifest_sha256": sha256(canonical(body))}


def seal_ok(manifest: dict) -> bool:
    claimed = manifest.get("manifest_sha256")
    return isinstance(claimed, str) and claimed == seal(manifest)["manifest_sha256"]
