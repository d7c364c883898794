"""Where the address goes on the page: the window of the organisation's window envelopes.

Defaults fit the common Dutch window envelope (EA5/6 or C5/6, window on the left) with an A4 letter
folded in three; organisations whose envelopes differ set their own and check with the test-print page.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class WindowPosition:
    left_mm: float = 22.0
    top_mm: float = 50.0
    width_mm: float = 90.0
    height_mm: float = 35.0

    def problems(self) -> list[tuple[str, str, dict[str, object]]]:
        """A window must lie on an A4 sheet (210 x 297 mm) and leave room for the letter below it."""
        out: list[tuple[str, str, dict[str, object]]] = []
        if not (self.left_mm >= 0 and self.left_mm + self.width_mm <= 210):
            out.append(("window", "validation.window_off_page", {}))
        if not (self.top_mm >= 0 and self.top_mm + self.height_mm <= 150):
            out.append(("window", "validation.window_off_page", {}))
        if self.width_mm < 40 or self.height_mm < 15:
            out.append(("window", "validation.window_too_small", {}))
        return out

    def to_json(self) -> dict[str, float]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_json(cls, data: dict) -> WindowPosition:
        known = {f.name for f in fields(cls)}
        return cls(**{k: float(v) for k, v in data.items() if k in known})
