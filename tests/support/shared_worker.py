"""A child process that works on a shared workspace as a handler would, on every write path, as fast as
it can, printing one JSON line per finished operation (what a user was told happened).

The test starts several at once, then checks that every line's promise holds: nothing lost, nothing
destroyed that was not meant to be, every case whole. A failure is printed as {"failed": ...}; the test
expects none.

Usage: python -m tests.support.shared_worker WORKSPACE WORKER OPERATIONS SEED MODE OUT
  MODE "held": one desk open throughout, as the window holds one;
  MODE "fresh": a new desk for every operation, as each command opens one (clean-up runs every time).
  OUT: a folder for this worker's exports and archives.
The passphrase comes from DSR_DESK_PASSPHRASE.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import random
import sys
from pathlib import Path

from dsr_desk.desk import Desk
from dsr_desk.errors import DsrDeskError
from dsr_desk.rules.letters import LetterKind
from dsr_desk.rules.organisation import RegisterEntry
from dsr_desk.rules.requests import CaseStatus, Channel, RequestType

PROFILE_FIELD = ("phone", "privacy_contact", "signatory_role", "city", "email", "dpo_name")
WEIGHTS = {
    "new": 6,
    "doomed": 1,
    "note": 8,
    "status": 6,
    "letter": 2,
    "data": 4,
    "export": 1,
    "archive": 1,
    "destroy": 1,
    "profile": 2,
    "register": 2,
    "handler": 1,
}


class Worker:
    def __init__(self, workspace: str, number: int, seed: int, mode: str, out: Path) -> None:
        self.workspace, self.number, self.mode, self.out = workspace, number, mode, out
        self.rng = random.Random(seed)
        self.seed = seed
        self.passphrase = os.environ["DSR_DESK_PASSPHRASE"]
        self.held = Desk.open(workspace, passphrase=self.passphrase) if mode == "held" else None
        self.doomed: list[str] = []
        self.count = 0

    @contextlib.contextmanager
    def desk(self):
        if self.held is not None:
            yield self.held
            return
        with Desk.open(self.workspace, passphrase=self.passphrase) as desk:
            yield desk

    def run(self, operations: int) -> None:
        names, weights = list(WEIGHTS), list(WEIGHTS.values())
        for _ in range(operations):
            self.count += 1
            op = self.rng.choices(names, weights)[0]
            try:
                with self.desk() as desk:
                    result = getattr(self, f"do_{op}")(desk)
            except DsrDeskError as error:
                result = {"failed": op, "error": type(error).__name__, "message": error.message()}
            except Exception as error:  # the test reports it; the worker goes on
                result = {"failed": op, "error": type(error).__name__, "message": repr(error)[:300]}
            if result is not None:
                print(json.dumps({"worker": self.number, "op": op, **result}), flush=True)
        if self.held is not None:
            self.held.close()

    def token(self) -> str:
        # Unique across restarts of the same worker number (a killed worker comes back with a new seed).
        return f"w{self.number}-{self.seed}-{self.count}"

    def shared_case(self, desk: Desk) -> str | None:
        # Cases that no worker will destroy: every worker may write to any of them, at the same time.
        choices = [c.reference for c in desk.list_cases() if not c.name.startswith("Doomed")]
        return self.rng.choice(choices) if choices else None

    def new_case(self, desk: Desk, name: str):
        return desk.new_case(
            name=name,
            email=f"{self.token()}@example.nl",
            address="Kerkstraat 1\n3511 LX Utrecht",
            received=dt.date(2026, 11, self.rng.randrange(1, 20)),
            types=[self.rng.choice([RequestType.ACCESS, RequestType.ERASURE, RequestType.PORTABILITY])],
            channel=Channel.EMAIL,
        )

    def do_new(self, desk: Desk) -> dict:
        return {"reference": self.new_case(desk, f"Verzoeker {self.token()}").reference}

    def do_doomed(self, desk: Desk) -> dict:
        reference = self.new_case(desk, f"Doomed {self.token()}").reference
        self.doomed.append(reference)
        return {"reference": reference}

    def do_destroy(self, desk: Desk) -> dict | None:
        if not self.doomed:
            return None
        reference = self.doomed.pop(self.rng.randrange(len(self.doomed)))
        desk.destroy_case(reference, f"proef {self.token()}")
        return {"reference": reference}

    def on_shared_case(self, desk: Desk, action) -> dict | None:
        reference = self.shared_case(desk)
        if reference is None:
            return None
        with desk.open_case(reference) as case:
            return {"reference": reference, **action(case)}

    def do_note(self, desk: Desk) -> dict | None:
        text = f"notitie {self.token()}"
        return self.on_shared_case(desk, lambda case: (case.add_note(text), {"text": text})[1])

    def do_status(self, desk: Desk) -> dict | None:
        status = self.rng.choice([CaseStatus.IN_PROGRESS, CaseStatus.WAITING])
        return self.on_shared_case(desk, lambda case: (case.set_status(status), {"status": status.value})[1])

    def do_letter(self, desk: Desk) -> dict | None:
        def send(case) -> dict:
            pdf = case.make_letter(LetterKind.ACKNOWLEDGEMENT, "nl")
            return {"document": case.record_letter(LetterKind.ACKNOWLEDGEMENT, "nl", pdf)}

        return self.on_shared_case(desk, send)

    def do_data(self, desk: Desk) -> dict | None:
        title = f"gegeven {self.token()}"

        def add(case) -> dict:
            case.add_data_text(f"inhoud {title}", system="Webwinkel", category="Bestellingen", title=title)
            return {"title": title}

        return self.on_shared_case(desk, add)

    def do_export(self, desk: Desk) -> dict | None:
        target = self.out / f"export-{self.token()}.zip"
        return self.on_shared_case(desk, lambda case: {"file": case.export_data(target).path.name})

    def do_archive(self, desk: Desk) -> dict | None:
        target = self.out / f"archive-{self.token()}.zip"
        return self.on_shared_case(desk, lambda case: {"file": str(case.write_archive(target).path)})

    def do_profile(self, desk: Desk) -> dict:
        field = PROFILE_FIELD[self.number % len(PROFILE_FIELD)]
        value = f"{field} {self.token()}" if field != "email" else f"{self.token()}@example.nl"
        desk.update_profile(**{field: value})
        return {"field": field, "value": value}

    def do_register(self, desk: Desk) -> dict:
        entry_id = self.token()
        entry = RegisterEntry(entry_id, f"Verwerking {entry_id}", ("proef",), "overeenkomst", ("naam",))
        desk.edit_register(lambda entries: (*entries, entry))
        return {"entry": entry_id}

    def do_handler(self, desk: Desk) -> dict:
        name = f"Behandelaar {self.token()}"
        desk.add_handler(name, passphrase=f"wachtwoord van {name}")
        return {"name": name}


def main() -> None:
    workspace, number, operations, seed, mode, out = sys.argv[1:7]
    worker = Worker(workspace, int(number), int(seed), mode, Path(out))
    print(json.dumps({"worker": int(number), "op": "open"}), flush=True)
    worker.run(int(operations))
    print(json.dumps({"worker": int(number), "op": "end"}), flush=True)


if __name__ == "__main__":
    main()
