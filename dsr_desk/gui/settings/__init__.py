"""The settings dialog and its tabs."""

from dsr_desk.gui.settings.dialog import SettingsDialog

__all__ = ["SettingsDialog"]
