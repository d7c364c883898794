"""Issue 13's table at 1,000 and 10,000 cases, each figure a median with its floor measured in the same run.

Floors: an empty workspace for the command line and the desk (the same unlock, the same imports, no cases),
a bare PySide6 window process for the window's cold start. The workspaces come from workspaces.py (cached
between runs; the first run builds them). Printed, never asserted.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import subprocess
import sys
import time

import pytest

from dsr_desk.desk import Desk
from dsr_desk.rules.requests import RequestType
from tests.benchmarks.workspaces import PASSPHRASE, cache_root, empty_workspace, workspace

SIZES = tuple(int(n) for n in os.environ.get("DSR_BENCH_CASES", "1000,10000").split(","))
_ENV = {**os.environ, "DSR_DESK_PASSPHRASE": PASSPHRASE, "QT_QPA_PLATFORM": "offscreen"}

_BARE_WINDOW = """
import time; start = time.perf_counter()
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([]); window = QMainWindow(); window.resize(1366, 768); window.show()
app.processEvents(); print(time.perf_counter() - start)
"""

_COLD_START = """
import time; start = time.perf_counter()
from PySide6.QtWidgets import QApplication
app = QApplication([])
from dsr_desk.desk import Desk
from dsr_desk.gui.main_window import MainWindow
desk = Desk.open({root!r}, passphrase={passphrase!r})
window = MainWindow(desk); window.resize(1366, 768); window.show()
app.processEvents()
window.grab()  # painted, rows and all
print(time.perf_counter() - start)
"""


def _median_ms(action, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _process_ms(argv: list[str], repeat: int = 5) -> float:
    return _median_ms(
        lambda: subprocess.run(argv, env=_ENV, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE),
        repeat,
    )


def _script_ms(script: str, repeat: int = 5) -> float:
    """The time a script measures itself (from its first line), the median of `repeat` processes."""
    times = []
    for _ in range(repeat):
        done = subprocess.run(
            [sys.executable, "-c", script], env=_ENV, check=True, capture_output=True, text=True
        )
        times.append(float(done.stdout.strip().splitlines()[-1]) * 1000)
    return statistics.median(times)


def _line(what: str, cases: int, value: float, floor: float, floor_name: str) -> None:
    print(
        f"  {what:<40} {cases:>6} cases  {value:9.1f} ms   floor ({floor_name}) {floor:8.1f} ms"
        f"   {value / floor:5.2f}x"
    )


@pytest.fixture(scope="module")
def empty():
    return empty_workspace(cache_root())


@pytest.mark.parametrize("cases", SIZES)
def test_bench_command_line_and_desk(cases, empty):
    root = workspace(cases)
    print()
    command = [sys.executable, "-m", "dsr_desk", "--workspace"]
    _line(
        "case list --json",
        cases,
        _process_ms([*command, str(root), "case", "list", "--json"]),
        _process_ms([*command, str(empty), "case", "list", "--json"]),
        "empty workspace",
    )

    def versus_empty(what: str, action, repeat: int = 5, full=root, bare=empty) -> None:
        _line(what, cases, _median_ms(action(full), repeat), _median_ms(action(bare), repeat), "empty")

    versus_empty(
        "Desk.open (unlock + reconcile)", lambda f: lambda: Desk.open(f, passphrase=PASSPHRASE).close()
    )
    with Desk.open(root, passphrase=PASSPHRASE) as desk, Desk.open(empty, passphrase=PASSPHRASE) as bare:
        versus_empty("overview() (every row's clock)", lambda d: d.overview, full=desk, bare=bare)
        made = {desk: [], bare: []}

        def new_case(on):
            return lambda: made[on].append(
                on.new_case(
                    name="Bench", email="b@example.nl", received=dt.date.today(), types=[RequestType.ACCESS]
                ).reference
            )

        versus_empty("case new (Desk.new_case)", new_case, repeat=10, full=desk, bare=bare)
        listed = desk.list_cases()
        opened = {desk: listed[len(listed) // 2].reference, bare: made[bare][0]}
        versus_empty(
            "open a case (API, with integrity check)",
            lambda d: lambda: d.open_case(opened[d]).close(),
            repeat=20,
            full=desk,
            bare=bare,
        )
        for on, references in made.items():  # the cached workspaces keep their size
            for made_reference in references:
                on.destroy_case(made_reference, reason="benchmark")


@pytest.mark.parametrize("cases", SIZES)
def test_bench_the_window(cases, qtbot):
    from PySide6.QtCore import Qt

    from dsr_desk.gui.main_window import MainWindow

    root = workspace(cases)
    print()
    bare = _script_ms(_BARE_WINDOW)
    cold = _script_ms(_COLD_START.format(root=str(root), passphrase=PASSPHRASE), repeat=3)
    _line("cold start to a painted list", cases, cold, bare, "bare PySide6 window")
    desk = Desk.open(root, passphrase=PASSPHRASE)
    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    table = window.table
    header = table.horizontalHeader()

    def sort_by_due():
        column = 3  # Column.DUE
        order = (
            Qt.SortOrder.DescendingOrder
            if header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
            else Qt.SortOrder.AscendingOrder
        )
        table.sortByColumn(column, order)

    floor = 30.0  # the target for every list operation: no floor to measure, a budget
    _line("sort by due date", cases, _median_ms(sort_by_due, 5), floor, "target")

    def search_and_clear():
        window.search.setText("Verzoeker 0001")
        start = time.perf_counter()
        window.search.clear()
        return (time.perf_counter() - start) * 1000

    _line("clear the search", cases, statistics.median(search_and_clear() for _ in range(5)), floor, "target")
    _line("refresh_cases() after a change", cases, _median_ms(window.refresh_cases, 5), floor, "target")
    window.close()
    desk.close()
