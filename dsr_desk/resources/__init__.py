"""Files shipped with the application: fonts, translations, letter templates, icons."""

import sys
from pathlib import Path


def resource_dir() -> Path:
    # A PyInstaller bundle unpacks data next to the executable; elsewhere the files sit beside this module.
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "dsr_desk" / "resources"
    return Path(__file__).resolve().parent


def resource_path(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)
