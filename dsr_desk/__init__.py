"""DSR Desk: a local, encrypted case manager for GDPR data-subject requests."""

__version__ = "0.1.0"
APP_NAME = "DSR Desk"
