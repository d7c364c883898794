"""Several processes on one workspace at once, on every write path: nothing fails, nothing is lost.

Real processes, a real SQLCipher workspace, real locks. The workers print what they did; afterwards every
case must open, pass its audit and be listed exactly as its file says, and every promise must hold.
"""

from __future__ import annotations

import os
import random
import signal
import threading

import pytest

from tests.support.shared_checks import Promises, check_workspace, prepare_workspace, start_worker, worker_env

pytestmark = [pytest.mark.slow, pytest.mark.skipif(os.name != "posix", reason="subprocess signals")]


def _collect(workers, promises: Promises) -> None:
    """Reads every worker's lines as they come (a full pipe would stall a worker)."""
    threads = []
    errors: list[str] = []

    def read(child) -> None:
        for line in child.stdout:
            promises.take(line)
        errors.append(child.stderr.read())

    for child in workers:
        thread = threading.Thread(target=read, args=(child,))
        thread.start()
        threads.append(thread)
    for thread in threads:
        thread.join()
    for child in workers:
        child.wait()
        child.stdout.close()
        child.stderr.close()
    assert all(child.returncode in (0, -signal.SIGKILL) for child in workers), errors


def test_four_processes_on_every_write_path_lose_nothing(tmp_path):
    root = tmp_path / "workspace"
    prepare_workspace(root)
    env = worker_env(tmp_path)
    # Two hold one desk open throughout (as windows do), two open a new one for every operation (as each
    # command does, running the clean-up at every start) — the combination that once destroyed keys.
    modes = ["held", "fresh", "held", "fresh"]
    operations = {"held": 160, "fresh": 60}
    workers = [
        start_worker(root, n, operations[mode], 1000 + n, mode, tmp_path / f"out{n}", env)
        for n, mode in enumerate(modes)
    ]
    promises = Promises()
    _collect(workers, promises)
    assert promises.operations > 300
    check_workspace(root, promises)


def test_a_writer_killed_at_random_moments_leaves_the_others_unharmed(tmp_path):
    root = tmp_path / "workspace"
    prepare_workspace(root)
    env = worker_env(tmp_path)
    rng = random.Random(20261201)
    steady = [start_worker(root, n, 120, 2000 + n, "held", tmp_path / f"out{n}", env) for n in range(3)]
    promises = Promises()
    collector = threading.Thread(target=_collect, args=(steady, promises))
    collector.start()
    victims = Promises()
    for round_number in range(12):
        victim = start_worker(
            root, 3, 400, 3000 + round_number, rng.choice(["held", "fresh"]), tmp_path / "victim", env
        )
        assert victim.stdout.readline()  # open
        for _ in range(rng.randrange(0, 8)):
            line = victim.stdout.readline()
            if line:
                victims.take(line)
        timer = threading.Timer(rng.uniform(0, 0.08), victim.send_signal, [signal.SIGKILL])
        timer.start()
        victim.wait()
        timer.join()
        victim.stdout.close()
        victim.stderr.close()
    collector.join()
    promises.merge_unfinished(victims)
    check_workspace(root, promises)
