"""Getting at the workspace master key: set up, unlock (keychain or passphrase), or recover.

Never a silent fallback: when the keychain is missing or locked the caller is told, and decides (with the
user) to use the passphrase or the recovery key instead.
"""

from __future__ import annotations

from dsr_desk.errors import KeychainUnavailableError, WorkspaceExistsError, WorkspaceNotFoundError
from dsr_desk.store.keychain import Keychain
from dsr_desk.store.keyfile import KEYCHAIN, PASSPHRASE, KeyFile
from dsr_desk.store.workspace import WorkspacePaths


def key_storage(paths: WorkspacePaths) -> str:
    """'keychain' or 'passphrase': what the user must be asked for to open this workspace."""
    return _keyfile(paths).storage


def set_up_keys(
    paths: WorkspacePaths, storage: str, passphrase: str | None, keychain: Keychain
) -> tuple[KeyFile, bytes, str]:
    """A new master key, stored as chosen; returns (key file, master key, recovery key text)."""
    if paths.exists():
        raise WorkspaceExistsError(path=str(paths.root))
    if storage not in (KEYCHAIN, PASSPHRASE):
        raise ValueError(storage)
    if storage == KEYCHAIN and not keychain.is_usable():
        raise KeychainUnavailableError()
    keyfile, master, recovery = KeyFile.new(storage, passphrase)
    paths.make_folders()
    if storage == KEYCHAIN:
        keychain.store(keyfile.workspace_id, master)
    keyfile.save(paths.keyfile)
    return keyfile, master, recovery


def unlock(paths: WorkspacePaths, passphrase: str | None, keychain: Keychain) -> tuple[KeyFile, bytes]:
    keyfile = _keyfile(paths)
    if keyfile.storage == PASSPHRASE:
        return keyfile, keyfile.unlock_with_passphrase(passphrase)
    return keyfile, keyfile.verify(keychain.load(keyfile.workspace_id))


def recover(
    paths: WorkspacePaths, recovery_key: str, storage: str, passphrase: str | None, keychain: Keychain
) -> tuple[KeyFile, bytes]:
    """Opens with the recovery key and stores the master key anew (a new keychain entry or passphrase)."""
    keyfile = _keyfile(paths)
    master = keyfile.unlock_with_recovery_key(recovery_key)
    return store_master_key(paths, keyfile, master, storage, passphrase, keychain), master


def store_master_key(
    paths: WorkspacePaths,
    keyfile: KeyFile,
    master: bytes,
    storage: str,
    passphrase: str | None,
    keychain: Keychain,
) -> KeyFile:
    """Switches how the master key is kept (or sets a new passphrase); the old way stops working."""
    if storage == KEYCHAIN:
        if not keychain.is_usable():
            raise KeychainUnavailableError()
        keychain.store(keyfile.workspace_id, master)
        changed = keyfile.kept_in_keychain()
    else:
        changed = keyfile.protected_by_passphrase(master, passphrase)
    changed.save(paths.keyfile)
    if storage != KEYCHAIN and keyfile.storage == KEYCHAIN:
        keychain.delete(keyfile.workspace_id)
    return changed


def _keyfile(paths: WorkspacePaths) -> KeyFile:
    if not paths.exists():
        raise WorkspaceNotFoundError(path=str(paths.root))
    return KeyFile.load(paths.keyfile)
