"""ZIPs of exported files, refused whole when anything in them is unsafe or unreadable — checked before a
single member is stored: no path tricks, no links, no bombs, no encrypted or damaged members."""

from __future__ import annotations

import stat
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

from dsr_desk.errors import ImportRefusedError

MAX_ZIP_MEMBERS = 5000
MAX_ZIP_RATIO = 200  # uncompressed to compressed: beyond this a ZIP is a bomb, not an export
MAX_IMPORT_BYTES = 2 * 1024**3  # one file; larger belongs on a disk handed over, not in a case file
READ_CHUNK = 1024 * 1024
_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}
_READ_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, NotImplementedError, OSError)


def zip_members(path: Path) -> list[zipfile.ZipInfo]:
    """The files in a ZIP, or ImportRefusedError when any member is unsafe: the whole ZIP is refused."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        raise ImportRefusedError(reason="zip_unreadable", name=Path(path).name) from None
    with archive:
        members = archive.infolist()
        if len(members) > MAX_ZIP_MEMBERS:
            raise ImportRefusedError(reason="zip_too_many", limit=MAX_ZIP_MEMBERS)
        total = 0
        for member in members:
            _check_member(member)
            total += member.file_size
            if total > MAX_IMPORT_BYTES:
                raise ImportRefusedError(reason="too_large", limit=MAX_IMPORT_BYTES // 1024**2)
        # Reading every member once (CRC check) now means a damaged one cannot stop the import half-way.
        try:
            damaged = archive.testzip()
        except _READ_ERRORS:
            damaged = "?"
        if damaged is not None:
            raise ImportRefusedError(reason="zip_damaged", name=str(damaged)[:80])
        return [m for m in members if not m.is_dir()]


def _check_member(member: zipfile.ZipInfo) -> None:
    name = member.filename
    parts = Path(name.replace("\\", "/")).parts
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":") or ".." in parts:
        raise ImportRefusedError(reason="zip_unsafe_path", name=name[:80])
    if stat.S_ISLNK(member.external_attr >> 16):
        raise ImportRefusedError(reason="zip_symlink", name=name[:80])
    if member.flag_bits & 0x1:
        raise ImportRefusedError(reason="zip_encrypted", name=name[:80])
    if member.compress_type not in _METHODS:
        raise ImportRefusedError(reason="zip_method", name=name[:80])
    if member.file_size > MAX_IMPORT_BYTES:
        raise ImportRefusedError(reason="too_large", limit=MAX_IMPORT_BYTES // 1024**2)
    if member.compress_size and member.file_size / member.compress_size > MAX_ZIP_RATIO:
        raise ImportRefusedError(reason="zip_bomb", name=name[:80])


def zip_member_chunks(path: Path, member: zipfile.ZipInfo) -> Iterator[bytes]:
    """A member's content, streamed, and cut off at its declared size (a lying header gains nothing)."""
    try:
        with zipfile.ZipFile(path) as archive, archive.open(member) as handle:
            remaining = member.file_size
            while remaining > 0 and (chunk := handle.read(min(READ_CHUNK, remaining))):
                remaining -= len(chunk)
                yield chunk
    except _READ_ERRORS:
        raise ImportRefusedError(reason="zip_damaged", name=member.filename[:80]) from None
