"""Checking a case archive without trusting whoever made it: every file against the manifest, the manifest
against its own hash, the audit chain event by event, case.json and summary.pdf against the archive's own
sealing event at the end of that chain, and each letter against the hash its 'letter sent' event recorded.

Every check runs on every archive: nothing in the file (its format version included) can switch one off,
and an archive this version cannot fully check is reported as such, never as intact. The file is hostile
until checked: sizes are capped before anything is read, members are streamed, and audit.json is parsed
one event at a time.

The manifest is signed by the workspace's Ed25519 key (signature.json): the report names the fingerprint
of the key that signed, computed from the key itself, and `expect` makes any other key a failure. Without
that comparison a signature only shows that whoever made the archive held some key; with it, that this
workspace made it.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dsr_desk.documents.archive.audit_stream import audit_events
from dsr_desk.documents.archive.manifest import ARCHIVE_SEAL, FORMAT, VERSION, seal_ok
from dsr_desk.documents.archive.signature import (
    MAX_SIGNATURE_BYTES,
    SIGNATURE,
    check_signature,
    normalised_fingerprint,
)
from dsr_desk.documents.archive.zip_limits import READ_ERRORS, checked_members, open_checked
from dsr_desk.errors import NotAnArchiveError
from dsr_desk.i18n import t
from dsr_desk.rules.text_hygiene import visible
from dsr_desk.store import strict_json
from dsr_desk.store.audit import AuditEvent, ChainCheck

MAX_MANIFEST_BYTES = 4 * 1024 * 1024
REQUIRED = ("summary.pdf", "case.json", "audit.json")
MAX_LISTED_PROBLEMS = 100  # a log forged event by event would otherwise list a million lines
_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class ArchiveProblem:
    where: str  # a file name, or 'event 7'
    kind: str  # changed | missing | extra | duplicate | manifest | version | edited | broken_link |
    # out_of_sequence | letter | unrecorded | head | seal_missing | seal_mismatch | unreadable
    detail: str = ""


@dataclass
class ArchiveReport:
    reference: str
    files: int
    events: int
    problems: list[ArchiveProblem] = field(default_factory=list)
    unlisted: int = 0
    signer: str | None = None  # the fingerprint of the key whose signature holds

    @property
    def ok(self) -> bool:
        return not self.problems and not self.unlisted

    def lines(self, lang: str | None = None) -> list[str]:
        """What the check found, in one sentence per problem, for the command line and the GUI alike."""
        signed = [t("archive.signer", lang, fingerprint=self.signer)] if self.signer else []
        if self.ok:
            return [t("archive.intact", lang, files=self.files, events=self.events), *signed]
        heading = t("archive.problems", lang, count=len(self.problems) + self.unlisted)
        lines = [heading, *signed] + [
            t(f"archive.problem.{p.kind}", lang, where=visible(p.where), detail=visible(p.detail))
            for p in self.problems
        ]
        if self.unlisted:
            lines.append(t("archive.problem.more", lang, count=self.unlisted))
        return lines

    def to_json(self) -> dict[str, object]:
        return {
            "reference": self.reference,
            "intact": self.ok,
            "signature_valid": self.signer is not None,
            "fingerprint": self.signer,
            "files": self.files,
            "events": self.events,
            "problems": [{"where": p.where, "kind": p.kind, "detail": p.detail} for p in self.problems],
        }

    def add(self, where: str, kind: str, detail: str = "") -> None:
        if len(self.problems) < MAX_LISTED_PROBLEMS:
            self.problems.append(ArchiveProblem(where, kind, detail))
        else:
            self.unlisted += 1


def verify_archive(path: Path, expect: str | None = None) -> ArchiveReport:
    """The report on the archive at `path`; NotAnArchiveError when it is not one that can be checked.
    With `expect` (a fingerprint), a signature by any other key is a problem."""
    with open_checked(Path(path)) as archive:
        infos = checked_members(archive)
        manifest, manifest_bytes = _manifest(archive, infos)
        report = ArchiveReport(manifest["reference"], len(infos), 0)
        if not seal_ok(manifest):
            report.add("manifest.json", "manifest")
        version = manifest.get("version")
        if type(version) is not int or version != VERSION:
            # Never a reason to check less: every check below still runs.
            report.add("manifest.json", "version", json.dumps(version)[:40])
        names = [info.filename for info in infos]
        if names.count("manifest.json") > 1:
            report.add("manifest.json", "duplicate")
        _check_signature(archive, infos, manifest_bytes, report, expect)
        listed = manifest["files"]
        hashes = _hash_members(archive, [i for i in infos if i.filename != "audit.json"], listed, report)
        audit = [info for info in infos if info.filename == "audit.json"]
        if len(audit) > 1:
            report.add("audit.json", "duplicate")
        elif audit:
            _check_audit(archive, audit[0], report, manifest, hashes)
        present = set(hashes) | ({"audit.json"} if audit else set())
        for name in sorted((set(listed) | set(REQUIRED)) - present):
            report.add(name, "missing")  # a required file is missing even when the manifest leaves it out
    return report


def _manifest(archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> dict:
    info = next((i for i in infos if i.filename == "manifest.json"), None)
    if info is None:
        raise NotAnArchiveError(reason="no manifest.json")
    if info.file_size > MAX_MANIFEST_BYTES:
        raise NotAnArchiveError(reason="manifest.json is too large")
    try:
        with archive.open(info) as handle:
            raw = handle.read(MAX_MANIFEST_BYTES + 1)
        manifest = strict_json.loads(raw)
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise ValueError("format")
        if not isinstance(manifest.get("files"), dict) or not isinstance(manifest.get("reference"), str):
            raise ValueError("files")
    except (*READ_ERRORS, ValueError):
        raise NotAnArchiveError(reason="manifest.json is not a DSR Desk manifest") from None
    return manifest, raw


def _check_signature(archive, infos, manifest: bytes, report: ArchiveReport, expect: str | None) -> None:
    found = [info for info in infos if info.filename == SIGNATURE]
    if not found:
        report.add(SIGNATURE, "unsigned")
        return
    if len(found) > 1 or found[0].file_size > MAX_SIGNATURE_BYTES:
        report.add(SIGNATURE, "duplicate" if len(found) > 1 else "signature")
        return
    try:
        check = check_signature(archive.read(found[0]), manifest)
    except READ_ERRORS:
        report.add(SIGNATURE, "signature")
        return
    if not check.holds:
        report.add(SIGNATURE, "signature")
        return
    report.signer = check.fingerprint
    if expect is not None and normalised_fingerprint(expect) != check.fingerprint:
        report.add(SIGNATURE, "signer", check.fingerprint or "")


def _chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo, digest) -> Iterator[bytes]:
    with archive.open(info) as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
            yield chunk


def _hash_members(archive: zipfile.ZipFile, infos, listed: dict, report: ArchiveReport) -> dict[str, str]:
    """SHA-256 of every member but audit.json, streamed; the letters are then known before the log is read."""
    hashes: dict[str, str] = {}
    for info in infos:
        name = info.filename
        if name in ("manifest.json", SIGNATURE):
            continue
        if name in hashes:
            # Two members of one name: tools disagree on which one they show, so neither can be trusted.
            report.add(name, "duplicate")
            continue
        digest = hashlib.sha256()
        try:
            for _chunk in _chunks(archive, info, digest):
                pass
        except READ_ERRORS:
            report.add(name, "changed")
            continue
        hashes[name] = digest.hexdigest()
        _compare(report, name, hashes[name], listed)
    return hashes


def _compare(report: ArchiveReport, name: str, digest: str, listed: dict) -> None:
    if name not in listed:
        report.add(name, "extra")
    elif digest != listed[name]:
        report.add(name, "changed")


def _check_audit(archive, info, report: ArchiveReport, manifest: dict, hashes: dict[str, str]) -> None:
    """The log, streamed while it is hashed: each event's link, each letter it records, and its end."""
    digest = hashlib.sha256()
    chunks = _chunks(archive, info, digest)
    letters = _Letters(hashes)
    chain = ChainCheck(report.reference)
    last: AuditEvent | None = None
    readable = True
    try:
        try:
            for event in audit_events(chunks, report.reference):
                for problem in chain.add(event):
                    report.add(f"event {problem.seq}", problem.kind)
                letters.check(event, report)
                last = event
        except ValueError:
            readable, last = False, None
            report.add("audit.json", "unreadable")
        for _chunk in chunks:  # whatever follows still counts towards the file's hash
            pass
    except READ_ERRORS:
        report.add("audit.json", "changed")
        return
    report.events = chain.count
    if readable and chain.count == 0:
        report.add("audit.json", "empty")
    _compare(report, "audit.json", digest.hexdigest(), manifest["files"])
    head = manifest.get("audit")
    if not isinstance(head, dict) or head.get("head") != chain.head or head.get("count") != chain.count:
        report.add("audit.json", "head")
    _check_seal(report, last, hashes)
    letters.unrecorded(report)


