"""Helpers to make cases in tests with only the fields a test cares about."""

from __future__ import annotations

import datetime as dt

from dsr_desk.desk import Desk
from dsr_desk.rules.case_values import CaseSummary
from dsr_desk.rules.requests import Channel, RequestType


def make_case(
    desk: Desk,
    name: str = "Jan Jansen",
    email: str = "jan.jansen@example.nl",
    received: dt.date = dt.date(2026, 11, 2),
    types: tuple[RequestType, ...] = (RequestType.ACCESS,),
    **extra: object,
) -> CaseSummary:
    return desk.new_case(
        name=name,
        email=email,
        address=str(extra.pop("address", "Kerkstraat 1\n1234 AB Utrecht")),
        received=received,
        types=types,
        channel=extra.pop("channel", Channel.EMAIL),  # type: ignore[arg-type]
        notes=str(extra.pop("notes", "")),
    )
