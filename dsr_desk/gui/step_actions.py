"""What each step of a case's path opens when the handler runs it (the next-step button, Enter on the
checklist): the dialog or panel where that step is done."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dsr_desk.rules.letters import LetterKind
from dsr_desk.rules.workflow import CaseStep, Step

if TYPE_CHECKING:
    from dsr_desk.gui.case_view import CaseView


def run_step(view: CaseView, step: CaseStep) -> object:
    """Opens where `step` is done; returns the dialog (or background task) it opened, if any."""
    case = view.case
    if case is None:
        return None
    match step.code:
        case Step.ACKNOWLEDGE:
            return view.make_letter(LetterKind.ACKNOWLEDGEMENT)
        case Step.VERIFY_IDENTITY:
            if case.clock().facts.waiting_since is not None:
                return view.clock_panel.ask_information_received()
            return view.check_identity()
        case Step.SEARCH_SYSTEMS:
            view.tabs.setCurrentWidget(view.data_panel)
            return view.data_panel.searches.record_search(_first_open_system(view, step))
        case Step.DECIDE:
            return view.decide(step.request_type)
        case Step.NOTIFY_RECIPIENTS:
            dialog = view.decide(step.request_type)
            if dialog is not None:
                dialog.focus_recipients()
            return dialog
        case Step.EXPORT:
            view.tabs.setCurrentWidget(view.data_panel)
            return view.data_panel.export()
        case Step.RESPOND:
            letters = step.fields.get("letters") or ()
            return view.make_letter(letters[0] if letters else None)
        case Step.CLOSE:
            return view.ask_close()
        case Step.ARCHIVE:
            return view.data_panel.archive()
    return None


def _first_open_system(view: CaseView, step: CaseStep) -> int | None:
    """The checklist row of the first system not yet searched (None: a new line, none is listed)."""
    open_systems = [values["system"] for key, values in step.open_items if key == "workflow.open.system"]
    checklist = view.data_panel.searches
    for row in range(checklist.rowCount()):
        if checklist.item(row, 0).text() in open_systems:
            return row
    return None
