"""SQLCipher 4 files through SQLAlchemy: the file-and-encryption layer.

Each file is opened with a raw 256-bit key (`PRAGMA key = "x'..'"`: no KDF cost per open). The key lives only
in the connection factory's closure: the engine URL is a bare `sqlite://`, SQLAlchemy hides bound parameters
in its error texts, and SQLCipher's own logging is switched off so nothing reaches stderr.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from dsr_desk.errors import DatabaseWriteFailedError
from dsr_desk.store.crypto import KEY_BYTES

# A file this small is fully integrity-checked on every open (a few ms); larger ones only after a crash.
FULL_CHECK_LIMIT = 64 * 1024 * 1024
_PAGE_SIZE = 4096
# Only causes that can only mean a failed write; a damaged or unreadable file is reported by its reader.
_WRITE_PROBLEMS = {"SQLITE_READONLY": "readonly", "SQLITE_FULL": "full"}


class NotReadableError(Exception):
    """The file cannot be read as an encrypted database with this key. `reason` says how it failed."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def open_engine(path: Path, key: bytes, *, create: bool = False) -> Engine:
    """An engine on the SQLCipher file at `path`. An existing file is checked for readability first."""
    if len(key) != KEY_BYTES:
        raise ValueError("a raw key is 32 bytes")
    path = Path(path)
    if not create:
        _check_shape(path)
    _private(path, create)
    key_pragma = "PRAGMA key = \"x'" + key.hex() + "'\""

    def connect() -> sqlcipher.Connection:
        connection = sqlcipher.connect(str(path), check_same_thread=False, isolation_level=None, timeout=10)
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.execute(key_pragma)
        connection.execute("PRAGMA cipher_memory_security = ON")
        connection.execute("PRAGMA temp_store = MEMORY")
        connection.execute("PRAGMA secure_delete = ON")
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("PRAGMA synchronous = FULL")
        return connection

    engine = create_engine(
        "sqlite://",
        creator=connect,
        module=sqlcipher,
        poolclass=QueuePool,
        pool_size=1,
        max_overflow=2,
        hide_parameters=True,
    )
    # The driver's own transaction handling is switched off (isolation_level=None), so every transaction is
    # begun here: a write takes SQLite's write lock at its start (BEGIN IMMEDIATE), so what it reads is what
    # it changes, and DDL in migrations is transactional too; a read begins deferred and never blocks
    # another reader.
    event.listen(engine, "begin", _begin)
    event.listen(engine, "handle_error", lambda context: _typed_write_failure(context, path))
    if not create:
        try:
            with engine.connect() as conn:
                conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
        except Exception as exc:
            engine.dispose()
            raise NotReadableError(_reason(exc)) from None
    return engine


def _typed_write_failure(context, path: Path) -> None:
    """A write SQLite could not make (read-only media, a full disk) is a typed error naming the file; the
    transaction it was part of is rolled back, so the message can say that nothing changed."""
    name = getattr(context.original_exception, "sqlite_errorname", "") or ""
    problem = _WRITE_PROBLEMS.get("_".join(name.split("_")[:2]))
    if problem is not None:
        raise DatabaseWriteFailedError(path=str(path), problem=problem) from None


_WRITE = "dsr_desk_write"


def _begin(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(_WRITE) else "BEGIN")


@contextlib.contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """A write transaction: all or nothing, holding the file's write lock from its first statement.

    Another process's write waits for it (SQLite's busy timeout) instead of failing."""
    with engine.connect() as conn:
        conn.execution_options(**{_WRITE: True})
        with conn.begin():
            yield conn


def integrity_problems(engine: Engine) -> list[str]:
    """Every HMAC failure (changed bytes) and every structural fault; empty when the file is sound."""
    try:
        with engine.connect() as conn:
            problems = [str(row[0]) for row in conn.exec_driver_sql("PRAGMA cipher_integrity_check")]
            rows = [str(row[0]) for row in conn.exec_driver_sql("PRAGMA integrity_check")]
    except Exception as exc:
        return [_reason(exc)]
    return problems + [row for row in rows if row != "ok"]


def needs_full_check(path: Path, unclean: bool) -> bool:
    return unclean or Path(path).stat().st_size <= FULL_CHECK_LIMIT


def leftover_journal(path: Path) -> bool:
    """A rollback journal next to the file means the last writer did not finish: check before trusting it."""
    return any(Path(f"{path}{suffix}").exists() for suffix in ("-journal", "-wal"))


def _private(path: Path, create: bool) -> None:
    """0600 before SQLite writes a byte (its journals take the file's mode), and an older, wider file of
    ours narrowed. On Windows the user profile's ACL is what keeps others out."""
    if os.name != "posix":
        return
    if create and not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        return
    status = path.stat()
    if status.st_mode & 0o077 and status.st_uid == os.getuid():
        with contextlib.suppress(OSError):  # read-only media: the file can still be read, just not narrowed
            path.chmod(0o600)


def _check_shape(path: Path) -> None:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise NotReadableError(type(exc).__name__) from None
    if size == 0 or size % _PAGE_SIZE:
        raise NotReadableError("truncated")
    with open(path, "rb") as handle:
        if handle.read(16) == b"SQLite format 3\x00":
            raise NotReadableError("not encrypted")


def _reason(exc: BaseException) -> str:
    original = getattr(exc, "orig", exc)
    return f"{type(original).__name__}: {original}"[:200]


def snapshot(source: Path, key: bytes, destination: Path, while_held=None) -> None:
    """A consistent copy of the encrypted file at `source` as `destination` (which must not exist), made by
    SQLite's online backup API inside one read transaction: no writer can commit meanwhile, so the copy is
    one committed state, and `while_held` (copying the files that state names) runs before any can. The
    pages are encrypted again with the same key on their way out: nothing is written in plaintext."""
    _private(destination, create=True)
    key_pragma = "PRAGMA key = \"x'" + key.hex() + "'\""
    target = sqlcipher.connect(str(destination), isolation_level=None)
    try:
        target.execute("PRAGMA cipher_log_level = NONE")
        target.execute(key_pragma)
        origin = sqlcipher.connect(str(source), isolation_level=None, timeout=30)
        try:
            origin.execute("PRAGMA cipher_log_level = NONE")
            origin.execute(key_pragma)
            origin.execute("PRAGMA temp_store = MEMORY")
            origin.execute("BEGIN")
            origin.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the read lock, held from here
            origin.backup(target)
            if while_held is not None:
                while_held()
            origin.execute("COMMIT")
        except sqlcipher.Error as exc:
            raise NotReadableError(_reason(exc)) from None
        finally:
            origin.close()
    finally:
        target.close()


def remove_database_files(path: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        candidate = Path(f"{path}{suffix}")
        if candidate.exists():
            os.unlink(candidate)
