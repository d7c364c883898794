"""Typed errors of the core. Each carries a translation key and named fields, never key material.

The GUI and the command line turn them into one plain sentence with `error.message()`.
"""

from __future__ import annotations

from dsr_desk.i18n import t


class DsrDeskError(Exception):
    key = "error.generic"
    exit_status = 2

    def __init__(self, **fields: object) -> None:
        self.fields = fields
        super().__init__(self.message("en"))

    def message(self, lang: str | None = None) -> str:
        return t(self.key, lang, **self.fields)


def cause_text(cause: object, lang: str | None) -> str:
    """What went wrong underneath, in the message's language where it is one of ours."""
    return cause.message(lang) if isinstance(cause, DsrDeskError) else str(cause)


class WorkspaceNotFoundError(DsrDeskError):
    key = "error.workspace_not_found"


class WorkspaceExistsError(DsrDeskError):
    key = "error.workspace_exists"


class WorkspaceCorruptError(DsrDeskError):
    key = "error.workspace_corrupt"


class WrongKeyError(DsrDeskError):
    key = "error.wrong_key"


class WrongPassphraseError(WrongKeyError):
    key = "error.wrong_passphrase"


class WrongRecoveryKeyError(WrongKeyError):
    key = "error.wrong_recovery_key"


class RecoveryKeyTypoError(WrongKeyError):
    key = "error.recovery_key_typo"


class PassphraseRequiredError(DsrDeskError):
    key = "error.passphrase_required"


class SecretOnCommandLineError(DsrDeskError):
    """A secret given as an argument: every local user can read a process's arguments (/proc/PID/cmdline)."""

    key = "error.secret_on_command_line"


class RecoveryKeyRequiredError(DsrDeskError):
    key = "error.recovery_key_required"


class KeychainUnavailableError(DsrDeskError):
    key = "error.keychain_unavailable"


class KeychainEntryMissingError(WrongKeyError):
    key = "error.keychain_entry_missing"


class CaseNotFoundError(DsrDeskError):
    key = "error.case_not_found"


class CaseFileCorruptError(DsrDeskError):
    key = "error.case_file_corrupt"


class CaseKeyMissingError(DsrDeskError):
    key = "error.case_key_missing"


class AuditChainBrokenError(DsrDeskError):
    key = "error.audit_chain_broken"


class IndexCorruptError(DsrDeskError):
    key = "error.index_corrupt"


class NewerFormatError(DsrDeskError):
    key = "error.newer_format"


class WriteFailedError(DsrDeskError):
    key = "error.write_failed"


class DatabaseWriteFailedError(WriteFailedError):
    """SQLite could not write a case file or the index (a read-only workspace, a full disk); the
    transaction was rolled back, so nothing changed. `problem` names the cause."""

    key = "error.database_write_failed"

    def message(self, lang: str | None = None) -> str:
        problem = t(f"error.database_problem.{self.fields['problem']}", lang)
        return t(self.key, lang, path=self.fields["path"], problem=problem)


class FileNotRecordedError(DsrDeskError):
    """An export or a letter was written but could not be recorded on the case, so it was removed again;
    `what` says which (export | letter)."""

    key = "error.not_recorded.export"

    def message(self, lang: str | None = None) -> str:
        return t(
            f"error.not_recorded.{self.fields['what']}",
            lang,
            path=self.fields["path"],
            reason=cause_text(self.fields["cause"], lang),
        )


class InvalidTransitionError(DsrDeskError):
    key = "error.invalid_transition"


class CaseNotReadyToCloseError(DsrDeskError):
    key = "error.not_ready_to_close"  # `open` names them: 'Webwinkel niet doorzocht; geen besluit over …'


class DemoRefusedError(DsrDeskError):
    key = "error.demo_refused"  # a workspace with cases; `folder` names a fresh one to use instead


class ClockPauseDisabledError(DsrDeskError):
    key = "clock.pause_disabled"


