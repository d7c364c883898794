"""An archive to verify is opened with its size known first: zipfile reads the whole central directory into
memory on open, and inflates whatever a member's header promises, so both are bounded before that happens.

A case archive is a few files (the summary, case.json, the log, the letters), deflated, unencrypted, far
below these limits; anything beyond them is not one of ours, whatever it claims.
"""

from __future__ import annotations

import contextlib
import os
import struct
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

from dsr_desk.errors import NotAnArchiveError

MAX_MEMBERS = 10_000
MAX_DIRECTORY_BYTES = 4 * 1024 * 1024
MAX_TOTAL_BYTES = (
    4 * 1024**3
)  # uncompressed, as declared; zipfile stops reading a member at its declared size
READ_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, NotImplementedError, OSError)
_END_RECORD = b"PK\x05\x06"
_ZIP64_LOCATOR = b"PK\x06\x07"
_END_SEARCH = 22 + 65535  # the end record and the longest comment it may carry


@contextlib.contextmanager
def open_checked(path: Path) -> Iterator[zipfile.ZipFile]:
    _check_directory(path)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, struct.error) as exc:
        raise NotAnArchiveError(reason=type(exc).__name__) from None
    with archive:
        yield archive


def checked_members(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    infos = [info for info in archive.infolist() if not info.is_dir()]
    if len(infos) > MAX_MEMBERS:
        raise NotAnArchiveError(reason=f"more than {MAX_MEMBERS} files")
    if sum(info.file_size for info in infos) > MAX_TOTAL_BYTES:
        raise NotAnArchiveError(reason=f"larger than {MAX_TOTAL_BYTES // 1024**3} GiB unpacked")
    for info in infos:
        if info.flag_bits & 0x1 or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise NotAnArchiveError(reason="encrypted or unusually compressed files")
    return infos


def _check_directory(path: Path) -> None:
    """The end-of-directory record, read as zipfile will read it: how many entries, how many bytes."""
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            handle.seek(max(0, size - _END_SEARCH))
            tail = handle.read(_END_SEARCH)
    except OSError as exc:
        raise NotAnArchiveError(reason=exc.strerror or type(exc).__name__) from None
    at = tail.rfind(_END_RECORD)
    if at < 0 or len(tail) < at + 22:
        raise NotAnArchiveError(reason="BadZipFile")
    entries, directory_bytes = struct.unpack("<xxxxxxxxxxHIxxxxxx", tail[at : at + 22])
    if tail[max(0, at - 20) : at].startswith(_ZIP64_LOCATOR) or entries == 0xFFFF:
        raise NotAnArchiveError(reason="ZIP64")  # never needed for a case archive
    if entries > MAX_MEMBERS or directory_bytes > MAX_DIRECTORY_BYTES:
        raise NotAnArchiveError(reason=f"more than {MAX_MEMBERS} files")
