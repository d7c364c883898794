"""The workspace's signing key as the desk uses it: made once, under the workspace lock, on first use."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dsr_desk.errors import DatabaseWriteFailedError, WriteFailedError
from dsr_desk.store.signing import Signer, create_signer, load_signer

if TYPE_CHECKING:
    from dsr_desk.desk.workspace import Desk


class SigningActions:
    """Mixed into Desk; relies on its paths, keys and lock."""

    _signer: Signer | None = None

    def signer(self: Desk) -> Signer:
        if self._signer is None:
            path, workspace_id = self.paths.signing_key, self.keyfile.workspace_id
            signer = load_signer(path, self._master, workspace_id)
            if signer is None:
                if self.read_only:  # nothing can be signed where no key can be kept
                    raise DatabaseWriteFailedError(path=str(path), problem="readonly")
                with self.workspace_lock():  # two processes signing their first archive make one key
                    signer = load_signer(path, self._master, workspace_id)
                    try:
                        signer = signer or create_signer(path, self._master, workspace_id)
                    except OSError as exc:
                        raise WriteFailedError(
                            path=str(path), reason=exc.strerror or type(exc).__name__
                        ) from None
            self._signer = signer
        return self._signer

    def fingerprint(self: Desk) -> str:
        """The signing key's fingerprint, as `dsr-desk fingerprint`, Settings and every summary show it."""
        return self.signer().fingerprint
