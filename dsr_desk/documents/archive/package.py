"""Writing the case archive ZIP: summary.pdf, every letter as sent, case.json, audit.json, manifest.json.
Never an ID copy: those are gone; the verification record is in the summary and the audit log."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from dsr_desk import __version__
from dsr_desk.documents.archive.manifest import FORMAT, VERSION, seal, sha256
from dsr_desk.documents.archive.signature import SIGNATURE, signature_member
from dsr_desk.errors import WriteFailedError
from dsr_desk.store.atomic import OutputWatcher, atomic_writer, file_sha256
from dsr_desk.store.signing import Signer


@dataclass
class ArchiveContents:
    reference: str
    created_at: dt.datetime
    summary_pdf: bytes
    case_json: dict
    audit_events: list[dict]
    letters: list[tuple[str, bytes]] = field(default_factory=list)  # (name in letters/, the PDF as sent)


@dataclass(frozen=True)
class ArchiveResult:
    path: Path
    sha256: str
    files: int


def archive_files(contents: ArchiveContents) -> dict[str, bytes]:
    files = {
        "summary.pdf": contents.summary_pdf,
        "case.json": json.dumps(contents.case_json, ensure_ascii=False, indent=2).encode("utf-8"),
        "audit.json": json.dumps(
            {"reference": contents.reference, "events": contents.audit_events}, ensure_ascii=False, indent=2
        ).encode("utf-8"),
    }
    for name, pdf in contents.letters:
        files[f"letters/{name}"] = pdf
    return files


def write_archive(
    target: Path, contents: ArchiveContents, signer: Signer, outputs: OutputWatcher | None = None
) -> ArchiveResult:
    """The ZIP, with manifest.json signed by the workspace's key in signature.json."""
    target = Path(target)
    files = archive_files(contents)
    events = contents.audit_events
    manifest = seal(
        {
            "format": FORMAT,
            "version": VERSION,
            "app_version": __version__,
            "reference": contents.reference,
            "created_at": contents.created_at.isoformat(timespec="seconds"),
            "files": {name: sha256(data) for name, data in sorted(files.items())},
            "audit": {"count": len(events), "head": events[-1]["hash"] if events else ""},
        }
    )
    try:
        with (
            atomic_writer(target, mode=0o600, output=outputs) as handle,
            zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as archive,
        ):
            for name, data in files.items():
                archive.writestr(name, data)
            manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8")
            archive.writestr("manifest.json", manifest_bytes)
            archive.writestr(SIGNATURE, signature_member(signer, manifest_bytes))
    except OSError as exc:
        raise WriteFailedError(path=str(target), reason=exc.strerror or type(exc).__name__) from None
    return ArchiveResult(target, file_sha256(target), len(files) + 2)
