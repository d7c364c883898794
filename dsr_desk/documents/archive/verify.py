"""Checking a case archive without trusting whoever made it: every file against the manifest, the manifest
against its own hash, the audit chain event by event, and each letter against the hash its 'letter sent'
event recorded when it went out."""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from dsr_desk.documents.archive.manifest import FORMAT, seal_ok, sha256
from dsr_desk.errors import NotAnArchiveError
from dsr_desk.i18n import t
from dsr_desk.store.audit import AuditEvent, verify_chain

MAX_MEMBER = 500 * 1024 * 1024


@dataclass(frozen=True)
class ArchiveProblem:
    where: str  # a file name, or 'event 7'
    kind: str  # changed | missing | extra | manifest | edited | broken_link | out_of_sequence | letter | head


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


def verify_archive(path: Path) -> ArchiveReport:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise NotAnArchiveError(reason=type(exc).__name__) from None
    with archive:
        names = [info.filename for info in archive.infolist() if not info.is_dir()]
        if "manifest.json" not in names:
            raise NotAnArchiveError(reason="no manifest.json")
        try:
            manifest = json.loads(archive.read("manifest.json"))
            if manifest.get("format") != FORMAT or not isinstance(manifest.get("files"), dict):
                raise ValueError("format")
        except (ValueError, UnicodeDecodeError):
            raise NotAnArchiveError(reason="manifest.json is not a DSR Desk manifest") from None
        report = ArchiveReport(str(manifest.get("reference", "")), len(names), 0)
        if not seal_ok(manifest):
            report.problems.append(ArchiveProblem("manifest.json", "manifest"))
        listed: dict[str, str] = manifest["files"]
        contents: dict[str, bytes] = {}
        for name in sorted(set(names) - {"manifest.json"}):
            if name not in listed:
                report.problems.append(ArchiveProblem(name, "extra"))
                continue
            if archive.getinfo(name).file_size > MAX_MEMBER:
                report.problems.append(ArchiveProblem(name, "changed"))
                continue
            contents[name] = archive.read(name)
            if sha256(contents[name]) != listed[name]:
                report.problems.append(ArchiveProblem(name, "changed"))
        for name in sorted(set(listed) - set(names)):
            report.problems.append(ArchiveProblem(name, "missing"))
    _check_audit(report, manifest, contents)
    return report


def _check_audit(report: ArchiveReport, manifest: dict, contents: dict[str, bytes]) -> None:
    try:
        audit = json.loads(contents.get("audit.json", b"{}"))
        events = [
            AuditEvent(e["seq"], e["at"], e["actor"], e["action"], e["details"], e["prev_hash"], e["hash"])
            for e in audit.get("events", [])
        ]
    except (ValueError, KeyError, TypeError):
        report.problems.append(ArchiveProblem("audit.json", "changed"))
        return
    report.events = len(events)
    chain = verify_chain(events, report.reference)
    for problem in chain.problems:
        report.problems.append(
            ArchiveProblem(f"event {problem.seq}" if problem.seq else "audit.json", problem.kind)
        )
    head = manifest.get("audit", {})
    if head.get("head") != chain.head or head.get("count") != len(events):
        report.problems.append(ArchiveProblem("audit.json", "head"))
    letters = {name: data for name, data in contents.items() if name.startswith("letters/")}
    by_document = {name.split("/", 1)[1].split("-", 1)[0]: data for name, data in letters.items()}
    for event in events:
        if event.action != "letter.sent":
            continue
        pdf = by_document.get(f"{int(event.details.get('document', 0)):04d}")
        if pdf is None or sha256(pdf) != event.details.get("sha256"):
            report.problems.append(ArchiveProblem(f"event {event.seq}", "letter"))
