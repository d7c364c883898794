"""archives-index.json: the one signed list of the archives a period's bulk export wrote (file, case,
SHA-256), so a folder of archives shows that none is missing, swapped or added, and who made them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from dsr_desk.documents.archive.manifest import canonical
from dsr_desk.documents.archive.signature import check_signature, normalised_fingerprint, signature_member
from dsr_desk.documents.archive.verify import ArchiveReport, verify_archive
from dsr_desk.errors import NotAnArchiveError
from dsr_desk.store import strict_json
from dsr_desk.store.atomic import atomic_write, file_sha256
from dsr_desk.store.signing import Signer

INDEX_NAME = "archives-index.json"
FORMAT = "dsr-desk-archive-index"
MAX_INDEX_BYTES = 8 * 1024 * 1024


def write_index(
    folder: Path,
    archives: list[tuple[str, Path]],
    first: dt.date,
    last: dt.date,
    signer: Signer,
    now: dt.datetime,
) -> Path:
    """`archives`: (reference, path) of each archive written into `folder`."""
    body = {
        "format": FORMAT,
        "version": 1,
        "closed_from": first.isoformat(),
        "closed_to": last.isoformat(),
        "created_at": now.isoformat(timespec="seconds"),
        "archives": [
            {"file": path.name, "reference": reference, "sha256": file_sha256(path)}
            for reference, path in archives
        ],
    }
    signature = json.loads(signature_member(signer, canonical(body)))
    target = folder / INDEX_NAME
    atomic_write(target, json.dumps({**body, "signature": signature}, ensure_ascii=False, indent=2).encode())
    return target


def verify_index(path: Path, expect: str | None = None) -> ArchiveReport:
    """The index's signature, then every archive it lists (in the same folder): its hash, and its own check,
    which must name the same signer."""
    try:
        raw = Path(path).read_bytes()[: MAX_INDEX_BYTES + 1]
        data = strict_json.loads(raw)
        if len(raw) > MAX_INDEX_BYTES or not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError("format")
        archives = data["archives"]
        if not isinstance(archives, list) or not all(isinstance(a, dict) for a in archives):
            raise ValueError("archives")
    except (OSError, ValueError, KeyError):
        raise NotAnArchiveError(reason="not a DSR Desk archive index") from None
    report = ArchiveReport(Path(path).name, len(archives), 0)
    body = {key: value for key, value in data.items() if key != "signature"}
    check = check_signature(json.dumps(data.get("signature")).encode(), canonical(body))
    if not check.holds:
        report.add(Path(path).name, "signature")
    else:
        report.signer = check.fingerprint
        if expect is not None and normalised_fingerprint(expect) != check.fingerprint:
            report.add(Path(path).name, "signer", check.fingerprint or "")
    for entry in archives:
        name = str(entry.get("file", ""))
        member = Path(path).parent / name
        if "/" in name or "\\" in name or not member.is_file():
            report.add(name, "missing")
        elif file_sha256(member) != entry.get("sha256"):
            report.add(name, "changed")
        else:
            inner = verify_archive(member, expect=report.signer or expect)
            if not inner.ok:
                report.add(name, "archive_not_intact")
    return report
