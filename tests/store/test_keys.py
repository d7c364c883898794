"""Master key storage: keychain, passphrase (Argon2id), recovery key."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dsr_desk.desk import Desk
from dsr_desk.errors import (
    KeychainUnavailableError,
    PassphraseRequiredError,
    RecoveryKeyTypoError,
    WrongRecoveryKeyError,
)
from dsr_desk.store.keychain import Keychain
from dsr_desk.store.keyfile import KeyFile
from dsr_desk.store.recovery_key import format_recovery_key, new_recovery_key, parse_recovery_key
from tests.conftest import PASSPHRASE
from tests.support.cases import make_case
from tests.support.memory_keyring import LockedKeyring


def test_the_keyfile_of_a_keychain_workspace_holds_no_wrapped_master_key_but_the_recovery_copy(
    desk, workspace_dir
):
    data = json.loads((workspace_dir / "keyfile.json").read_text())
    [handler] = data["handlers"]
    assert (handler["name"], handler["role"], handler["storage"]) == ("Petra Jansen", "officer", "keychain")
    assert "passphrase" not in handler
    assert set(data["recovery"]) == {"nonce", "ciphertext"}


def test_passphrase_workspace_reopens_with_the_passphrase(passphrase_desk, workspace_dir):
    reference = make_case(passphrase_desk).reference
    passphrase_desk.close()
    with Desk.open(workspace_dir, passphrase=PASSPHRASE) as reopened:
        assert [c.reference for c in reopened.list_cases()] == [reference]


def test_passphrase_is_normalised_so_macos_and_windows_input_agree(workspace_dir):
    composed, decomposed = "Zoë geheim 12345", "Zoe\u0308 geheim 12345"
    desk, _ = Desk.create(workspace_dir, organisation="X", storage="passphrase", passphrase=composed)
    desk.close()
    Desk.open(workspace_dir, passphrase=decomposed).close()


def test_no_passphrase_given_is_asked_for(passphrase_desk, workspace_dir):
    passphrase_desk.close()
    with pytest.raises(PassphraseRequiredError):
        Desk.open(workspace_dir, passphrase=None)


def test_keychain_storage_is_refused_when_there_is_no_keychain(workspace_dir):
    with pytest.raises(KeychainUnavailableError):
        Desk.create(workspace_dir, organisation="X", storage="keychain", keychain=Keychain())
    assert not (workspace_dir / "keyfile.json").exists()


def test_a_locked_keychain_is_not_usable_and_never_falls_back(workspace_dir):
    keychain = Keychain(LockedKeyring())
    assert not keychain.is_usable()
    with pytest.raises(KeychainUnavailableError):
        Desk.create(workspace_dir, organisation="X", storage="keychain", keychain=keychain)


def test_recovery_key_opens_a_workspace_whose_keychain_entry_is_gone(workspace_dir, keychain):
    desk, recovery_key = Desk.create(workspace_dir, organisation="X", storage="keychain", keychain=keychain)
    reference = make_case(desk).reference
    desk.close()
    keychain.delete(desk.keyfile.workspace_id)
    recovered = Desk.open_with_recovery_key(
        workspace_dir,
        recovery_key.lower().replace("-", " "),
        storage="passphrase",
        passphrase="nieuwe zin 1234",
    )
    assert [c.reference for c in recovered.list_cases()] == [reference]
    recovered.close()
    # The workspace is now kept by the new passphrase.
    Desk.open(workspace_dir, passphrase="nieuwe zin 1234").close()


def test_recovery_key_of_another_workspace_is_refused(workspace_dir, tmp_path, keychain):
    Desk.create(workspace_dir, organisation="X", storage="keychain", keychain=keychain)[0].close()
    _, other_key = Desk.create(tmp_path / "other", organisation="Y", storage="keychain", keychain=keychain)
    with pytest.raises(WrongRecoveryKeyError):
        Desk.open_with_recovery_key(workspace_dir, other_key, storage="passphrase", passphrase="abcdefghijkl")


def test_a_mistyped_recovery_key_is_called_a_typo():
    key = new_recovery_key()
    typo = ("0" if key[0] != "0" else "1") + key[1:]
    with pytest.raises(RecoveryKeyTypoError):
        parse_recovery_key(typo)


@given(st.binary(min_size=20, max_size=20))
@settings(max_examples=200)
def test_recovery_key_round_trips_and_tolerates_lookalikes(secret):
    text = format_recovery_key(secret)
    assert len(text.replace("-", "")) == 36
    assert parse_recovery_key(text) == secret
    assert parse_recovery_key(text.lower().replace("1", "l").replace("0", "o")) == secret


def test_keyfile_rejects_garbage(tmp_path):
    from dsr_desk.errors import WorkspaceCorruptError

    path = tmp_path / "keyfile.json"
    for content in (b"", b"{", b"[]", b'{"format": "dsr-desk-keyfile", "version": 99}'):
        path.write_bytes(content)
        with pytest.raises(WorkspaceCorruptError):
            KeyFile.load(path)


def test_a_misconfigured_keyring_counts_as_no_keychain(workspace_dir):
    class MisconfiguredKeychain(Keychain):
        @property
        def backend(self):
            raise ValueError("Empty module name")  # what keyring raises for PYTHON_KEYRING_BACKEND=""

    keychain = MisconfiguredKeychain()
    assert not keychain.is_usable()
    with pytest.raises(KeychainUnavailableError):
        Desk.create(workspace_dir, organisation="X", storage="keychain", keychain=keychain)
