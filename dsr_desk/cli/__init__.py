"""The command line: the GUI by default, headless commands for everything else.

The commands, their options, their output and their exit statuses are a contract that scripts and later
checks rely on: 0 done, 1 a check found a problem, 2 refused (bad input, wrong key, corrupt file).
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys

from dsr_desk.cli.parser import build_parser
from dsr_desk.diagnostics import guard_streams, log_exception, start_logging
from dsr_desk.errors import DsrDeskError
from dsr_desk.i18n import DEFAULT_LANGUAGE, LANGUAGES, set_language, t

EXIT_OK, EXIT_PROBLEM, EXIT_REFUSED, EXIT_INTERNAL = 0, 1, 2, 3
log = logging.getLogger(__name__)


def _stop(signum: int, frame: object) -> None:
    # SIGTERM (a logout, `kill`, a service manager) as an exception: every `with` unwinds, so an export
    # being written removes its temp file and the desk its record, as on any other failure.
    raise SystemExit(128 + signum)


def main(argv: list[str] | None = None) -> int:
    guard_streams()  # before anything can print: a windowed executable has no console
    if argv is None:  # a process of its own (not a test calling in): a stop request unwinds cleanly
        signal.signal(signal.SIGTERM, _stop)
    argv = sys.argv[1:] if argv is None else argv
    set_language(interface_language(argv))  # --help speaks it too
    args = build_parser().parse_args(argv)
    set_language(_known(args.lang or os.environ.get("DSR_DESK_LANG")))
    start_logging()
    run = args.run if args.command is not None else _window
    try:
        return int(run(args) or EXIT_OK)
    except DsrDeskError as exc:
        print(f"dsr-desk: {exc.message()}", file=sys.stderr)
        return exc.exit_status
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # Output piped into `head` and the like: stop quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as exc:
        # A full disk, a read-only folder, a missing file: the operating system's own words, one line.
        print(f"dsr-desk: {t('cli.os_error', reason=exc.strerror or type(exc).__name__)}", file=sys.stderr)
        return EXIT_REFUSED
    except Exception as exc:  # the last line of defence: one line, never a traceback with case data
        log_exception(log, "unexpected error", type(exc), exc, exc.__traceback__)
        if os.environ.get("DSR_DESK_DEBUG"):
            raise
        print(f"dsr-desk: {t('cli.internal_error', kind=type(exc).__name__)}", file=sys.stderr)
        return EXIT_INTERNAL


def interface_language(argv: list[str]) -> str:
    """The global --lang (given before the command: `letter --lang` is the letter's), else DSR_DESK_LANG."""
    chosen, index = None, 0
    while index < len(argv):
        word = argv[index]
        if word in ("--lang", "--workspace"):
            if word == "--lang" and index + 1 < len(argv):
                chosen = argv[index + 1]
            index += 2
            continue
        if word.startswith("--lang="):
            chosen = word.partition("=")[2]
        elif not word.startswith("-"):
            break  # the command: what follows is its own
        index += 1
    return _known(chosen or os.environ.get("DSR_DESK_LANG"))


def _known(lang: str | None) -> str:
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def _window(args: argparse.Namespace) -> int:
    from dsr_desk.gui.app import run_gui  # Qt is loaded only for the window

    return run_gui(args.workspace)