class LetterIncompleteError(DsrDeskError):
    """A letter would be legally incomplete; `problems` names each missing part."""

    key = "letter.incomplete"

    def __init__(self, kind: str, problems: list[tuple[str, dict[str, object]]]) -> None:
        self.problems = problems
        super().__init__(kind=kind)

    def message(self, lang: str | None = None) -> str:
        missing = "; ".join(t(key, lang, **fields) for key, fields in self.problems)
        return t(self.key, lang, kind=t(f"letter.kind.{self.fields['kind']}", lang), missing=missing)


class LetterTemplateError(DsrDeskError):
    key = "letter.template_broken"


class LetterTemplateIncompleteError(DsrDeskError):
    key = "letter.template_incomplete"


class ImageRefusedError(DsrDeskError):
    key = "error.image_refused"

    def message(self, lang: str | None = None) -> str:
        return t(f"error.image.{self.fields['reason']}", lang, **self.fields)


class LogoRefusedError(DsrDeskError):
    """The logo file in the workspace is not one DSR Desk kept (too large, not a PNG, damaged)."""

    key = "error.logo_refused"

    def message(self, lang: str | None = None) -> str:
        return t(self.key, lang, path=self.fields["path"], reason=cause_text(self.fields["cause"], lang))


class ItemTooLargeError(DsrDeskError):
    key = "error.item_too_large"


class ImportRefusedError(DsrDeskError):
    key = "error.import_refused"

    def message(self, lang: str | None = None) -> str:
        return t(f"error.import.{self.fields['reason']}", lang, **self.fields)


class ExportCancelledError(DsrDeskError):
    key = "error.export_cancelled"


class NotAnArchiveError(DsrDeskError):
    key = "error.not_an_archive"


class ValidationError(DsrDeskError):
    """One or more fields of user input are wrong; `problems` says which, each in its own sentence."""

    key = "error.validation"

    def __init__(self, problems: list[tuple[str, str, dict[str, object]]]) -> None:
        self.problems = problems
        super().__init__(count=len(problems))

    def message(self, lang: str | None = None) -> str:
        return " ".join(self.problem_messages(lang))

    def problem_messages(self, lang: str | None = None) -> list[str]:
        return [t(key, lang, **fields) for _field, key, fields in self.problems]

    def fields_with_problems(self) -> set[str]:
        return {field for field, _key, _fields in self.problems}


class WorkspaceBusyError(DsrDeskError):
    """Another process held the workspace lock for longer than a write waits (a long clean-up, say)."""

    key = "error.shared.workspace_busy"


class CaseInUseError(DsrDeskError):
    """Another handler or window has the case open for editing; it can be read, not written."""

    key = "error.shared.case_in_use"


class CaseGoneError(DsrDeskError):
    """The case was destroyed by another process while it was open here."""

    key = "error.shared.case_gone"


class CaseRolledBackError(DsrDeskError):
    """The case file is behind the index: events the workspace saw are missing from it."""

    key = "error.shared.case_rolled_back"

    def message(self, lang: str | None = None) -> str:
        one = self.fields.get("first") == self.fields.get("last")
        return t(f"{self.key}_one" if one else self.key, lang, **self.fields)


class CaseDivergedError(DsrDeskError):
    """The case file holds other events than the ones the index remembers."""

    key = "error.shared.case_diverged"


class NothingRolledBackError(DsrDeskError):
    key = "error.shared.nothing_rolled_back"


class HandlerUnknownError(DsrDeskError):
    key = "error.shared.handler_unknown"


class HandlerExistsError(DsrDeskError):
    key = "error.shared.handler_exists"


class LastOfficerError(DsrDeskError):
    key = "error.shared.last_officer"


class NotPermittedError(DsrDeskError):
    """The handler's role does not allow this (destroying, the register, the profile, handlers)."""

    key = "error.shared.not_permitted"


class SettingsChangedError(DsrDeskError):
    """Someone else saved these settings after this editor read them; nothing was overwritten."""

    key = "error.shared.settings_changed"


class BackupDamagedError(DsrDeskError):
    """A backup that fails its check (a changed byte, cut short, a member swapped): nothing is restored."""

    key = "error.backup.damaged"


class RestoreTargetExistsError(DsrDeskError):
    key = "error.backup.target_exists"


class BackupInsideWorkspaceError(DsrDeskError):
    """A backup in the workspace itself is lost with it: never there."""

    key = "error.backup.inside_workspace"
