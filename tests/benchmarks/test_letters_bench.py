"""Figures for letters: how long a handler waits for a preview. Printed, never asserted."""

from __future__ import annotations

import statistics
import time

from dsr_desk.rules.letters import LetterKind
from tests.support.letters import facts, letter_pdf


def test_bench_letter_rendering():
    print()
    letter_pdf(facts(LetterKind.ACKNOWLEDGEMENT))  # fonts and modules loaded once
    for kind in (LetterKind.ACKNOWLEDGEMENT, LetterKind.ACCESS_RESPONSE, LetterKind.ERASURE_CONFIRMATION):
        times = []
        for _ in range(20):
            start = time.perf_counter()
            pdf = letter_pdf(facts(kind))
            times.append((time.perf_counter() - start) * 1000)
        print(
            f"  render {kind.value:<28} median {statistics.median(times):7.1f} ms   "
            f"max {max(times):7.1f} ms   "
            f"({len(pdf) // 1024} KiB)"
        )
