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


def test_bench_the_longest_letter_the_limits_allow():
    """Every text a refusal quotes at its limit (rules/intake.py): the worst wait there can be, off the
    window's thread. Floor: a few seconds, never the minutes a megabyte took before the limits."""
    from dsr_desk.rules.intake import MAX_BLOCK_LENGTH
    from tests.support.letters import complete_inputs

    longest = "Een reden die wij uitleggen. " * (MAX_BLOCK_LENGTH // 29)
    inputs = complete_inputs(refusal_reasons=longest, identity_reason=longest, enclosed=longest)
    start = time.perf_counter()
    pdf = letter_pdf(facts(LetterKind.REFUSAL, inputs=inputs))
    print(f"\n  render refusal, every text at {MAX_BLOCK_LENGTH} characters: "
          f"{time.perf_counter() - start:5.2f} s ({len(pdf) // 1024} KiB)")  # fmt: skip
