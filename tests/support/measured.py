"""Running the command line in a child process and measuring what it cost: exit status, output, and the
peak resident memory, read by the child itself so nothing else the test process ran is counted."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

_CHILD = """
import resource, sys
from dsr_desk.cli import main
try:
    status = main(sys.argv[2:])
finally:
    with open(sys.argv[1], "w") as out:
        out.write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
sys.exit(status)
"""


@dataclass(frozen=True)
class Measured:
    status: int
    stdout: str
    stderr: str
    peak_mib: float


def run_measured(
    args: list[str], tmp_path: Path, *, env: dict[str, str] | None = None, memory_limit_mib: int = 2048
) -> Measured:
    """`dsr-desk ARGS` with its address space capped, so a regression fails with MemoryError rather than
    taking the machine's memory; the temp folder is the test's own."""
    report = tmp_path / "peak.txt"
    limit = memory_limit_mib * 1024 * 1024

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    result = subprocess.run(
        [sys.executable, "-c", _CHILD, str(report), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "TMPDIR": str(tmp_path), **(env or {})},
        preexec_fn=cap,
    )
    peak = int(report.read_text()) if report.exists() else 0
    # Linux reports KiB, macOS bytes.
    peak_mib = peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024
    return Measured(result.returncode, result.stdout, result.stderr, peak_mib)
