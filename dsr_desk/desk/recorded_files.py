"""A file the case must account for (an export for the person, a letter saved to send) is written first
and recorded after the fact; when the record cannot be made (a read-only workspace, a full disk), the file
is removed again, so nothing went out that the audit log does not know of, and the refusal is true."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from dsr_desk.errors import DsrDeskError, FileNotRecordedError

T = TypeVar("T")


def kept_if_recorded(path: Path, record: Callable[[], T], what: str) -> T:
    """Records the file at `path`, already written; if that fails, the file goes. `what`: export, letter."""
    try:
        return record()
    except BaseException as error:
        Path(path).unlink(missing_ok=True)
        if isinstance(error, DsrDeskError):
            raise FileNotRecordedError(what=what, path=str(path), cause=error) from None
        raise
