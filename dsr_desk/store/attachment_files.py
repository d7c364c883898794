"""Large attachments as encrypted files beside their case file: cases/<ref>.files/<id>.dsrblob.

SQLCipher encrypts and MACs every 4 KiB page, and even plain SQLite writes a gigabyte at a fraction of the
disk's speed; a stream of AES-256-GCM chunks runs at the disk's. The format:

    header (32 bytes)  b"DSRBLOB\\x01", the file's 16-byte id, the chunk size (u32), 4 zero bytes
    chunk i            AES-256-GCM of up to `chunk size` bytes, with its 16-byte tag

- The key is HKDF(case key, reference and file id): destroying the case key shreds these files too, and a
  file moved to another name, another case or another workspace decrypts nowhere.
- The nonce is the chunk's number and a flag on the last chunk (the STREAM construction): chunks cannot be
  reordered, dropped or cut off at a chunk boundary unseen. The header is associated data of every chunk.
- A file is written under a temp name and renamed into place inside the case's write transaction, before
  the row that names it is committed (see case_items.py); the SHA-256 the audit log records is computed
  while streaming, once.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import struct
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from dsr_desk.store.atomic import PRIVATE, fsync_directory
from dsr_desk.store.crypto import derive_subkey

MAGIC = b"DSRBLOB\x01"
CHUNK = 1024 * 1024
TAG = 16
_HEADER = struct.Struct(">8s16sII")
SUFFIX = ".dsrblob"


class AttachmentDamagedError(Exception):
    """The file is missing, cut short, changed, or not this case's. Callers turn it into a typed error."""


@dataclass(frozen=True)
class WrittenFile:
    file_id: str
    size: int
    sha256: str
    temp: Path


class AttachmentFiles:
    def __init__(self, folder: Path, case_key: bytes, reference: str) -> None:
        self.folder = folder
        self._case_key = case_key
        self._reference = reference
        self._placed: list[str] = []  # in the transaction under way: removed again if it fails

    def path(self, file_id: str) -> Path:
        if len(file_id) != 32 or not all(c in "0123456789abcdef" for c in file_id):
            raise AttachmentDamagedError("not a file id")
        return self.folder / f"{file_id}{SUFFIX}"

    def write(self, chunks: Iterable[bytes], max_bytes: int, too_large: type[Exception]) -> WrittenFile:
        """Encrypts `chunks` (each at most CHUNK bytes; a temp file, flushed to disk); `too_large` is raised
        past `max_bytes`, and the temp file is gone again."""
        file_id = secrets.token_hex(16)
        header = _HEADER.pack(MAGIC, bytes.fromhex(file_id), CHUNK, 0)
        aead = AESGCM(self._file_key(file_id))
        self.folder.mkdir(mode=0o700, exist_ok=True)
        temp = self.folder / f".{file_id}.tmp"
        digest, size = hashlib.sha256(), 0
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), PRIVATE)
        try:
            with os.fdopen(fd, "wb", buffering=0) as handle:
                handle.write(header)
                for seq, chunk, last in _with_last(chunks):
                    size += len(chunk)
                    if size > max_bytes:
                        raise too_large()
                    digest.update(chunk)
                    handle.write(aead.encrypt(_nonce(seq, last), chunk, header))
                os.fsync(handle.fileno())
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
        return WrittenFile(file_id, size, digest.hexdigest(), temp)

    def place(self, written: WrittenFile) -> None:
        os.replace(written.temp, self.path(written.file_id))
        self._placed.append(written.file_id)
        fsync_directory(self.folder)

    @contextlib.contextmanager
    def placing(self) -> Iterator[None]:
        """Around a transaction that places files: when it fails, they are removed again."""
        self._placed = []
        try:
            yield
        except BaseException:
            for file_id in self._placed:
                self.remove(file_id)
            raise
        finally:
            self._placed = []

    def remove(self, file_id: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path(file_id).unlink()

    def chunks(self, file_id: str) -> Iterator[bytes]:
        """The content, decrypted one chunk at a time; AttachmentDamagedError on any change."""
        try:
            handle = open(self.path(file_id), "rb")  # noqa: SIM115 - closed when the generator ends
        except OSError as exc:
            raise AttachmentDamagedError(type(exc).__name__) from None
        with handle:
            header = handle.read(_HEADER.size)
            total = os.fstat(handle.fileno()).st_size - _HEADER.size
            try:
                magic, raw_id, chunk_size, _ = _HEADER.unpack(header)
            except struct.error:
                raise AttachmentDamagedError("no header") from None
            if magic != MAGIC or raw_id.hex() != file_id or not 0 < chunk_size <= 64 * CHUNK:
                raise AttachmentDamagedError("not this file")
            aead = AESGCM(self._file_key(file_id))
            count = max(1, -(-total // (chunk_size + TAG)))
            for seq in range(count):
                sealed = handle.read(chunk_size + TAG)
                try:
                    yield aead.decrypt(_nonce(seq, seq == count - 1), sealed, header)
                except (InvalidTag, ValueError):
                    raise AttachmentDamagedError("changed or cut short") from None

    def sweep(self, referenced: set[str]) -> int:
        """Removes what no row names: files a process wrote and never committed, because it died or its
        transaction failed. Only called inside the case's write transaction, where no other process can be
        between writing a file and committing the row that names it."""
        removed = 0
        try:
            entries = list(os.scandir(self.folder))
        except FileNotFoundError:
            return 0
        for entry in entries:
            name = entry.name
            if name.endswith(SUFFIX) and name[: -len(SUFFIX)] in referenced:
                continue
            with contextlib.suppress(FileNotFoundError):
                os.unlink(entry.path)
            removed += 1
        return removed

    def _file_key(self, file_id: str) -> bytes:
        return derive_subkey(self._case_key, f"dsr-desk/attachment/v1/{self._reference}/{file_id}")


def _nonce(seq: int, last: bool) -> bytes:
    return seq.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def _with_last(chunks: Iterable[bytes]) -> Iterator[tuple[int, bytes, bool]]:
    """Each chunk with its number and whether it is the last (an empty file is one empty last chunk)."""
    seq, previous = 0, None
    for chunk in chunks:
        if previous is not None:
            yield seq, previous, False
            seq += 1
        previous = chunk
    yield seq, previous or b"", True