def _check_seal(report: ArchiveReport, last: AuditEvent | None, hashes: dict[str, str]) -> None:
    """The archive's own event must close the log: a cut log loses it, an edited case.json or summary.pdf
    no longer matches it. Checked whatever the manifest's version says."""
    if last is None or last.action != ARCHIVE_SEAL:
        report.add("audit.json", "seal_missing")
        return
    for name, key in (("case.json", "case_json_sha256"), ("summary.pdf", "summary_sha256")):
        if name in hashes and hashes[name] != last.details.get(key):
            report.add(name, "seal_mismatch")


class _Letters:
    """Each letter in the archive against the 'letter sent' event that recorded its hash."""

    def __init__(self, hashes: dict[str, str]) -> None:
        self._hashes = {name: digest for name, digest in hashes.items() if name.startswith("letters/")}
        self._by_document = {name.split("/", 1)[1].split("-", 1)[0]: name for name in self._hashes}
        self._sent: set[str] = set()

    def check(self, event: AuditEvent, report: ArchiveReport) -> None:
        if event.action != "letter.sent":
            return
        document = event.details.get("document")
        name = self._by_document.get(f"{document:04d}") if type(document) is int else None
        if name is None or self._hashes[name] != event.details.get("sha256"):
            report.add(f"event {event.seq}", "letter")
        else:
            self._sent.add(name)

    def unrecorded(self, report: ArchiveReport) -> None:
        for name in sorted(set(self._hashes) - self._sent):
            report.add(name, "unrecorded")  # a letter in the archive no 'letter sent' event accounts for
