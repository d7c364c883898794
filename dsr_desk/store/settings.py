"""settings.toml: the organisation and the application's preferences. Nothing personal, no key.

Unknown keys (from a newer version) are kept on save, so downgrading never loses settings.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import tomli_w

from dsr_desk.errors import WorkspaceCorruptError
from dsr_desk.i18n import DEFAULT_LANGUAGE, LANGUAGES
from dsr_desk.rules.letter_layout import WindowPosition
from dsr_desk.rules.organisation import OrganisationProfile, RegisterEntry
from dsr_desk.store.atomic import atomic_write

MAX_KEEP_DAYS = 30
IDLE_LOCK_MINUTES = 10  # KeePassXC's habit: the workspace locks itself when nobody uses it
MAX_IDLE_LOCK_MINUTES = 240  # 0 switches the idle lock off; a locked screen still locks the workspace
RETENTION_MONTHS = 24  # long enough to answer a complaint or an AP inquiry about the case, not longer
MIN_RETENTION_MONTHS, MAX_RETENTION_MONTHS = 1, 120
BACKUP_WHEN = ("off", "quit", "daily")
BACKUP_KEEP, MAX_BACKUP_KEEP = 10, 100


@dataclass(frozen=True)
class Settings:
    organisation_name: str = ""
    handler_name: str = ""
    language: str = DEFAULT_LANGUAGE
    # The deadline clock (LEGAL.md §2): safe defaults, each a deliberate choice of the organisation.
    pause_while_waiting: bool = False
    good_friday: bool = True
    extra_holidays: tuple[tuple[dt.date, str], ...] = ()
    profile: OrganisationProfile = field(default_factory=OrganisationProfile)
    register: tuple[RegisterEntry, ...] = ()
    window: WindowPosition = field(default_factory=WindowPosition)
    id_copy_keep_days: int = 0  # LEGAL.md §3: delete the masked copy once the check is recorded
    idle_lock_minutes: int = IDLE_LOCK_MINUTES
    demo: bool = False  # filled with demo cases: 'DEMO' in the title, every letter marked as an example
    retention_months: int = RETENTION_MONTHS
    backup_folder: str = ""  # automatic backups go here (never the workspace itself)
    backup_when: str = "off"  # off | quit | daily
    backup_keep: int = BACKUP_KEEP
    last_backup_at: str = ""  # ISO 8601, UTC: when the last backup of this workspace was written
    extra: dict = field(default_factory=dict, compare=False)

    def with_changes(self, **changes: object) -> Settings:
        return replace(self, **changes)

    @property
    def organisation(self) -> OrganisationProfile:
        """The profile, with the organisation's name (kept in one place) filled in."""
        return self.profile.with_changes(name=self.organisation_name)

    def to_toml(self) -> dict:
        data = {section: dict(values) for section, values in self.extra.items() if isinstance(values, dict)}
        organisation = data.setdefault("organisation", {})
        organisation.update({k: v for k, v in self.profile.to_json().items() if k != "name"})
        organisation["name"] = self.organisation_name
        data["register"] = [entry.to_json() for entry in self.register]
        data.setdefault("letters", {})["window"] = self.window.to_json()
        app = data.setdefault("app", {})
        app["language"] = self.language
        app["handler_name"] = self.handler_name
        app["idle_lock_minutes"] = self.idle_lock_minutes
        if self.demo:
            app["demo"] = True
        data.setdefault("clock", {})["pause_while_waiting"] = self.pause_while_waiting
        data.setdefault("identity", {})["id_copy_keep_days"] = self.id_copy_keep_days
        data.setdefault("retention", {})["months"] = self.retention_months
        data["backup"] = {
            **data.get("backup", {}),
            "folder": self.backup_folder,
            "when": self.backup_when,
            "keep": self.backup_keep,
            "last_at": self.last_backup_at,
        }
        holidays = data.setdefault("holidays", {})
        holidays["country"] = "NL"
        holidays["good_friday"] = self.good_friday
        holidays["extra"] = [{"date": day, "name": name} for day, name in self.extra_holidays]
        return data


def load_settings(path: Path) -> Settings:
    if not path.exists():
        return Settings()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        organisation, app = data.get("organisation", {}), data.get("app", {})
        clock, holidays = data.get("clock", {}), data.get("holidays", {})
        language = app.get("language", DEFAULT_LANGUAGE)
        extra_days = tuple(
            sorted((_date(item["date"]), str(item.get("name", ""))) for item in holidays.get("extra", []))
        )
        return Settings(
            organisation_name=str(organisation.get("name", "")),
            handler_name=str(app.get("handler_name", "")),
            language=language if language in LANGUAGES else DEFAULT_LANGUAGE,
            pause_while_waiting=bool(clock.get("pause_while_waiting", False)),
            good_friday=bool(holidays.get("good_friday", True)),
            extra_holidays=extra_days,
            # The name lives once, in organisation_name; `organisation` puts it into the profile.
            profile=OrganisationProfile.from_json({k: v for k, v in organisation.items() if k != "name"}),
            register=tuple(RegisterEntry.from_json(item) for item in data.get("register", [])),
            window=WindowPosition.from_json(data.get("letters", {}).get("window", {})),
            id_copy_keep_days=max(
                0, min(int(data.get("identity", {}).get("id_copy_keep_days", 0)), MAX_KEEP_DAYS)
            ),
            **_backup(data.get("backup", {})),
            retention_months=max(
                MIN_RETENTION_MONTHS,
                min(int(data.get("retention", {}).get("months", RETENTION_MONTHS)), MAX_RETENTION_MONTHS),
            ),
            idle_lock_minutes=max(
                0, min(int(app.get("idle_lock_minutes", IDLE_LOCK_MINUTES)), MAX_IDLE_LOCK_MINUTES)
            ),
            demo=bool(app.get("demo", False)),
            extra=data,
        )
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
        raise WorkspaceCorruptError(detail=f"settings.toml: {type(exc).__name__}") from None


def _backup(section: dict) -> dict[str, object]:
    when = str(section.get("when", "off"))
    return {
        "backup_folder": str(section.get("folder", "")),
        "backup_when": when if when in BACKUP_WHEN else "off",
        "backup_keep": max(1, min(int(section.get("keep", BACKUP_KEEP)), MAX_BACKUP_KEEP)),
        "last_backup_at": str(section.get("last_at", "")),
    }


def save_settings(path: Path, settings: Settings) -> None:
    atomic_write(path, tomli_w.dumps(settings.to_toml()).encode("utf-8"))


def _date(value: object) -> dt.date:
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


class SettingsFile:
    """settings.toml as an open desk sees it: read again whenever another process has saved it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._seen: tuple[int, int, int] | None = None
        self._settings = Settings()
        self.current()

    def current(self) -> Settings:
        signature = self._signature()
        if signature != self._seen:
            self._settings, self._seen = load_settings(self.path), signature
        return self._settings

    def change(self, change: Callable[[Settings], Settings]) -> Settings:
        """Applies `change` to the settings as they are on disk now and saves them. The caller holds the
        workspace lock, so a change another process saved a moment ago is built on, never overwritten."""
        self._seen = None
        updated = change(self.current())
        save_settings(self.path, updated)
        self._settings, self._seen = updated, self._signature()
        return updated

    def _signature(self) -> tuple[int, int, int] | None:
        try:
            status = self.path.stat()
        except FileNotFoundError:
            return None
        # The inode changes with every atomic save (a new file is renamed over the old one).
        return (status.st_ino, status.st_mtime_ns, status.st_size)
