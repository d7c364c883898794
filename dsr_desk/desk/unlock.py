"""Getting at the workspace master key: set up, unlock as one of its handlers (keychain or passphrase),
or recover with the recovery key.

Never a silent fallback: when the keychain is missing or locked the caller is told, and decides (with the
user) to use the passphrase or the recovery key instead.
"""

from __future__ import annotations

import getpass

from dsr_desk.errors import (
    KeychainUnavailableError,
    WorkspaceCorruptError,
    WorkspaceExistsError,
    WorkspaceNotFoundError,
)
from dsr_desk.store.keychain import Keychain
from dsr_desk.store.keyfile import KEYCHAIN, PASSPHRASE, VERSION, Handler, KeyFile
from dsr_desk.store.locks import WorkspaceLock
from dsr_desk.store.settings import load_settings
from dsr_desk.store.workspace import WorkspacePaths


def handler_names(paths: WorkspacePaths) -> list[str]:
    """Who can open this workspace, in the order they were added: what the unlock dialog offers."""
    return [handler.name for handler in read_keyfile(paths).handlers]


def key_storage(paths: WorkspacePaths, handler_name: str | None = None) -> str:
    """'keychain' or 'passphrase': what that handler (default: the first) must be asked for."""
    return read_keyfile(paths).handler(handler_name).storage


def set_up_keys(
    paths: WorkspacePaths, storage: str, passphrase: str | None, keychain: Keychain, handler_name: str
) -> tuple[KeyFile, bytes, str]:
    """A new master key, stored as chosen for the first handler; returns (key file, master, recovery key)."""
    if paths.exists():
        raise WorkspaceExistsError(path=str(paths.root))
    if storage not in (KEYCHAIN, PASSPHRASE):
        raise ValueError(storage)
    if storage == KEYCHAIN and not keychain.is_usable():
        raise KeychainUnavailableError()
    keyfile, master, recovery = KeyFile.new(storage, passphrase, handler_name)
    paths.make_folders()
    if storage == KEYCHAIN:
        keychain.store(keyfile.workspace_id, master, keyfile.handlers[0].id)
    keyfile.save(paths.keyfile)
    return keyfile, master, recovery


def unlock(
    paths: WorkspacePaths, handler_name: str | None, passphrase: str | None, keychain: Keychain
) -> tuple[KeyFile, Handler, bytes]:
    """Opens as the named handler (default: the first one) with their own credential."""
    keyfile = read_keyfile(paths)
    handler = keyfile.handler(handler_name)
    if handler.storage == PASSPHRASE:
        master = keyfile.unlock_with_passphrase(handler, passphrase)
    else:
        master = keyfile.verify(keychain.load(keyfile.workspace_id, handler.id))
    return _upgraded(paths, keyfile), handler, master


def recover(
    paths: WorkspacePaths,
    recovery_key: str,
    storage: str,
    passphrase: str | None,
    keychain: Keychain,
    handler_name: str | None = None,
) -> tuple[KeyFile, Handler, bytes]:
    """Opens with the recovery key and gives the handler (default: the first) a new credential."""
    keyfile = read_keyfile(paths)
    master = keyfile.unlock_with_recovery_key(recovery_key)
    handler = keyfile.handler(handler_name)
    keyfile = store_credential(paths, handler, master, storage, passphrase, keychain)
    return keyfile, keyfile.handler(handler.name), master


def store_credential(
    paths: WorkspacePaths,
    handler: Handler,
    master: bytes,
    storage: str,
    passphrase: str | None,
    keychain: Keychain,
) -> KeyFile:
    """Switches how the handler's copy of the master key is kept; their old way stops working."""
    if storage == KEYCHAIN and not keychain.is_usable():
        raise KeychainUnavailableError()
    with WorkspaceLock(paths.root).held():
        keyfile = read_keyfile(paths)
        changed = keyfile.with_credential(handler.id, master, storage, passphrase)
        if storage == KEYCHAIN:
            keychain.store(keyfile.workspace_id, master, handler.id)
        changed.save(paths.keyfile)
    if storage != KEYCHAIN and handler.storage == KEYCHAIN:
        keychain.delete(keyfile.workspace_id, handler.id)
    return changed


def read_keyfile(paths: WorkspacePaths) -> KeyFile:
    if not paths.exists():
        raise WorkspaceNotFoundError(path=str(paths.root))
    return KeyFile.load(paths.keyfile, first_handler_name(paths))


def first_handler_name(paths: WorkspacePaths) -> str:
    """Who the one user of a workspace from before handlers was: the name its settings gave them."""
    try:
        return load_settings(paths.settings).handler_name or getpass.getuser()
    except WorkspaceCorruptError:  # a courtesy only: a damaged settings file is reported when it is read
        return getpass.getuser()


def _upgraded(paths: WorkspacePaths, keyfile: KeyFile) -> KeyFile:
    """A version 1 key file is written anew as version 2 once it has been shown to open."""
    if keyfile.stored_version == VERSION:
        return keyfile
    with WorkspaceLock(paths.root).held():
        current = read_keyfile(paths)
        if current.stored_version != VERSION:
            current.save(paths.keyfile)
    return read_keyfile(paths)
