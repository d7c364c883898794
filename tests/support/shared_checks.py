"""Running shared_worker processes against one workspace, and checking afterwards that every promise
they printed holds: each case whole and listed as its file says, no write lost, nothing extra destroyed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from dsr_desk.desk import Desk
from dsr_desk.documents.archive.verify import verify_archive
from dsr_desk.rules.organisation import RegisterEntry
from tests.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]
PROFILE = {
    "address": "Kerkstraat 1",
    "postcode_city": "3511 LX Utrecht",
    "email": "info@bakkerijdevries.example",
    "phone": "030 123 45 67",
    "privacy_contact": "Petra Jansen",
    "privacy_email": "privacy@bakkerijdevries.example",
    "signatory_name": "Petra Jansen",
    "signatory_role": "Privacyfunctionaris",
    "city": "Utrecht",
}
WEBSHOP = RegisterEntry(
    "webwinkel",
    "Webwinkel",
    ("het uitvoeren van bestellingen",),
    "overeenkomst",
    ("naam", "adres"),
    retention="7 jaar na de laatste factuur (art. 52 AWR)",
    systems=("Webwinkel",),
)


def prepare_workspace(root: Path) -> None:
    desk, _ = Desk.create(root, organisation="Bakkerij De Vries", storage="passphrase", passphrase=PASSPHRASE)
    with desk:
        desk.update_profile(**PROFILE)
        desk.update_register((WEBSHOP,))


def worker_env(tmp: Path) -> dict[str, str]:
    return {**os.environ, "DSR_DESK_PASSPHRASE": PASSPHRASE, "PYTHONPATH": str(ROOT), "TMPDIR": str(tmp)}


def start_worker(
    root: Path, number: int, operations: int, seed: int, mode: str, out: Path, env
) -> subprocess.Popen:
    out.mkdir(parents=True, exist_ok=True)
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.support.shared_worker",
            str(root),
            str(number),
            str(operations),
            str(seed),
            mode,
            str(out),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )


@dataclass
class Promises:
    """What the workers said they did."""

    created: set[str] = field(default_factory=set)
    destroyed: set[str] = field(default_factory=set)
    notes: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    data: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    letters: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    exports: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    archives: list[str] = field(default_factory=list)
    profile: dict[str, str] = field(default_factory=dict)
    register: set[str] = field(default_factory=set)
    handlers: set[str] = field(default_factory=set)
    failures: list[dict] = field(default_factory=list)
    operations: int = 0

    def take(self, line: str) -> None:
        entry = json.loads(line)
        op = entry["op"]
        if "failed" in entry:
            self.failures.append(entry)
            return
        if op in ("open", "end"):
            return
        self.operations += 1
        reference = entry.get("reference")
        if op in ("new", "doomed"):
            assert reference not in self.created, f"{reference} was handed out twice"
            self.created.add(reference)
        elif op == "destroy":
            self.destroyed.add(reference)
        elif op == "note":
            self.notes[reference].add(entry["text"])
        elif op == "data":
            self.data[reference].add(entry["title"])
        elif op == "letter":
            self.letters[reference] += 1
        elif op == "export":
            self.exports[reference].add(entry["file"])
        elif op == "archive":
            self.archives.append(entry["file"])
        elif op == "profile":
            self.profile[entry["field"]] = entry["value"]  # each worker owns one field; lines are in order
        elif op == "register":
            self.register.add(entry["entry"])
        elif op == "handler":
            self.handlers.add(entry["name"])

    def merge_unfinished(self, other: Promises) -> None:
        """Adds what a killed worker said it did; its profile changes are left out, since its last change
        may have been saved a moment before the kill and never printed."""
        self.created |= other.created
        self.destroyed |= other.destroyed
        self.register |= other.register
        self.handlers |= other.handlers
        self.archives += other.archives
        self.failures += other.failures
        for mine, theirs in (
            (self.notes, other.notes),
            (self.data, other.data),
            (self.exports, other.exports),
        ):
            for reference, values in theirs.items():
                mine[reference] |= values
        for reference, count in other.letters.items():
            self.letters[reference] += count


def check_workspace(root: Path, promises: Promises) -> None:
    """Every promise kept (a change cut off by a kill was never promised, so it may or may not be there)."""
    assert promises.failures == [], promises.failures[:5]
    with Desk.open(root, passphrase=PASSPHRASE) as desk:
        listed = {c.reference: c for c in desk.list_cases()}
        on_disk = desk.paths.case_references_on_disk()
        gone = {record.reference for record in desk.destruction_records()}
        assert promises.destroyed <= gone
        assert not (promises.destroyed & set(listed)), "a destroyed case is listed again"
        assert promises.created - promises.destroyed <= set(listed), "a case reported as created is lost"
        assert set(listed) == on_disk, "the index and the case files disagree"
        assert not (gone & set(listed))
        for reference in sorted(listed):
            with desk.open_case(reference) as case:
                assert case.verify_audit().ok, reference
                events = case.events()
                record = case.record()
                # A writer killed between its case-file commit and the index's leaves the list one write
                # behind; opening the case brings it up to date (Case._check_audit).
                entry = desk.index.get(reference)
                assert entry is not None and entry.summary == case.summary(), f"{reference}: list and file"
                statuses = [e.details["after"] for e in events if e.action == "status.changed"]
                if statuses:
                    assert record.status.value == statuses[-1], f"{reference}: record and log disagree"
                texts = {e.details.get("text") for e in events if e.action == "note.added"}
                assert promises.notes.get(reference, set()) <= texts, f"{reference}: a note was lost"
                titles = {item.title for item in case.items()}
                assert promises.data.get(reference, set()) <= titles, f"{reference}: a data item was lost"
                assert len(case.letters()) >= promises.letters.get(reference, 0), f"{reference}: letter lost"
                exported = {e.details["file"] for e in events if e.action == "export.created"}
                assert promises.exports.get(reference, set()) <= exported, f"{reference}: export not recorded"
        settings = desk.settings
        for name, value in promises.profile.items():
            assert getattr(settings.profile, name) == value, f"profile {name}: a later change was lost"
        assert promises.register <= {entry.id for entry in settings.register}, "a register entry was lost"
        assert promises.handlers <= {h.name for h in desk.handlers()}, "a handler was lost"
        assert not list(desk.paths.cases.glob(".*")), "a half-built file was left behind"
    for archive in promises.archives:
        assert verify_archive(Path(archive)).ok, archive
