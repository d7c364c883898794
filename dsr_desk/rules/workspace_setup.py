"""What setting up a workspace needs from the user."""

from __future__ import annotations

MIN_PASSPHRASE_LENGTH = 12


def passphrase_problems(
    passphrase: str, repeated: str | None = None
) -> list[tuple[str, str, dict[str, object]]]:
    problems: list[tuple[str, str, dict[str, object]]] = []
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        problems.append(("passphrase", "validation.passphrase_too_short", {"min": MIN_PASSPHRASE_LENGTH}))
    if repeated is not None and repeated != passphrase:
        problems.append(("repeat", "validation.passphrase_mismatch", {}))
    return problems


def setup_problems(
    organisation: str, storage: str, passphrase: str = "", repeated: str | None = None
) -> list[tuple[str, str, dict[str, object]]]:
    problems: list[tuple[str, str, dict[str, object]]] = []
    if not organisation.strip():
        problems.append(("organisation", "validation.organisation_empty", {}))
    if storage == "passphrase":
        problems += passphrase_problems(passphrase, repeated)
    return problems


# Folder names by which the sync clients of these services are recognised in a path (Windows, macOS).
_CLOUD_FOLDERS = (
    ("onedrive", "OneDrive"),
    ("dropbox", "Dropbox"),
    ("icloud drive", "iCloud"),
    ("icloud~", "iCloud"),
    ("com~apple~clouddocs", "iCloud"),
    ("mobile documents", "iCloud"),
    ("google drive", "Google Drive"),
    ("googledrive", "Google Drive"),
    ("my drive", "Google Drive"),
    ("mijn drive", "Google Drive"),
    ("box sync", "Box"),
    ("pcloud drive", "pCloud"),
    ("nextcloud", "Nextcloud"),
    ("owncloud", "ownCloud"),
)


def cloud_sync_service(path: str) -> str | None:
    """The cloud-sync service whose folder `path` lies in, if any (e.g. 'OneDrive').

    A sync client copies the files of a database while they are being written and turns two computers'
    changes into conflict copies: a workspace there gets damaged. A network share (SMB, NAS) is fine.
    """
    parts = [part.casefold() for part in path.replace("\\", "/").split("/") if part]
    for part in parts:
        for marker, service in _CLOUD_FOLDERS:
            # 'OneDrive - Bakkerij De Vries' (a business account), 'Dropbox (Persoonlijk)' and the like.
            if part == marker or part.startswith((marker + " ", marker + "-", marker + "(")):
                return service
        if part.startswith("onedrive"):
            return "OneDrive"
    if "library" in parts and "cloudstorage" in parts:  # macOS File Provider: ~/Library/CloudStorage/...
        return "cloud storage"
    return None
