"""Benchmark workspaces of 1,000 and 10,000 cases, made through the Desk API and cached between runs.

Every case is made with `Desk.new_case` and closed with `Case.set_status`, like a handler would: real case
files, real keys, a real index (about 85 ms a case here, most of it the case file's schema and its
commits; two processes side by side were slower still, as both wait for the workspace lock that creating
a case takes). The realistic mix of the issue: of
10,000 cases, 526 are open, received in the last two months; the rest closed, spread over three years.

The cache lives in $DSR_BENCH_CACHE (default: <tmp>/dsr-desk-bench), one folder per size and index
schema, so a changed index builds anew (a case file of an older schema is upgraded when it is opened, as
a user's would be). Removing the folder forces a rebuild.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from dsr_desk.desk import Desk
from dsr_desk.rules.requests import CaseStatus, Channel, RequestType
from dsr_desk.store import index_schema

PASSPHRASE = "bench passphrase 1"
OPEN_SHARE = 526 / 10_000
_TYPES = (
    (RequestType.ACCESS,),
    (RequestType.ACCESS, RequestType.ERASURE),
    (RequestType.ERASURE,),
    (RequestType.RECTIFICATION,),
    (RequestType.OBJECTION,),
)


def cache_root() -> Path:
    return Path(os.environ.get("DSR_BENCH_CACHE") or Path(tempfile.gettempdir()) / "dsr-desk-bench")


def empty_workspace(folder: Path) -> Path:
    root = folder / "empty"
    if not root.exists():
        Desk.create(root, organisation="Bench", storage="passphrase", passphrase=PASSPHRASE)[0].close()
    return root


def workspace(cases: int) -> Path:
    """The cached workspace of `cases` cases, built first when missing (10,000: some minutes)."""
    schema = f"i{len(index_schema.MIGRATIONS)}"
    root = cache_root() / f"ws-{cases}-{schema}"
    if root.exists():
        return root
    building = root.with_name(root.name + ".building")
    shutil.rmtree(building, ignore_errors=True)
    building.parent.mkdir(parents=True, exist_ok=True)
    Desk.create(building, organisation="Bench", storage="passphrase", passphrase=PASSPHRASE)[0].close()
    start = time.perf_counter()
    # In a process of its own: a build interrupted with the benchmark leaves only the .building folder.
    subprocess.run([sys.executable, __file__, str(building), str(cases)], check=True)
    os.replace(building, root)
    print(f"\n  built {cases} cases in {time.perf_counter() - start:.0f} s ({root})")
    return root


def _build(root: Path, cases: int) -> None:
    rng = random.Random(cases)
    today = dt.date.today()
    with Desk.open(root, passphrase=PASSPHRASE) as desk:
        for number in range(cases):
            is_open = rng.random() < OPEN_SHARE
            received = today - dt.timedelta(days=rng.randrange(0, 60) if is_open else rng.randrange(60, 1100))
            summary = desk.new_case(
                name=f"Verzoeker {number:05d}",
                email=f"verzoeker{number}@example.nl",
                received=received,
                types=list(rng.choice(_TYPES)),
                channel=Channel.EMAIL,
            )
            status = (
                rng.choice((CaseStatus.IN_PROGRESS, CaseStatus.WAITING)) if is_open else CaseStatus.CLOSED
            )
            if is_open and rng.random() < 0.3:
                continue  # still new
            with desk.open_case(summary.reference) as case:
                closing = status is CaseStatus.CLOSED
                case.set_status(status, "Afgesloten in de benchmark." if closing else "", override=closing)


if __name__ == "__main__":
    _build(Path(sys.argv[1]), int(sys.argv[2]))
