"""Figures for the store: how long the things a handler waits for take. Printed, never asserted."""

from __future__ import annotations

import statistics
import time

from dsr_desk.desk import Desk
from dsr_desk.store.keychain import Keychain
from dsr_desk.store.sqlcipher import integrity_problems, open_engine
from tests.support.cases import close_anyway, make_case
from tests.support.memory_keyring import MemoryKeyring


def _timed(action, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return times


def _report(label: str, times: list[float]) -> None:
    times = sorted(times)
    p95 = times[int(len(times) * 0.95) - 1] if len(times) >= 20 else times[-1]
    print(f"  {label:<44} median {statistics.median(times):8.2f} ms   p95 {p95:8.2f} ms   (n={len(times)})")


def test_bench_case_lifecycle(tmp_path):
    desk, _ = Desk.create(
        tmp_path / "ws", organisation="Bench", storage="keychain", keychain=Keychain(MemoryKeyring())
    )
    print()
    created = []
    _report("create a case (file, key, index)", _timed(lambda: created.append(make_case(desk)), 100))
    reference = created[0].reference
    _report(
        "open + read a case (incl. integrity check)", _timed(lambda: desk.open_case(reference).close(), 100)
    )
    with desk.open_case(reference) as case:
        _report("add a note (one transaction + index)", _timed(lambda: case.add_note("notitie"), 100))
        _report("verify the audit chain (101 events)", _timed(case.verify_audit, 50))
    _report("list 100 cases from the index", _timed(desk.list_cases, 50))
    desk.close()


def test_bench_unlock_and_index_of_a_thousand_cases(tmp_path):
    desk, _ = Desk.create(
        tmp_path / "ws", organisation="Bench", storage="passphrase", passphrase="bench passphrase"
    )
    for i in range(1000):
        summary = make_case(desk, name=f"Verzoeker {i}")
        if i % 3 == 0:
            with desk.open_case(summary.reference) as case:
                close_anyway(case)
    desk.close()
    print()
    _report(
        "unlock with passphrase (Argon2id) + reconcile",
        _timed(lambda: Desk.open(tmp_path / "ws", passphrase="bench passphrase").close(), 5),
    )
    with Desk.open(tmp_path / "ws", passphrase="bench passphrase") as reopened:
        _report("list 1000 cases from the index", _timed(reopened.list_cases, 20))
        _report("overview: 1000 cases with their clocks", _timed(reopened.overview, 20))


def test_bench_integrity_check_of_a_large_case_file(tmp_path):
    desk, _ = Desk.create(
        tmp_path / "ws", organisation="Bench", storage="keychain", keychain=Keychain(MemoryKeyring())
    )
    reference = make_case(desk).reference
    with desk.open_case(reference) as case:
        for _ in range(200):
            case.add_note("x" * 90_000)
    path = desk.paths.case_file(reference)
    size_mb = path.stat().st_size / 1e6
    engine = open_engine(path, desk.case_key(reference))
    print()
    _report(
        f"cipher_integrity_check of a {size_mb:.0f} MB case file",
        _timed(lambda: integrity_problems(engine), 5),
    )
    engine.dispose()
    desk.close()
