"""The application object: Desk (an open workspace) and Case (an open case) — the one API that the GUI
and the command line both call."""

from dsr_desk.desk.case import Case
from dsr_desk.desk.workspace import Desk, system_clock

__all__ = ["Case", "Desk", "system_clock"]
