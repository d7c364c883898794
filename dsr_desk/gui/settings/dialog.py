"""The settings dialog: one tab per concern; saving checks everything first and keeps what was typed."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QTabWidget, QVBoxLayout, QWidget

from dsr_desk.desk import Desk
from dsr_desk.errors import DsrDeskError, ValidationError
from dsr_desk.gui.forms import ProblemBanner, action_buttons, mark_fields
from dsr_desk.gui.screen_fit import fit_to_screen, scrolling
from dsr_desk.gui.settings.general_tab import GeneralTab
from dsr_desk.gui.settings.handlers_tab import HandlersTab
from dsr_desk.gui.settings.letters_tab import LettersTab
from dsr_desk.gui.settings.organisation_tab import OrganisationTab
from dsr_desk.gui.settings.records_tab import RecordsTab
from dsr_desk.gui.settings.register_tab import RegisterTab
from dsr_desk.i18n import t


class SettingsDialog(QDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(t("gui.settings.title"))
        self.banner = ProblemBanner(self)
        self.tabs = QTabWidget(self)
        self.general = GeneralTab(desk, self)
        self.organisation_tab = OrganisationTab(desk, self)
        self.register_tab = RegisterTab(desk, self)
        self.letters_tab = LettersTab(desk, self)
        self.handlers_tab = HandlersTab(desk, self)
        self.records_tab = RecordsTab(desk, self)
        for tab, key in (
            (self.general, "general"),
            (self.organisation_tab, "organisation"),
            (self.register_tab, "register"),
            (self.letters_tab, "letters"),
            (self.handlers_tab, "handlers"),
            (self.records_tab, "records"),
        ):
            # Each tab scrolls when the screen is small; its rows never squeeze into each other.
            self.tabs.addTab(scrolling(tab, self), t(f"gui.settings.tab.{key}"))
        # A handler sees what the organisation's settings are, but only a privacy officer changes them.
        for tab in (self.organisation_tab, self.register_tab):
            tab.setEnabled(desk.is_officer)
        # The general tab's controls, by the names the rest of the app and its tests use.
        for name in (
            "organisation",
            "handler",
            "language",
            "pause",
            "good_friday",
            "extra_days",
            "new_day",
            "new_day_name",
            "add_day_button",
        ):
            setattr(self, name, getattr(self.general, name))
        buttons, self.save_button = action_buttons(self, t("gui.save"), self._save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 820, 720)

    def _save(self) -> None:
        for tab in (
            self.general,
            self.organisation_tab,
            self.register_tab,
            self.letters_tab,
            self.records_tab,
        ):
            try:
                tab.save()
            except ValidationError as error:
                self._show_tab(tab)
                mark_fields(getattr(tab, "fields", {}), error)
                self.banner.show_problems(error.problem_messages())
                return
            except DsrDeskError as error:
                self._show_tab(tab)
                self.banner.show_problems([error.message()])
                return
        self.accept()

    def _show_tab(self, tab: QWidget) -> None:
        """Brings `tab` forward; each sits in its own scroll area, so it is found by what it holds."""
        for index in range(self.tabs.count()):
            page = self.tabs.widget(index)
            if page is tab or page.isAncestorOf(tab):
                self.tabs.setCurrentIndex(index)
                return
