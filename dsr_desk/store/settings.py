"""settings.toml: the organisation and the application's preferences. Nothing personal, no key.

Unknown keys (from a newer version) are kept on save, so downgrading never loses settings.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

import tomli_w

from dsr_desk.errors import WorkspaceCorruptError
from dsr_desk.i18n import DEFAULT_LANGUAGE, LANGUAGES
from dsr_desk.store.atomic import atomic_write


@dataclass(frozen=True)
class Settings:
    organisation_name: str = ""
    handler_name: str = ""
    language: str = DEFAULT_LANGUAGE
    extra: dict = field(default_factory=dict, compare=False)

    def with_changes(self, **changes: object) -> Settings:
        return replace(self, **changes)

    def to_toml(self) -> dict:
        data = {section: dict(values) for section, values in self.extra.items() if isinstance(values, dict)}
        data.setdefault("organisation", {})["name"] = self.organisation_name
        app = data.setdefault("app", {})
        app["language"] = self.language
        app["handler_name"] = self.handler_name
        return data


def load_settings(path: Path) -> Settings:
    if not path.exists():
        return Settings()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise WorkspaceCorruptError(detail=f"settings.toml: {type(exc).__name__}") from None
    organisation = data.get("organisation", {})
    app = data.get("app", {})
    language = app.get("language", DEFAULT_LANGUAGE)
    return Settings(
        organisation_name=str(organisation.get("name", "")),
        handler_name=str(app.get("handler_name", "")),
        language=language if language in LANGUAGES else DEFAULT_LANGUAGE,
        extra=data,
    )


def save_settings(path: Path, settings: Settings) -> None:
    atomic_write(path, tomli_w.dumps(settings.to_toml()).encode("utf-8"))
