"""JSON from outside (an archive to verify, a file to import, a key file), read with limits.

Python's json module accepts what no DSR Desk file or export ever holds and what makes later code fail in
odd places: NaN and Infinity, numbers of thousands of digits, nesting deep enough to exhaust the stack.
Here each of those is one error, a ValueError, so every caller that already handles invalid JSON handles
them too.
"""

from __future__ import annotations

import json

MAX_DEPTH = 64
MAX_NUMBER_CHARS = 40  # more than any count, size or amount; a 5,000-digit integer is an attack


class UntrustedJsonError(ValueError):
    """Valid JSON perhaps, but not JSON this program accepts; `reason` says which limit it broke."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def loads(data: bytes | str, *, max_depth: int = MAX_DEPTH) -> object:
    """Like json.loads, but refuses NaN and Infinity, over-long numbers and nesting deeper than max_depth."""
    try:
        value = json.loads(data, parse_constant=_constant, parse_int=_integer, parse_float=_float)
    except RecursionError:
        raise UntrustedJsonError("nested too deeply") from None
    return depth_checked(value, max_depth)


def decoder() -> json.JSONDecoder:
    """A decoder with the same limits on numbers, for reading one value at a time (raw_decode)."""
    return json.JSONDecoder(parse_constant=_constant, parse_int=_integer, parse_float=_float)


def depth_checked(value: object, max_depth: int = MAX_DEPTH) -> object:
    if _depth(value) > max_depth:
        raise UntrustedJsonError("nested too deeply")
    return value


def _constant(name: str) -> object:
    raise UntrustedJsonError(f"{name} is not a number")


def _integer(text: str) -> int:
    if len(text) > MAX_NUMBER_CHARS:
        raise UntrustedJsonError("number too long")
    return int(text)


def _float(text: str) -> float:
    if len(text) > MAX_NUMBER_CHARS:
        raise UntrustedJsonError("number too long")
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise UntrustedJsonError("number out of range")  # 1e999 parses as Infinity
    return value


def _depth(value: object) -> int:
    """Without recursion, so a value near the parser's own limit cannot overflow the stack here either."""
    deepest, todo = 0, [(value, 1)]
    while todo:
        current, depth = todo.pop()
        if isinstance(current, dict):
            current = list(current.values())
        if isinstance(current, list):
            deepest = max(deepest, depth)
            todo.extend((inner, depth + 1) for inner in current)
    return deepest
