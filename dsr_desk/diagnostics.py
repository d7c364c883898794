"""The log file: what a windowed application, which has no console, leaves behind when something goes wrong.

The file is not encrypted, so it holds what happened and where (logger, exception type, file, line and
function), never a message text from outside our own code: exception messages and third-party log arguments
can quote a name, an e-mail address, a file path or worse. A hard crash (a segfault in a native library)
leaves Python's stack in faulthandler's file beside it.
"""

from __future__ import annotations

import contextlib
import faulthandler
import io
import logging
import os
import sys
import threading
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import TextIO

import platformdirs

from dsr_desk import APP_NAME, __version__

LOG_DIR_ENV = "DSR_DESK_LOG_DIR"  # for administrators and tests: the folder instead of the platform's
LOG_NAME = "dsr-desk.log"
CRASH_NAME = "crash.log"  # faulthandler's output
MAX_BYTES, BACKUPS = 1_000_000, 3
OWN_LOGGER = "dsr_desk"

log = logging.getLogger(__name__)
_fault_file: TextIO | None = None
_faulthandler_before = False


def log_dir() -> Path:
    override = os.environ.get(LOG_DIR_ENV)
    return Path(override) if override else platformdirs.user_log_path(APP_NAME, appauthor=False)


def log_file() -> Path:
    return log_dir() / LOG_NAME


class PrivacyFormatter(logging.Formatter):
    """Our own records in full (our code logs only types and counts); other libraries' records as their
    message template without its arguments; exceptions as type and frames, never their message."""

    def __init__(self, *, timestamps: bool = True) -> None:
        super().__init__()
        self.timestamps = timestamps

    def format(self, record: logging.LogRecord) -> str:
        own = record.name == OWN_LOGGER or record.name.startswith(OWN_LOGGER + ".")
        message = record.getMessage() if own else str(record.msg)
        line = f"{record.levelname} {record.name}: {message}"
        if self.timestamps:
            line = f"{self.formatTime(record)} {line}"
        if record.exc_info and record.exc_info[0] is not None:
            line += "\n" + describe_exception(*record.exc_info)
        return line


def describe_exception(kind: type[BaseException], exc: BaseException | None, tb: TracebackType | None) -> str:
    """Where it happened, without what it said: the type and each frame's file, line and function."""
    frames = "".join(f"  {f.filename}:{f.lineno} in {f.name}\n" for f in traceback.extract_tb(tb))
    return f"{kind.__module__}.{kind.__qualname__}\n{frames}".rstrip("\n")


def log_exception(
    logger: logging.Logger,
    context: str,
    kind: type[BaseException],
    exc: BaseException | None,
    tb: TracebackType | None,
    level: int = logging.ERROR,
) -> None:
    """An exception as type and frames only, pre-formatted: whatever handler shows the record (ours,
    logging's last resort, a test runner's) has no message to show."""
    logger.log(level, "%s: %s", context, describe_exception(kind, exc, tb))


def guard_streams() -> None:
    """A windowed executable has no console: sys.stdin, sys.stdout and sys.stderr are None there, and every
    print (ours, argparse's, a library's) would raise; they read and write nowhere instead. Output into a
    pipe or a file is UTF-8 everywhere: Windows would otherwise encode it in its ANSI code page, which
    cannot write 'Łukasz' (a console keeps Python's own Unicode console writer)."""
    if sys.stdin is None:
        sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
        elif (getattr(stream, "encoding", None) or "utf-8").lower().replace("-", "") != "utf8":
            with contextlib.suppress(AttributeError, OSError, ValueError, io.UnsupportedOperation):
                if not stream.isatty():
                    stream.reconfigure(encoding="utf-8")


def write_stderr(text: str) -> None:
    """For the last line of defence: a write that cannot itself fail."""
    stream = sys.stderr
    if stream is None:
        return
    try:
        stream.write(text)
        stream.flush()
    except (OSError, ValueError, io.UnsupportedOperation):
        pass  # a closed or broken console; the log file has it


def start_logging(directory: Path | None = None) -> RotatingFileHandler | None:
    """The rotating log file and faulthandler's crash file, once per process, and warnings on the console
    where nothing else handles them. None when the folder cannot be written: the app works without it."""
    guard_streams()
    directory = directory or log_dir()
    root = logging.getLogger()
    if not root.handlers:  # as logging.basicConfig would, but the console never shows INFO
        console = _ConsoleHandler()
        console.setLevel(logging.WARNING)
        console.setFormatter(PrivacyFormatter(timestamps=False))
        root.addHandler(console)
    for handler in root.handlers:
        if isinstance(handler, _LogFileHandler):
            return handler
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handler = _LogFileHandler(directory / LOG_NAME, maxBytes=MAX_BYTES, backupCount=BACKUPS, delay=True)
        _enable_faulthandler(directory / CRASH_NAME)
    except OSError as exc:
        write_stderr(f"{APP_NAME}: no log file ({type(exc).__name__})\n")
        return None
    handler.setFormatter(PrivacyFormatter())
    handler.setLevel(logging.INFO)
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.INFO:
        root.setLevel(logging.INFO)
    threading.excepthook = _log_thread_exception
    log.info("%s %s started (%s, Python %s)", APP_NAME, __version__, sys.platform, sys.version.split()[0])
    return handler


def stop_logging(handler: RotatingFileHandler) -> None:
    """Back to how the process was before start_logging (for tests and embedding)."""
    global _fault_file
    logging.getLogger().removeHandler(handler)
    handler.close()
    threading.excepthook = threading.__excepthook__
    if _fault_file is not None:
        faulthandler.disable()
        _fault_file.close()
        _fault_file = None
        if _faulthandler_before and sys.stderr is not None:
            faulthandler.enable(file=sys.stderr, all_threads=True)


class _ConsoleHandler(logging.StreamHandler):
    """Whatever sys.stderr is when a record comes, like logging's last resort."""

    @property
    def stream(self) -> TextIO:  # type: ignore[override]
        return sys.stderr

    @stream.setter
    def stream(self, _value: TextIO) -> None:
        pass


class _LogFileHandler(RotatingFileHandler):
    def __init__(self, path: Path, **options: int | bool) -> None:
        super().__init__(path, encoding="utf-8", **options)  # type: ignore[arg-type]


def _enable_faulthandler(path: Path) -> None:
    global _fault_file, _faulthandler_before
    if _fault_file is None:
        _faulthandler_before = faulthandler.is_enabled()
        _fault_file = path.open("a", encoding="utf-8")  # kept open: faulthandler writes to its descriptor
    # Without a file faulthandler writes to sys.stderr, which a windowed app does not have.
    faulthandler.enable(file=_fault_file, all_threads=True)


def _log_thread_exception(hook: threading.ExceptHookArgs) -> None:
    log_exception(log, "unexpected error in a thread", hook.exc_type, hook.exc_value, hook.exc_traceback)
