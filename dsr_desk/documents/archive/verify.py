"""Checking a case archive without trusting whoever made it: every file against the manifest, the manifest
against its own hash, the audit chain event by event, case.json and summary.pdf against the archive's own
sealing event at the end of that chain, and each letter against the hash its 'letter sent' event recorded.

What it cannot show: that the organisation made the archive. Anyone can compute SHA-256 and build a new,
consistent archive from scratch; there is no signature. It shows that nothing was changed, cut or slipped in
after the fact without rebuilding the whole chain.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from dsr_desk.documents.archive.manifest import ARCHIVE_SEAL, FORMAT, seal_ok
from dsr_desk.errors import NotAnArchiveError
from dsr_desk.i18n import t
from dsr_desk.store.audit import AuditEvent, verify_chain

MAX_AUDIT_JSON = 200 * 1024 * 1024
_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class ArchiveProblem:
    where: str  # a file name, or 'event 7'
    kind: str  # changed | missing | extra | duplicate | manifest | edited | broken_link | out_of_sequence |
    # letter | unrecorded | head | seal_missing | seal_mismatch


@dataclass
class ArchiveReport:
    reference: str
    files: int
    events: int
    problems: list[ArchiveProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def lines(self, lang: str | None = None) -> list[str]:
        """What the check found, in one sentence per problem, for the command line and the GUI alike."""
        if self.ok:
            return [t("archive.intact", lang, files=self.files, events=self.events)]
        heading = t("archive.problems", lang, count=len(self.problems))
        return [heading] + [t(f"archive.problem.{p.kind}", lang, where=p.where) for p in self.problems]

    def add(self, where: str, kind: str) -> None:
        self.problems.append(ArchiveProblem(where, kind))


def verify_archive(path: Path) -> ArchiveReport:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise NotAnArchiveError(reason=type(exc).__name__) from None
    with archive:
        infos = [info for info in archive.infolist() if not info.is_dir()]
        manifest = _manifest(archive, [info.filename for info in infos])
        report = ArchiveReport(str(manifest.get("reference", "")), len(infos), 0)
        if not seal_ok(manifest):
            report.add("manifest.json", "manifest")
        hashes, audit_bytes = _hash_members(archive, infos, manifest["files"], report)
    _check_audit(report, manifest, hashes, audit_bytes)
    return report


def _manifest(archive: zipfile.ZipFile, names: list[str]) -> dict:
    if "manifest.json" not in names:
        raise NotAnArchiveError(reason="no manifest.json")
    try:
        manifest = json.loads(archive.read("manifest.json"))
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise ValueError("format")
        if not isinstance(manifest.get("files"), dict) or not isinstance(manifest.get("audit", {}), dict):
            raise ValueError("files")
    except (ValueError, UnicodeDecodeError, zipfile.BadZipFile, RuntimeError):
        raise NotAnArchiveError(reason="manifest.json is not a DSR Desk manifest") from None
    return manifest


def _hash_members(archive: zipfile.ZipFile, infos, listed: dict, report: ArchiveReport):
    """SHA-256 of every member, streamed; only audit.json is kept, to be read."""
    hashes: dict[str, str] = {}
    audit_bytes = b""
    for info in infos:
        name = info.filename
        if name == "manifest.json":
            continue
        if name in hashes:
            # Two members of one name: tools disagree on which one they show, so neither can be trusted.
            report.add(name, "duplicate")
            continue
        keep = name == "audit.json" and info.file_size <= MAX_AUDIT_JSON
        digest, kept = hashlib.sha256(), bytearray()
        try:
            with archive.open(info) as handle:
                while chunk := handle.read(_CHUNK):
                    digest.update(chunk)
                    if keep:
                        kept += chunk
        except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, EOFError):
            report.add(name, "changed")
            continue
        hashes[name] = digest.hexdigest()
        if keep:
            audit_bytes = bytes(kept)
        if name not in listed:
            report.add(name, "extra")
        elif hashes[name] != listed[name]:
            report.add(name, "changed")
    if [i.filename for i in infos].count("manifest.json") > 1:
        report.add("manifest.json", "duplicate")
    for name in sorted(set(listed) - set(hashes)):
        report.add(name, "missing")
    return hashes, audit_bytes


def _check_audit(report: ArchiveReport, manifest: dict, hashes: dict[str, str], audit_bytes: bytes) -> None:
    try:
        audit = json.loads(audit_bytes or b"{}")
        events = [
            AuditEvent(e["seq"], e["at"], e["actor"], e["action"], e["details"], e["prev_hash"], e["hash"])
            for e in audit["events"]
        ]
    except (ValueError, KeyError, TypeError, AttributeError):
        report.add("audit.json", "changed")
        return
    report.events = len(events)
    chain = verify_chain(events, report.reference)
    for problem in chain.problems:
        report.add(f"event {problem.seq}" if problem.seq else "audit.json", problem.kind)
    head = manifest.get("audit", {})
    if head.get("head") != chain.head or head.get("count") != len(events):
        report.add("audit.json", "head")
    _check_seal(report, manifest, events, hashes)
    _check_letters(report, events, hashes)


def _check_seal(report: ArchiveReport, manifest: dict, events: list[AuditEvent], hashes: dict) -> None:
    """The archive's own event must close the log: a cut log loses it, an edited case.json or summary.pdf
    no longer matches it."""
    if manifest.get("version", 1) < 2:
        return
    last = events[-1] if events else None
    if last is None or last.action != ARCHIVE_SEAL or not isinstance(last.details, dict):
        report.add("audit.json", "seal_missing")
        return
    for name, key in (("case.json", "case_json_sha256"), ("summary.pdf", "summary_sha256")):
        if name in hashes and hashes[name] != last.details.get(key):
            report.add(name, "seal_mismatch")


def _check_letters(report: ArchiveReport, events: list[AuditEvent], hashes: dict[str, str]) -> None:
    letters = {name: digest for name, digest in hashes.items() if name.startswith("letters/")}
    by_document = {name.split("/", 1)[1].split("-", 1)[0]: name for name in letters}
    sent: set[str] = set()
    for event in events:
        if event.action != "letter.sent" or not isinstance(event.details, dict):
            continue
        try:
            number = f"{int(event.details.get('document', 0)):04d}"
        except (TypeError, ValueError):
            report.add(f"event {event.seq}", "letter")
            continue
        name = by_document.get(number)
        if name is None or letters[name] != event.details.get("sha256"):
            report.add(f"event {event.seq}", "letter")
        else:
            sent.add(name)
    for name in sorted(set(letters) - sent):
        report.add(name, "unrecorded")  # a letter in the archive that no 'letter sent' event accounts for
