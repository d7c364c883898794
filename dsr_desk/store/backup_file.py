"""The backup file (`.dsrbackup`): one ZIP of a workspace's encrypted files, as they are on disk, and a
manifest of their hashes.

Nothing in it is plaintext: the databases are SQLCipher files (copied by SQLite's backup API, still
encrypted), the case keys are wrapped, the key file holds only wrapped copies of the master key. So the file
is as safe on a NAS, a USB disk or a synced folder as the workspace is on the laptop.

The manifest (`manifest.json`, the last member) names every file with its size and SHA-256, and the ZIP's
comment holds the manifest's own SHA-256: a changed byte, a file cut short, a member swapped, added or left
out is found before anything is restored. It shows damage, not authorship: the databases' own page HMACs
(which need the key) are what no one can forge.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from dsr_desk import __version__
from dsr_desk.i18n import t
from dsr_desk.store import strict_json
from dsr_desk.store.atomic import atomic_writer

FORMAT = "dsr-desk-backup"
VERSION = 1
SUFFIX = ".dsrbackup"
MANIFEST = "manifest.json"
PREFIX = "workspace/"
CHUNK = 1024 * 1024
_COMMENT = re.compile(rb"^DSR Desk backup; manifest sha256 ([0-9a-f]{64})$")
_DATABASE_SUFFIXES = (".dsrdb", ".dsrcase")
_PAGE = 4096
MAX_MEMBERS = 200_000
MAX_MANIFEST_BYTES = 64 * 1024 * 1024
# What a workspace holds that a backup carries; anything else in a backup is not one of ours.
_ALLOWED = re.compile(
    r"^(keyfile\.json|settings\.toml|signing\.json|index\.dsrdb|cases/[^/]+|cases/[^/]+\.files/[^/]+"
    r"|letters/.+|letterhead/.+)$"
)


@dataclass(frozen=True)
class BackupMember:
    name: str  # relative to the workspace folder, with forward slashes: "cases/DSR-2026-0001.dsrcase"
    source: Path


def write_backup(path: Path, members: Iterable[BackupMember], meta: dict[str, object]) -> dict:
    """Writes the backup atomically (a failure leaves no partial file); returns its manifest."""
    files = []
    with atomic_writer(path) as handle, zipfile.ZipFile(handle, "w", zipfile.ZIP_STORED) as archive:
        for member in members:
            files.append(_add(archive, member))
        manifest = {"format": FORMAT, "version": VERSION, "app_version": __version__, **meta, "files": files}
        data = json.dumps(manifest, indent=1, ensure_ascii=False).encode("utf-8")
        archive.writestr(_info(MANIFEST), data)
        archive.comment = b"DSR Desk backup; manifest sha256 " + hashlib.sha256(data).hexdigest().encode()
    return manifest


def _info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=dt.datetime.now().timetuple()[:6])
    info.external_attr = 0o600 << 16
    return info


def _add(archive: zipfile.ZipFile, member: BackupMember) -> dict[str, object]:
    digest, size = hashlib.sha256(), 0
    with (
        open(member.source, "rb") as source,
        archive.open(_info(PREFIX + member.name), "w", force_zip64=True) as out,
    ):
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
            out.write(chunk)
    return {"name": member.name, "size": size, "sha256": digest.hexdigest()}


@dataclass
class BackupReport:
    """What a check of a backup found: `problems` as translation keys with their fields."""

    problems: list[tuple[str, dict[str, object]]] = field(default_factory=list)
    manifest: dict | None = None

    @property
    def ok(self) -> bool:
        return not self.problems

    def messages(self, lang: str | None = None) -> list[str]:
        return [t(f"backup.problem.{key}", lang, **fields) for key, fields in self.problems]

    @property
    def files(self) -> list[dict]:
        return list(self.manifest["files"]) if self.manifest else []

    @property
    def case_count(self) -> int:
        return sum(1 for f in self.files if str(f["name"]).endswith(".dsrcase"))


def verify_backup(path: Path) -> BackupReport:
    """Reads the whole backup: every member against the manifest, the manifest against the comment."""
    report = BackupReport()
    try:
        with zipfile.ZipFile(path) as archive:
            _verify(archive, report)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, OSError) as exc:
        report.problems.append(
            ("unreadable", {"reason": getattr(exc, "strerror", None) or type(exc).__name__})
        )
    return report


def _verify(archive: zipfile.ZipFile, report: BackupReport) -> None:
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        report.problems.append(("not_a_backup", {}))
        return
    manifest = _manifest(archive, report)
    if manifest is None:
        return
    listed = {str(f["name"]): f for f in manifest["files"]}
    names = [info.filename for info in infos]
    for name in sorted({n for n in names if names.count(n) > 1}):
        report.problems.append(("duplicate", {"name": name}))
    for name in sorted(set(names) - {MANIFEST} - {PREFIX + n for n in listed}):
        report.problems.append(("unlisted", {"name": name}))
    for name in sorted(set(listed) - {n[len(PREFIX) :] for n in names}):
        report.problems.append(("missing", {"name": name}))
    for name in ("keyfile.json", "index.dsrdb"):
        if name not in listed:
            report.problems.append(("incomplete", {"name": name}))
    if not report.ok:
        return
    for info in infos:
        entry = listed.get(info.filename[len(PREFIX) :]) if info.filename.startswith(PREFIX) else None
        if entry is not None:
            _verify_member(archive, info, entry, report)
    if report.ok:
        report.manifest = manifest


def _manifest(archive: zipfile.ZipFile, report: BackupReport) -> dict | None:
    found = _COMMENT.match(archive.comment)
    try:
        info = archive.getinfo(MANIFEST)
    except KeyError:
        info = None
    if found is None or info is None or info.file_size > MAX_MANIFEST_BYTES:
        report.problems.append(("not_a_backup", {}))
        return None
    data = archive.read(info)
    if hashlib.sha256(data).hexdigest() != found.group(1).decode():
        report.problems.append(("manifest_changed", {}))
        return None
    try:
        manifest = strict_json.loads(data)
    except ValueError:
        manifest = None
    if not _well_formed(manifest):
        report.problems.append(("not_a_backup", {}))
        return None
    if manifest["version"] > VERSION:
        report.problems.append(("newer", {"version": manifest["version"]}))
        return None
    return manifest


def _well_formed(manifest: object) -> bool:
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        return False
    files = manifest.get("files")
    if not isinstance(manifest.get("version"), int) or not isinstance(files, list):
        return False
    return all(
        isinstance(f, dict)
        and isinstance(f.get("name"), str)
        and safe_name(f["name"])
        and isinstance(f.get("size"), int)
        and isinstance(f.get("sha256"), str)
        for f in files
    )


def safe_name(name: str) -> bool:
    """A path inside the workspace that a backup may hold: never absolute, never `..`, never elsewhere."""
    parts = PurePosixPath(name).parts
    return (
        _ALLOWED.match(name) is not None
        and "\\" not in name
        and all(part not in ("", ".", "..") and not part.startswith(".") for part in parts)
    )


def _verify_member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, entry: dict, report: BackupReport
) -> None:
    name = str(entry["name"])
    digest, size, head = hashlib.sha256(), 0, b""
    try:
        with archive.open(info) as member:
            while chunk := member.read(CHUNK):
                head = head or chunk[:16]
                digest.update(chunk)
                size += len(chunk)
    except (zipfile.BadZipFile, EOFError, OSError):
        report.problems.append(("changed", {"name": name}))
        return
    if size != entry["size"] or digest.hexdigest() != entry["sha256"]:
        report.problems.append(("changed", {"name": name}))
    elif name.endswith(_DATABASE_SUFFIXES) and (size == 0 or size % _PAGE or head == b"SQLite format 3\x00"):
        report.problems.append(("not_encrypted", {"name": name}))
