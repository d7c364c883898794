"""The workspace's settings as the desk changes them: general settings, the clock's choices, the
organisation profile, the processing register, the letterhead logo and the envelope window."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from dsr_desk.desk.clock import clock_settings
from dsr_desk.documents.images import MAX_FILE_BYTES, as_png, open_image
from dsr_desk.errors import ImageRefusedError, LogoRefusedError, SettingsChangedError, ValidationError
from dsr_desk.i18n import LANGUAGES, t
from dsr_desk.rules.clock import ClockSettings
from dsr_desk.rules.intake import MAX_BLOCK_LENGTH, clean_block, clean_line, within_limit
from dsr_desk.rules.letter_layout import WindowPosition
from dsr_desk.rules.organisation import MAX_PROMISE_DAYS, RegisterEntry
from dsr_desk.rules.register_rules import register_problems
from dsr_desk.store.atomic import atomic_write
from dsr_desk.store.settings import MAX_IDLE_LOCK_MINUTES, MAX_KEEP_DAYS, Settings

if TYPE_CHECKING:
    from collections.abc import Callable

    from dsr_desk.desk.workspace import Desk

LOGO_SIDE = 1200  # pixels: the longest side a logo is kept at, sharp at 50 mm wide


class WorkspaceSettingsActions:
    """Mixed into Desk; relies on its paths and settings."""

    def update_settings(self: Desk, *, organisation_name: str, handler_name: str, language: str) -> None:
        organisation_name = clean_line(organisation_name)
        if not organisation_name:
            raise ValidationError([("organisation", "validation.organisation_empty", {})])
        if language not in LANGUAGES:
            raise ValueError(language)
        if organisation_name != self.settings.organisation_name:
            self.require_officer("handlers.what.profile")
        if clean_line(handler_name) and clean_line(handler_name) != self.handler.name:
            self.rename_self(handler_name)
        self._save(
            lambda current: current.with_changes(organisation_name=organisation_name, language=language)
        )

    # -- cases -----------------------------------------------------------------------------------------------

    def update_clock_settings(
        self, *, pause_while_waiting: bool, good_friday: bool, extra_holidays: tuple[tuple[dt.date, str], ...]
    ) -> None:
        """The organisation's choices where the law leaves one (LEGAL.md §2); due dates follow at once."""
        extra = tuple(sorted((day, clean_line(name)) for day, name in extra_holidays))
        self._save(
            lambda current: current.with_changes(
                pause_while_waiting=pause_while_waiting, good_friday=good_friday, extra_holidays=extra
            )
        )

    def update_identity_settings(self: Desk, *, id_copy_keep_days: int) -> None:
        """How long a masked ID copy may stay after the check is recorded: 0 (the default) to 30 days."""
        if not 0 <= id_copy_keep_days <= MAX_KEEP_DAYS:
            raise ValidationError([("keep_days", "validation.keep_days", {"max": MAX_KEEP_DAYS})])
        self._save(lambda current: current.with_changes(id_copy_keep_days=id_copy_keep_days))

    def update_lock_settings(self: Desk, *, idle_lock_minutes: int) -> None:
        """After how many idle minutes the window locks the workspace: 1 to 240, or 0 for never."""
        if not 0 <= idle_lock_minutes <= MAX_IDLE_LOCK_MINUTES:
            raise ValidationError(
                [("idle_lock", "validation.idle_lock_minutes", {"max": MAX_IDLE_LOCK_MINUTES})]
            )
        self._save(lambda current: current.with_changes(idle_lock_minutes=idle_lock_minutes))

    def update_profile(self: Desk, **changes: object) -> None:
        """The organisation as its letters present it; the name stays where update_settings keeps it.
        The typed settings (public_body, promise_days, promise_from) also take their text forms. Only the
        fields given change: a field another handler saved meanwhile is kept."""
        self.require_officer("handlers.what.profile")
        cleaned = {
            k: (clean_block(v) if k == "address" else clean_line(v)) if isinstance(v, str) else v
            for k, v in changes.items()
            if k != "name"
        }

        def changed(current: Settings) -> Settings:
            try:
                profile = current.profile.with_changes(**cleaned)
            except ValueError:
                raise ValidationError([("profile", "validation.profile_value", {})]) from None
            if not 0 <= profile.promise_days <= MAX_PROMISE_DAYS:
                raise ValidationError(
                    [("promise_days", "validation.promise_days", {"max": MAX_PROMISE_DAYS})]
                )
            return current.with_changes(profile=profile)

        self._save(changed)

    def update_register(
        self: Desk, entries: tuple[RegisterEntry, ...], *, expected: tuple[RegisterEntry, ...] | None = None
    ) -> None:
        """Replaces the register. With `expected` (the register the editor started from), refuses when
        someone else saved another register meanwhile, instead of overwriting their change."""

        def replaced(current: tuple[RegisterEntry, ...]) -> tuple[RegisterEntry, ...]:
            if expected is not None and tuple(current) != tuple(expected):
                raise SettingsChangedError(what=t("gui.settings.tab.register"))
            return tuple(entries)

        self.edit_register(replaced)

    def edit_register(
        self: Desk, change: Callable[[tuple[RegisterEntry, ...]], tuple[RegisterEntry, ...]]
    ) -> None:
        """Applies `change` to the register as saved now (by this process or another), under the lock.
        Refuses an entry letters could not quote lawfully (a vague retention, Privacy Shield, a transfer
        without its basis), naming the entry."""
        self.require_officer("handlers.what.register")

        def changed(current: Settings) -> Settings:
            entries = tuple(change(current.register))
            for entry in entries:  # no text longer than a letter may quote
                data = entry.to_json()
                english = data.pop("en", {})
                for value in [*data.values(), *english.values()]:  # the English texts are letter texts too
                    for text in value if isinstance(value, list) else [value]:
                        within_limit(str(text), MAX_BLOCK_LENGTH, "register")
            ids = [entry.id for entry in entries]
            if len(set(ids)) != len(ids) or not all(ids):
                raise ValidationError([("register", "validation.register_ids", {})])
            if problems := register_problems(entries):
                raise ValidationError(problems)
            return current.with_changes(register=entries)

        self._save(changed)

    def update_window(self: Desk, window: WindowPosition) -> None:
        if problems := window.problems():
            raise ValidationError(problems)
        self._save(lambda current: current.with_changes(window=window))

    def logo(self: Desk) -> bytes | None:
        """The logo as set_logo kept it. A file put there by other means is checked like any image from
        outside, and refused when it is not such a logo: reportlab would decode whatever is there."""
        try:
            with open(self.paths.logo, "rb") as handle:
                data = handle.read(MAX_FILE_BYTES + 1)
        except FileNotFoundError:
            return None
        try:
            open_image(
                data, max_pixels=LOGO_SIDE * LOGO_SIDE, working_pixels=LOGO_SIDE * LOGO_SIDE, allowed=("PNG",)
            )
        except ImageRefusedError as error:
            raise LogoRefusedError(path=str(self.paths.logo), cause=error) from None
        return data

    def set_logo(self: Desk, data: bytes | None) -> None:
        """Checks the image (format, size, not a decompression bomb) and keeps it as PNG; None removes it."""
        self.require_officer("handlers.what.profile")
        if data is None:
            with self.workspace_lock():
                self.paths.logo.unlink(missing_ok=True)
            return
        png = as_png(
            open_image(data, max_pixels=25_000_000, allowed=("PNG", "JPEG", "GIF", "BMP", "TIFF")), LOGO_SIDE
        )
        with self.workspace_lock():
            self.paths.logo.parent.mkdir(mode=0o700, exist_ok=True)
            atomic_write(self.paths.logo, png)

    @property
    def settings(self: Desk) -> Settings:
        """The settings as saved now, by this process or another."""
        return self._settings.current()

    def _save(self: Desk, change: Callable[[Settings], Settings]) -> None:
        with self.workspace_lock():
            self._settings.change(change)

    def clock_settings(self: Desk) -> ClockSettings:
        return clock_settings(self.settings)
