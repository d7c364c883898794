"""Signed archives: the workspace's Ed25519 key signs every archive; the verifier names the signer."""

from __future__ import annotations

import io
import json
import zipfile
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from dsr_desk.cli import main
from dsr_desk.desk import Desk
from dsr_desk.documents.archive.manifest import canonical, seal, sha256
from dsr_desk.documents.archive.signature import signature_member
from dsr_desk.documents.archive.verify import verify_archive
from dsr_desk.store.keychain import Keychain
from tests.conftest import PASSPHRASE
from tests.desk.test_archive import _rewrite
from tests.support.cases import close_anyway, make_case
from tests.support.letters import pdf_text
from tests.support.memory_keyring import MemoryKeyring


@pytest.fixture
def signed(passphrase_desk, tmp_path) -> tuple[Desk, Path]:
    summary = make_case(passphrase_desk)
    with passphrase_desk.open_case(summary.reference) as case:
        case.add_note("Gebeld; verzoek toegelicht.")
        path = case.write_archive(tmp_path / "archief.zip", lang="nl").path
    return passphrase_desk, path


def _cli(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    with redirect_stdout(out):
        status = main(list(args))
    return status, out.getvalue()


def test_the_fingerprint_is_printed_shown_on_the_summary_and_reported_by_the_verifier(signed, monkeypatch):
    desk, path = signed
    monkeypatch.setenv("DSR_DESK_PASSPHRASE", PASSPHRASE)
    status, out = _cli("--workspace", str(desk.paths.root), "fingerprint")
    fingerprint = out.strip().splitlines()[-1]
    assert status == 0 and fingerprint == desk.fingerprint() and len(fingerprint) == 39
    with zipfile.ZipFile(path) as archive:
        assert fingerprint in " ".join(pdf_text(archive.read("summary.pdf")).split())
    status, out = _cli("verify-archive", str(path), "--json", "--expect", fingerprint.lower())
    report = json.loads(out)
    assert (
        status == 0
        and report["intact"]
        and report["signature_valid"]
        and report["fingerprint"] == fingerprint
    )
    status, out = _cli("verify-archive", str(path))
    assert status == 0 and fingerprint in out


def test_a_tampered_signature_fails(signed, tmp_path):
    _desk, path = signed

    def change(files):
        data = json.loads(files["signature.json"])
        data["signature"] = (
            data["signature"][:10] + ("A" if data["signature"][10] != "A" else "B") + data["signature"][11:]
        )
        files["signature.json"] = json.dumps(data).encode()

    tampered = _rewrite(path, tmp_path / "t.zip", change)
    assert ("signature.json", "signature") in {(p.where, p.kind) for p in verify_archive(tampered).problems}
    assert _cli("verify-archive", str(tampered))[0] == 1


def test_an_archive_resealed_without_the_key_fails_its_signature(signed, tmp_path):
    _desk, path = signed

    def change(files):
        files["case.json"] = files["case.json"].replace(b"Gebeld", b"Gemaild")
        manifest = json.loads(files["manifest.json"])
        manifest["files"]["case.json"] = sha256(files["case.json"])
        files["manifest.json"] = canonical(seal(manifest))

    report = verify_archive(_rewrite(path, tmp_path / "r.zip", change))
    assert ("signature.json", "signature") in {(p.where, p.kind) for p in report.problems}
    assert report.signer is None and not report.ok


def test_an_archive_signed_by_another_workspace_names_that_key(signed, tmp_path):
    desk, path = signed
    other, _key = Desk.create(
        tmp_path / "ander", organisation="Ander", storage="keychain", keychain=Keychain(MemoryKeyring())
    )
    with other:
        intruder = other.signer()

    def change(files):
        files["signature.json"] = signature_member(intruder, files["manifest.json"])

    resigned = _rewrite(path, tmp_path / "o.zip", change)
    report = verify_archive(resigned)
    assert report.signer == intruder.fingerprint != desk.fingerprint()
    assert _cli("verify-archive", str(resigned), "--expect", desk.fingerprint())[0] == 1
    assert not verify_archive(resigned, expect=desk.fingerprint()).ok


def test_an_unsigned_archive_is_not_intact(signed, tmp_path):
    _desk, path = signed
    unsigned = _rewrite(path, tmp_path / "u.zip", lambda files: files.pop("signature.json"))
    assert ("signature.json", "unsigned") in {(p.where, p.kind) for p in verify_archive(unsigned).problems}


def test_bulk_archives_carry_one_signed_index(signed, tmp_path):
    desk, _path = signed

    for name in ("Een", "Twee"):
        reference = make_case(desk, name=f"Klant {name}").reference
        with desk.open_case(reference) as case:
            close_anyway(case)
    folder = tmp_path / "periode"
    written, refused = desk.archive_closed(folder, desk.today(), desk.today())
    index = folder / "archives-index.json"
    assert len(written) == 2 and refused == [] and index.exists()
    status, out = _cli("verify-archive", str(index), "--expect", desk.fingerprint())
    assert status == 0 and desk.fingerprint() in out
    written[0].write_bytes(written[1].read_bytes())  # one archive swapped for another
    assert _cli("verify-archive", str(index))[0] == 1
