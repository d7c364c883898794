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
