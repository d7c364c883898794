"""A child process that writes cases as fast as it can, printing a line after each committed change.

The kill test starts it, lets it run for a random while and kills it with SIGKILL mid-write.
Usage: python -m tests.support.busy_writer WORKSPACE SEED (passphrase in DSR_DESK_PASSPHRASE).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys

from dsr_desk.desk import Desk
from dsr_desk.rules.requests import CaseStatus, Channel, RequestType


def main() -> None:
    workspace, seed = sys.argv[1], int(sys.argv[2])
    rng = random.Random(seed)
    desk = Desk.open(workspace, passphrase=os.environ["DSR_DESK_PASSPHRASE"])
    print("open", flush=True)
    while True:
        summary = desk.new_case(
            name=f"Verzoeker {rng.randrange(10**6)}",
            email="v@example.nl",
            address="Straat 1\n1234 AB Plaats",
            received=dt.date(2026, 11, rng.randrange(1, 20)),
            types=[rng.choice(list(RequestType))],
            channel=Channel.POST,
            notes="x" * rng.randrange(5000),
        )
        print("created", summary.reference, flush=True)
        with desk.open_case(summary.reference) as case:
            for _ in range(rng.randrange(1, 4)):
                case.add_note("notitie " * rng.randrange(1, 400))
                print("noted", flush=True)
            status = rng.choice([CaseStatus.IN_PROGRESS, CaseStatus.WAITING, CaseStatus.CLOSED])
            # Closed as a privacy officer would close a case whose steps nobody walked: with a reason.
            closing = status is CaseStatus.CLOSED
            case.set_status(status, "Afgesloten door de schrijftest." if closing else "", override=closing)
            print("status", flush=True)


if __name__ == "__main__":
    main()
