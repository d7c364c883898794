"""Fuzzing what the command line reads from files it cannot trust: a case archive handed over for
verification, and a workspace's keyfile.json. Real files, mutated the ways files get damaged or forged:
random byte flips, truncations, JSON values swapped for odd ones, keys dropped, members doubled or lost.

The only outcomes allowed are exit 0, 1 or 2 with a message; never a traceback, never a hang. And an
archive verifier that says 'intact' (0) must be right: every file it vouches for is the original.
Kept in a file of its own (the keyfile reader is another engineer's; this only reads through it).
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import os
import random
import signal
import sys
import zipfile
from pathlib import Path

import pytest

from dsr_desk.cli import main
from dsr_desk.desk import Desk
from dsr_desk.desk.demo import demo_organisation
from dsr_desk.documents.archive.manifest import canonical, seal, sha256
from dsr_desk.rules.letters import LetterKind
from dsr_desk.store.keychain import Keychain
from tests.conftest import PASSPHRASE
from tests.support.cases import make_case
from tests.support.memory_keyring import MemoryKeyring

ARCHIVE_MUTANTS = 400
KEYFILE_MUTANTS = 200
SECONDS_EACH = 20  # far beyond any real check; only a hang reaches it
ODD_VALUES = [None, True, False, 0, -1, 2**70, 1.5, "", "x" * 300, [], {}, [1], {"a": 1}, "2", "keychain"]


class _Hang(Exception):
    pass


@contextlib.contextmanager
def _no_hang():
    """A run that takes longer than SECONDS_EACH fails the test instead of stalling the suite."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def alarm(_signum, _frame):
        raise _Hang()

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(SECONDS_EACH)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _run(args: list[str], stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    real_stdin = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        with _no_hang(), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(args)
    finally:
        sys.stdin = real_stdin
    return status, out.getvalue(), err.getvalue()


def _assert_plain_outcome(status: int, out: str, err: str, what: str) -> None:
    assert status in (0, 1, 2), f"{what}: exit {status}: {err}"
    assert "Traceback" not in out + err and "Onverwachte fout" not in err, f"{what}: {err}"
    if status == 2:
        assert err.startswith("dsr-desk: ") and len(err.strip()) > len("dsr-desk: "), what


def _odd(rng: random.Random) -> object:
    return copy.deepcopy(rng.choice(ODD_VALUES))  # a fresh one: later mutations must not make a cycle


def _mutated_json(rng: random.Random, value: object) -> object:
    if isinstance(value, dict) and value:
        key = rng.choice(sorted(value))
        roll = rng.random()
        if roll < 0.3:
            value[key] = _odd(rng)
        elif roll < 0.45:
            del value[key]
        else:
            value[key] = _mutated_json(rng, value[key])
        return value
    if isinstance(value, list) and value:
        index = rng.randrange(len(value))
        roll = rng.random()
        if roll < 0.3:
            value[index] = _odd(rng)
        elif roll < 0.4:
            del value[index]
        elif roll < 0.5:
            value.insert(index, value[index])
        else:
            value[index] = _mutated_json(rng, value[index])
        return value
    return _odd(rng)


def _byte_flips(rng: random.Random, data: bytes) -> bytes:
    mutated = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        mutated[rng.randrange(len(mutated))] = rng.randrange(256)
    return bytes(mutated)


# -- the archive ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real_archive(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("fuzz-archive")
    desk, _ = Desk.create(
        folder / "workspace", organisation="Bakkerij", storage="keychain", keychain=Keychain(MemoryKeyring())
    )
    with desk:
        demo_organisation(desk)
        reference = make_case(desk).reference
        with desk.open_case(reference) as case:
            case.add_note("Gebeld met de klant over het verzoek.")
            case.record_search("Webwinkel", searched=True, found="1 klantrecord")
            case.record_letter(
                LetterKind.ACKNOWLEDGEMENT, "nl", case.make_letter(LetterKind.ACKNOWLEDGEMENT, "nl")
            )
            return case.write_archive(folder / "archief.zip", lang="nl").path


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def _packed(files: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive, _quiet_duplicates():
        for name, data in files:
            archive.writestr(name, data)
    return buffer.getvalue()


@contextlib.contextmanager
def _quiet_duplicates():
    import warnings

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Duplicate name", UserWarning)
        yield


def _relisted(files: dict[str, bytes], manifest: dict) -> bytes:
    """What a forger does after a change: list the new hashes and reseal the manifest."""
    manifest = dict(manifest)
    manifest["files"] = {name: sha256(data) for name, data in files.items() if name != "manifest.json"}
    return canonical(seal(manifest))


def _archive_mutant(rng: random.Random, original: bytes) -> tuple[str, bytes]:
    roll = rng.random()
    if roll < 0.2:
        return "byte flips", _byte_flips(rng, original)
    if roll < 0.3:
        return "truncated", original[: rng.randrange(len(original))]
    files = _members(original)
    manifest = json.loads(files["manifest.json"])
    if roll < 0.4:
        names = list(files)
        name = rng.choice(names)
        entries = [(n, files[n]) for n in names if n != name or rng.random() < 0.5]
        entries.append((rng.choice([name, name.upper(), "letters/0002-refusal-nl.pdf"]), files[name]))
        return "members moved", _packed(entries)
    name = rng.choice(["manifest.json", "audit.json", "audit.json", "case.json"])
    try:
        changed = _mutated_json(rng, json.loads(files[name]))
        files[name] = json.dumps(changed, allow_nan=True).encode()
    except ValueError:
        return "unserialisable", original
    if name == "manifest.json" and isinstance(changed, dict) and rng.random() < 0.7:
        with contextlib.suppress(TypeError, ValueError):
            files[name] = canonical(seal(changed))
    elif name != "manifest.json" and rng.random() < 0.7:
        files["manifest.json"] = _relisted(files, manifest)
    return f"{name} changed", _packed(list(files.items()))


def test_verify_archive_survives_mutated_real_archives(real_archive, tmp_path):
    original = real_archive.read_bytes()
    vouched = {n: d for n, d in _members(original).items() if n != "manifest.json"}
    rng = random.Random(20261201)
    outcomes: dict[int, int] = {}
    target = tmp_path / "mutant.zip"
    for number in range(ARCHIVE_MUTANTS):
        how, data = _archive_mutant(rng, original)
        target.write_bytes(data)
        status, out, err = _run(["verify-archive", str(target)])
        what = f"mutant {number} ({how})"
        _assert_plain_outcome(status, out, err, what)
        if status in (0, 1):
            assert out.startswith("Archief"), what
        if status == 0:  # 'intact' must be true: every file it checks is the one that was made
            members = _members(data)
            assert {n: d for n, d in members.items() if n != "manifest.json"} == vouched, what
        outcomes[status] = outcomes.get(status, 0) + 1
    assert outcomes.get(1, 0) > ARCHIVE_MUTANTS // 3 and outcomes.get(2, 0) > 10  # both kinds were reached


# -- the keyfile ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real_workspaces(tmp_path_factory) -> dict[str, tuple[Path, str]]:
    """A passphrase workspace and a keychain one, each with its recovery key."""
    made = {}
    for storage in ("passphrase", "keychain"):
        root = tmp_path_factory.mktemp(f"fuzz-{storage}") / "workspace"
        desk, recovery_key = Desk.create(
            root,
            organisation="Bakkerij",
            storage=storage,
            passphrase=PASSPHRASE if storage == "passphrase" else None,
            keychain=Keychain(MemoryKeyring()),
        )
        desk.close()
        made[storage] = (root, recovery_key)
    return made


def _keyfile_mutant(rng: random.Random, original: bytes) -> tuple[str, bytes]:
    roll = rng.random()
    if roll < 0.25:
        return "byte flips", _byte_flips(rng, original)
    if roll < 0.35:
        return "truncated", original[: rng.randrange(len(original))]
    if roll < 0.4:
        return "odd json", rng.choice(
            [b"[]", b"null", b'{"version": ' + b"9" * 5000 + b"}", b"[" * 50_000, b'{"format": NaN}']
        )
    value = _mutated_json(rng, json.loads(original))
    for _ in range(rng.randint(0, 2)):
        value = _mutated_json(rng, value)
    return "json changed", json.dumps(value, allow_nan=True).encode()


@pytest.mark.parametrize("storage", ["passphrase", "keychain"])
def test_the_keyfile_reader_survives_mutated_real_keyfiles(real_workspaces, storage, monkeypatch):
    """Reading only: listing without a passphrase (the key file is read, nothing derived from it) and
    recovering into the keychain, which is not there (the recovery copy is read and unwrapped)."""
    monkeypatch.delenv("DSR_DESK_PASSPHRASE", raising=False)
    root, recovery_key = real_workspaces[storage]
    keyfile = root / "keyfile.json"
    original = keyfile.read_bytes()
    rng = random.Random(f"keyfile-{storage}")
    try:
        for number in range(KEYFILE_MUTANTS):
            how, data = _keyfile_mutant(rng, original)
            keyfile.write_bytes(data)
            what = f"mutant {number} ({how})"
            status, out, err = _run(["--workspace", str(root), "case", "list"])
            _assert_plain_outcome(status, out, err, what)
            status, out, err = _run(
                ["--workspace", str(root), "recover", "--key-storage", "keychain"], stdin=recovery_key + "\n"
            )
            _assert_plain_outcome(status, out, err, what)
            assert status != 0, what  # there is no keychain here: recovering into it cannot succeed
    finally:
        keyfile.write_bytes(original)
    assert os.environ.get("DSR_DESK_PASSPHRASE") is None
