"""Atomic file writes: a temp file in the same folder, permissions first, fsync, then os.replace.

A reader sees the old file or the new one, never half of either; a failed write (a full disk, a read-only
folder, a cancel) leaves no partial file behind.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, Protocol

PRIVATE = 0o600


class OutputWatcher(Protocol):
    def started(self, temp: Path) -> None: ...
    def ended(self, temp: Path) -> None: ...


@contextlib.contextmanager
def atomic_writer(
    path: Path, mode: int = PRIVATE, *, output: OutputWatcher | None = None
) -> Iterator[BinaryIO]:
    """Yields a binary file; on a clean exit it replaces `path`, on an exception it vanishes.

    `output`: for a file outside the workspace holding case data (an export, a letter), the desk's record
    of outputs being written (store/pending_outputs.py), so a process killed meanwhile leaves nothing that
    is not cleaned up."""
    path = Path(path).absolute()  # the record is read by another process, in another folder
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    if output is None:
        yield from _written(path, temp, mode)
        return
    output.started(temp)  # before the file exists: a kill from here on is covered
    try:
        yield from _written(path, temp, mode)
    finally:
        output.ended(temp)


def _written(path: Path, temp: Path, mode: int) -> Iterator[BinaryIO]:
    # O_EXCL: never follow or reuse something already there; the mode applies before any byte is written.
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
    fsync_directory(path.parent)


def atomic_write(
    path: Path, data: bytes | Iterable[bytes], mode: int = PRIVATE, *, output: OutputWatcher | None = None
) -> None:
    with atomic_writer(path, mode, output=output) as handle:
        if isinstance(data, bytes | bytearray | memoryview):
            handle.write(data)
        else:
            for chunk in data:
                handle.write(chunk)


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file on disk, read in chunks (an export can be gigabytes)."""
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def fsync_directory(folder: Path) -> None:
    """Makes a rename durable. Windows has no directory handles to sync; its rename is durable enough."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def shred_file(path: Path) -> None:
    """Overwrites a small secret-bearing file with random bytes before unlinking it.

    On copy-on-write file systems and SSDs an overwrite is not a guarantee; that is why the secret is a
    wrapped key (useless without the master key) and the bulk data is encrypted under it.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return
    with open(path, "r+b", buffering=0) as handle:
        handle.write(secrets.token_bytes(max(size, 1)))
        os.fsync(handle.fileno())
    path.unlink()
    fsync_directory(path.parent)
