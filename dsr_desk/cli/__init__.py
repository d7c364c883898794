"""The command line: the GUI by default, headless commands for everything else.

The commands, their options, their output and their exit statuses are a contract that scripts and later
checks rely on: 0 done, 1 a check found a problem, 2 refused (bad input, wrong key, corrupt file).
"""

from __future__ import annotations

import logging
import os
import sys

from dsr_desk.cli.parser import build_parser
from dsr_desk.errors import DsrDeskError
from dsr_desk.i18n import DEFAULT_LANGUAGE, LANGUAGES, set_language, t

EXIT_OK, EXIT_PROBLEM, EXIT_REFUSED, EXIT_INTERNAL = 0, 1, 2, 3


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    lang = args.lang or os.environ.get("DSR_DESK_LANG") or DEFAULT_LANGUAGE
    set_language(lang if lang in LANGUAGES else DEFAULT_LANGUAGE)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if args.command is None:
        from dsr_desk.gui.app import run_gui  # Qt is loaded only for the GUI

        return run_gui(args.workspace)
    try:
        return int(args.run(args) or EXIT_OK)
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
        if os.environ.get("DSR_DESK_DEBUG"):
            raise
        print(f"dsr-desk: {t('cli.internal_error', kind=type(exc).__name__)}", file=sys.stderr)
        return EXIT_INTERNAL
