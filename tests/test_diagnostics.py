"""The log file a windowed app leaves: where things went wrong, never what they said; and an app without
a console (sys.stdout and sys.stderr are None, as in a windowed executable) still runs every command."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import textwrap

import pytest

from dsr_desk.diagnostics import CRASH_NAME, LOG_DIR_ENV, LOG_NAME, start_logging, stop_logging
from tests.conftest import PASSPHRASE

CANARY = "Łukasz Wróbel"


@pytest.fixture
def logging_to(tmp_path):
    root = logging.getLogger()
    # start_logging keeps one log per process: make way for this test's own, then put things back.
    earlier = [h for h in root.handlers if type(h).__name__ == "_LogFileHandler"]
    for handler in earlier:
        root.removeHandler(handler)
    handler = start_logging(tmp_path)
    assert handler is not None
    yield tmp_path
    stop_logging(handler)
    for handler in earlier:
        root.addHandler(handler)


def test_the_log_holds_where_an_error_happened_but_not_what_it_said(logging_to):
    try:
        raise ValueError(f"{CANARY}, Kerkstraat 1, wachtwoordzin {PASSPHRASE}")
    except ValueError:
        logging.getLogger("dsr_desk.gui.test").error("unexpected %s", "ValueError", exc_info=True)
    logging.getLogger("some.library").warning("opened %s for %s", "/home/x/scan-of-Łukasz.png", CANARY)
    logging.getLogger().handlers[-1].flush()
    text = (logging_to / LOG_NAME).read_text(encoding="utf-8")
    assert "builtins.ValueError" in text and "test_diagnostics.py" in text and "in test_the_log" in text
    assert "opened %s for %s" in text  # a library's record: its template, without the arguments
    assert CANARY not in text and "Łukasz" not in text and PASSPHRASE not in text and "Kerkstraat" not in text


def test_starting_twice_keeps_one_log_and_a_crash_file_for_faulthandler(logging_to):
    assert start_logging(logging_to) is start_logging()
    assert (logging_to / CRASH_NAME).exists()


def _run_without_console(code: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    """A Python that starts as a windowed executable does: no sys.stdout, no sys.stderr."""
    prelude = "import sys\nsys.stdout = None\nsys.stderr = None\n"
    return subprocess.run(
        [sys.executable, "-c", prelude + textwrap.dedent(code)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def test_without_a_console_commands_run_and_a_crash_is_logged_not_raised(tmp_path):
    logs, workspace = tmp_path / "logs", tmp_path / "ws"
    env = {k: v for k, v in os.environ.items() if not k.startswith("DSR_DESK_")}
    env |= {LOG_DIR_ENV: str(logs), "DSR_DESK_PASSPHRASE": PASSPHRASE}
    result = _run_without_console(
        f"""
        from dsr_desk.cli import case_commands, main

        def exits(argv):
            try:
                return main(argv)
            except SystemExit as done:  # --version, --help and a usage error end through SystemExit
                return done.code

        def broken(args):  # a bug we cannot cause with real input: every bad input has its message
            raise RuntimeError("{CANARY}")

        ws = ["--workspace", {str(workspace)!r}]
        statuses = [exits(["--version"]), exits(["--help"]), exits(["nonsense"])]
        statuses.append(main([*ws, "init", "--org", "Bakkerij"]))
        new = ["case", "new", "--name", "{CANARY}", "--email", "l@example.org", "--received", "2026-11-02"]
        statuses.append(main([*ws, *new, "--type", "access"]))
        case_commands.list_cases = broken
        statuses.append(main([*ws, "case", "list"]))
        open({str(tmp_path / "statuses")!r}, "w").write(repr(statuses))
        """,
        env,
    )
    assert result.returncode == 0 and result.stdout == result.stderr == "", result.stderr
    assert (tmp_path / "statuses").read_text() == "[0, 0, 2, 0, 0, 3]"
    text = (logs / LOG_NAME).read_text(encoding="utf-8")
    assert "builtins.RuntimeError" in text and "in broken" in text
    assert CANARY not in text and "Łukasz" not in text and PASSPHRASE not in text


def test_output_into_a_pipe_is_utf8_whatever_the_systems_code_page(tmp_path):
    # Windows encodes a pipe in its ANSI code page (cp1252), which has no 'Ł': the name would crash a script.
    env = {k: v for k, v in os.environ.items() if not k.startswith("DSR_DESK_")}
    env |= {"PYTHONIOENCODING": "cp1252", LOG_DIR_ENV: str(tmp_path)}
    code = f"from dsr_desk.diagnostics import guard_streams\nguard_streams()\nprint({CANARY!r})"
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode("utf-8").strip() == CANARY
