"""A case with a 1 GB attachment: import and export with memory that must stay flat (issue: under ~200 MB
peak resident), at disk speed (issue 13: at least half of `cp`). Each phase runs in its own process so its
peak RSS is its own. The floors are measured in the same run: `cp` of the same file (and `cp` with an
fsync, as the import makes its file durable), and plain SQLite storing it in 1 MiB chunks. Printed, never
asserted."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

SIZE_MB = int(os.environ.get("DSR_BENCH_ATTACHMENT_MB", "1024"))

_SETUP = """
import datetime, json, resource, sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
from dsr_desk.desk import Desk
from dsr_desk.rules.requests import RequestType

def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB

def report(**figures):
    print(json.dumps(figures))
"""

_IMPORT = """
work = Path({work!r})
desk, _ = Desk.create(
    work / "ws", organisation="Bench", storage="passphrase", passphrase="bench passphrase 1"
)
summary = desk.new_case(
    name="Jan Jansen", email="jan@example.nl", received=datetime.date(2026, 11, 2), types=[RequestType.ACCESS]
)
before = peak_mb()
start = time.perf_counter()
with desk.open_case(summary.reference) as case:
    case.add_data_file(work / "scan.pdf", system="Mailbox", category="Bijlagen")
seconds = time.perf_counter() - start
(work / "reference").write_text(summary.reference)
report(phase="import", seconds=seconds, baseline_mb=before, peak_mb=peak_mb())
"""

_EXPORT = """
work = Path({work!r})
desk = Desk.open(work / "ws", passphrase="bench passphrase 1")
reference = (work / "reference").read_text()
before = peak_mb()
start = time.perf_counter()
with desk.open_case(reference) as case:
    result = case.export_data(work / {name!r}, password={password!r})
seconds = time.perf_counter() - start
report(phase="export" + (" (AES-256)" if {password!r} else ""), seconds=seconds, baseline_mb=before,
       peak_mb=peak_mb(), size_mb=result.size / 1024 / 1024)
"""


def _run(script: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def _write_attachment(path: Path, size_mb: int) -> None:
    # A random MiB repeated: incompressible for deflate (its window is 32 KiB), quick to write.
    block = os.urandom(1024 * 1024)
    with open(path, "wb") as handle:
        handle.write(b"%PDF-1.4\n")
        for _ in range(size_mb):
            handle.write(block)


def _floors(source: Path, work: Path) -> dict[str, float]:
    floors = {}
    start = time.perf_counter()
    subprocess.run(["cp", str(source), str(work / "copy")], check=True)
    floors["cp"] = time.perf_counter() - start
    os.unlink(work / "copy")
    start = time.perf_counter()
    subprocess.run(["cp", str(source), str(work / "copy")], check=True)
    with open(work / "copy", "rb") as handle:
        os.fsync(handle.fileno())
    floors["cp + fsync"] = time.perf_counter() - start
    os.unlink(work / "copy")
    start = time.perf_counter()
    connection = sqlite3.connect(work / "plain.sqlite", isolation_level=None)
    connection.execute("PRAGMA synchronous = FULL")
    connection.execute("CREATE TABLE chunks (seq INTEGER PRIMARY KEY, data BLOB NOT NULL)")
    connection.execute("BEGIN")
    with open(source, "rb") as handle:
        for seq, chunk in enumerate(iter(lambda: handle.read(1024 * 1024), b"")):
            connection.execute("INSERT INTO chunks VALUES (?, ?)", (seq, chunk))
    connection.execute("COMMIT")
    connection.close()
    floors["plain SQLite, 1 MiB chunks"] = time.perf_counter() - start
    os.unlink(work / "plain.sqlite")
    return floors


def test_bench_a_gigabyte_attachment_imports_and_exports_in_flat_memory(tmp_path):
    root = str(Path(__file__).resolve().parents[2])
    _write_attachment(tmp_path / "scan.pdf", SIZE_MB)
    floors = _floors(tmp_path / "scan.pdf", tmp_path)
    setup = _SETUP.format(root=root)
    figures = [_run(setup + _IMPORT.format(work=str(tmp_path)))]
    (tmp_path / "scan.pdf").unlink()
    figures.append(_run(setup + _EXPORT.format(work=str(tmp_path), name="plain.zip", password=None)))
    (tmp_path / "plain.zip").unlink()
    figures.append(
        _run(setup + _EXPORT.format(work=str(tmp_path), name="aes.zip", password="bench-export-password"))
    )
    print(f"\n  attachment of {SIZE_MB} MB:")
    for name, seconds in floors.items():
        print(f"  floor: {name:<28} {seconds:7.2f} s  {SIZE_MB / seconds:7.1f} MB/s")
    for f in figures:
        rate, cp = SIZE_MB / f["seconds"], floors["cp"] / f["seconds"]
        print(
            f"  {f['phase']:<20} {f['seconds']:7.2f} s  {rate:7.1f} MB/s  {cp:5.2f}x cp"
            f"  {floors['cp + fsync'] / f['seconds']:5.2f}x cp+fsync   peak RSS {f['peak_mb']:4.0f} MB"
            f" (after start-up {f['baseline_mb']:.0f} MB)"
        )
