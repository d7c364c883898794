"""The PySide6 face of DSR Desk: windows, dialogs and models over the Desk API. No rules live here."""
