"""audit.json read one event at a time, so the verifier's memory does not grow with the log.

The file is what archive/package.py writes: one JSON object with "reference" and "events", a list of event
objects. Each event is parsed on its own, with the limits of store/strict_json.py, from a buffer that never
holds more than one event beyond a read chunk. Anything else in the file's shape is UntrustedJsonError.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterable, Iterator

from dsr_desk.store.audit import AuditEvent
from dsr_desk.store.strict_json import UntrustedJsonError, decoder, depth_checked

MAX_EVENT_CHARS = 8 * 1024 * 1024  # the largest event: a 100,000-character note is far below this
_WHITESPACE = " \t\n\r"
_FIELDS = {"seq": int, "at": str, "actor": str, "action": str, "details": dict, "prev_hash": str, "hash": str}


def audit_events(chunks: Iterable[bytes], reference: str) -> Iterator[AuditEvent]:
    """The events of the audit.json of case `reference`, given as byte chunks; UntrustedJsonError when it
    is not one (another case's log included)."""
    reader = _Reader(chunks)
    reader.expect("{")
    seen: set[str] = set()
    while True:
        key = reader.value()
        if key not in ("reference", "events") or key in seen:
            raise UntrustedJsonError("not an audit log")
        seen.add(key)
        reader.expect(":")
        if key == "reference":
            if reader.value() != reference:
                raise UntrustedJsonError("another case's log")
        else:
            reader.expect("[")
            if not reader.take("]"):
                while True:
                    yield event_from_json(reader.value())
                    if reader.take("]"):
                        break
                    reader.expect(",")
        if reader.take("}"):
            break
        reader.expect(",")
    reader.end()
    if seen != {"reference", "events"}:
        raise UntrustedJsonError("not an audit log")


def event_from_json(data: object) -> AuditEvent:
    if not isinstance(data, dict) or set(data) != set(_FIELDS):
        raise UntrustedJsonError("not an audit event")
    for name, kind in _FIELDS.items():
        if not isinstance(data[name], kind) or isinstance(data[name], bool):
            raise UntrustedJsonError("not an audit event")
    return AuditEvent(
        data["seq"],
        data["at"],
        data["actor"],
        data["action"],
        data["details"],
        data["prev_hash"],
        data["hash"],
    )


class _Reader:
    """A pull parser over decoded text: whole JSON values, and the punctuation between them."""

    def __init__(self, chunks: Iterable[bytes]) -> None:
        self._chunks = iter(chunks)
        self._utf8 = codecs.getincrementaldecoder("utf-8")()
        self._decoder = decoder()
        self._text = ""
        self._pos = 0
        self._done = False

    def _more(self) -> bool:
        if self._done:
            return False
        chunk = next(self._chunks, None)
        if chunk is None:
            self._done = True
            self._text = self._text[self._pos :] + self._utf8.decode(b"", final=True)
        else:
            self._text = self._text[self._pos :] + self._utf8.decode(chunk)
        self._pos = 0
        return True

    def _skip_space(self) -> None:
        while True:
            while self._pos < len(self._text) and self._text[self._pos] in _WHITESPACE:
                self._pos += 1
            if self._pos < len(self._text) or not self._more():
                return

    def take(self, char: str) -> bool:
        self._skip_space()
        if self._text.startswith(char, self._pos):
            self._pos += 1
            return True
        return False

    def expect(self, char: str) -> None:
        if not self.take(char):
            raise UntrustedJsonError("not an audit log")

    def value(self) -> object:
        self._skip_space()
        while True:
            try:
                value, end = self._decoder.raw_decode(self._text, self._pos)
            except json.JSONDecodeError:
                value, end = None, None
            except RecursionError:
                raise UntrustedJsonError("nested too deeply") from None
            # A value that ends at the buffer's end may be a number cut short: read on before trusting it.
            if end is not None and (end < len(self._text) or self._done):
                self._pos = end
                return depth_checked(value)
            if len(self._text) - self._pos > MAX_EVENT_CHARS:
                raise UntrustedJsonError("event too large")
            if not self._more():
                raise UntrustedJsonError("not an audit log")

    def end(self) -> None:
        self._skip_space()
        if self._pos < len(self._text):
            raise UntrustedJsonError("not an audit log")
