"""Handlers: each unlocks the workspace with a credential of their own, the audit log names them, and the
role of a handler keeps the irreversible and organisation-wide steps for a privacy officer."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from dsr_desk.desk import Desk
from dsr_desk.errors import (
    HandlerExistsError,
    HandlerUnknownError,
    LastOfficerError,
    NotPermittedError,
    ValidationError,
    WorkspaceCorruptError,
    WrongPassphraseError,
)
from dsr_desk.store import index_schema
from dsr_desk.store.keyfile import KeyFile
from tests.conftest import PASSPHRASE
from tests.support.cases import make_case

DATA = Path(__file__).parent.parent / "data"
PIET = "Piet de Boer wachtwoord 2026"


def test_each_handler_is_named_in_the_log_for_what_they_did(passphrase_desk, workspace_dir):
    passphrase_desk.add_handler("Piet de Boer", role="handler", passphrase=PIET)
    reference = make_case(passphrase_desk).reference
    passphrase_desk.close()
    with Desk.open(workspace_dir, handler="piet de boer", passphrase=PIET) as piet:
        assert piet.handler.name == "Piet de Boer" and not piet.is_officer
        with piet.open_case(reference) as case:
            case.add_note("Gebeld met de verzoeker")
    # The first handler by default.
    with Desk.open(workspace_dir, passphrase=PASSPHRASE) as petra, petra.open_case(reference) as case:
        case.add_note("Nagekeken")
        actors = [(e.action, e.actor) for e in case.events()]
    assert actors == [
        ("case.created", "Petra Jansen"),
        ("note.added", "Piet de Boer"),
        ("note.added", "Petra Jansen"),
    ]


def test_a_handler_opens_only_with_their_own_passphrase(passphrase_desk, workspace_dir):
    passphrase_desk.add_handler("Piet de Boer", passphrase=PIET)
    passphrase_desk.close()
    with pytest.raises(WrongPassphraseError):
        Desk.open(workspace_dir, handler="Piet de Boer", passphrase=PASSPHRASE)
    with pytest.raises(WrongPassphraseError):
        Desk.open(workspace_dir, handler="Petra Jansen", passphrase=PIET)


def test_a_removed_handler_cannot_unlock(passphrase_desk, workspace_dir):
    passphrase_desk.add_handler("Piet de Boer", passphrase=PIET)
    passphrase_desk.remove_handler("Piet de Boer")
    passphrase_desk.close()
    with pytest.raises(HandlerUnknownError, match="Piet de Boer"):
        Desk.open(workspace_dir, handler="Piet de Boer", passphrase=PIET)
    keyfile = json.loads((workspace_dir / "keyfile.json").read_text())
    assert [h["name"] for h in keyfile["handlers"]] == ["Petra Jansen"]  # and their wrapped key is gone


def test_a_handler_may_do_casework_but_not_what_only_an_officer_may(passphrase_desk, workspace_dir):
    passphrase_desk.add_handler("Piet de Boer", passphrase=PIET)
    reference = make_case(passphrase_desk).reference
    passphrase_desk.close()
    with Desk.open(workspace_dir, handler="Piet de Boer", passphrase=PIET) as piet:
        with piet.open_case(reference) as case:
            case.add_note("mag")
        for attempt in (
            lambda: piet.destroy_case(reference, "opruimen"),
            lambda: piet.update_profile(phone="030 000 00 00"),
            lambda: piet.edit_register(lambda entries: entries),
            lambda: piet.add_handler("Kees", passphrase=PIET),
            lambda: piet.remove_handler("Petra Jansen"),
        ):
            with pytest.raises(NotPermittedError, match="privacy officer"):
                attempt()
        assert [c.reference for c in piet.list_cases()] == [reference]


def test_the_last_privacy_officer_stays(passphrase_desk):
    with pytest.raises(LastOfficerError):
        passphrase_desk.remove_handler("Petra Jansen")
    with pytest.raises(LastOfficerError):
        passphrase_desk.set_handler_role("Petra Jansen", "handler")
    passphrase_desk.add_handler("Sanne", role="officer", passphrase=PIET)
    passphrase_desk.set_handler_role("Petra Jansen", "handler")
    assert [(h.name, h.role) for h in passphrase_desk.handlers()] == [
        ("Petra Jansen", "handler"),
        ("Sanne", "officer"),
    ]


def test_names_are_unique_and_passphrases_strong(passphrase_desk):
    passphrase_desk.add_handler("Piet de Boer", passphrase=PIET)
    with pytest.raises(HandlerExistsError):
        passphrase_desk.add_handler("PIET  DE BOER", passphrase=PIET)
    with pytest.raises(ValidationError):
        passphrase_desk.add_handler("Kees", passphrase="kort")
    with pytest.raises(ValidationError):
        passphrase_desk.add_handler("   ", passphrase=PIET)


def test_a_handler_can_keep_their_key_in_their_own_keychain(passphrase_desk, workspace_dir, keychain):
    passphrase_desk.add_handler("Piet de Boer", storage="keychain", keychain=keychain)
    passphrase_desk.close()
    with Desk.open(workspace_dir, handler="Piet de Boer", keychain=keychain) as piet:
        assert piet.actor == "Piet de Boer"
    # Their entry is their own: the first handler's passphrase workspace has none to lose.
    assert keychain.load(piet.keyfile.workspace_id, piet.handler.id)


def test_a_workspace_from_before_handlers_opens_as_its_one_officer(tmp_path):
    facts = json.loads((DATA / "fixtures.json").read_text())["workspace-v1.zip"]
    root = tmp_path / "workspace"
    with zipfile.ZipFile(DATA / "workspace-v1.zip") as archive:
        archive.extractall(root)
    with Desk.open(root, passphrase=facts["passphrase"]) as desk:
        assert [(h.name, h.role) for h in desk.handlers()] == [(facts["handler_name"], "officer")]
        with desk.open_case(facts["reference"]) as case:
            assert case.verify_audit().ok
            case.add_note("Na de upgrade")
            assert case.events()[-1].actor == facts["handler_name"]
    stored = json.loads((root / "keyfile.json").read_text())
    assert stored["version"] == 2 and stored["handlers"][0]["name"] == facts["handler_name"]
    # Still opens with the same passphrase and the same recovery key, and the index came up to date.
    Desk.open(root, passphrase=facts["passphrase"]).close()
    with Desk.open_with_recovery_key(
        root, facts["recovery_key"], storage="passphrase", passphrase="een nieuwe zin 2026"
    ) as desk:
        assert [c.reference for c in desk.list_cases()] == [facts["reference"]]
        with desk.index._engine.connect() as conn:
            version = conn.exec_driver_sql("PRAGMA user_version").scalar()
    assert version == index_schema.MIGRATIONS[-1].version


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("memory_kib", 16 * 1024 * 1024),  # 16 GiB: would hang, or exhaust memory, at every unlock
        ("iterations", 10**9),
        ("lanes", 0),
        ("kdf", "scrypt"),
        ("memory_kib", "65536"),
        ("salt", ""),
    ],
)
def test_a_tampered_key_derivation_is_refused_at_once(passphrase_desk, workspace_dir, field, value):
    passphrase_desk.close()
    path = workspace_dir / "keyfile.json"
    data = json.loads(path.read_text())
    data["handlers"][0]["passphrase"][field] = value
    path.write_text(json.dumps(data))
    with pytest.raises(WorkspaceCorruptError, match=r"keyfile\.json"):
        KeyFile.load(path)
    with pytest.raises(WorkspaceCorruptError):
        Desk.open(workspace_dir, passphrase=PASSPHRASE)
