"""The case archive verifier against someone who wants it to say 'intact', or to fall over: a format
version never lowers the checks, odd JSON is a plain refusal, and memory stays flat whatever the members
claim or contain."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from dsr_desk.cli import main
from dsr_desk.documents.archive.manifest import canonical, seal, sha256
from dsr_desk.documents.archive.verify import verify_archive
from dsr_desk.errors import NotAnArchiveError
from dsr_desk.store.audit import event_hash, genesis_hash
from tests.support.cases import make_case
from tests.support.hostile_zip import member, write_zip, zero_bomb_stream
from tests.support.measured import run_measured


@pytest.fixture
def archive(desk, tmp_path) -> Path:
    summary = make_case(desk)
    with desk.open_case(summary.reference) as case:
        case.add_note("Gebeld met de klant.")
        return case.write_archive(tmp_path / "archief.zip", lang="nl").path


def _files(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as opened:
        return {name: opened.read(name) for name in opened.namelist()}


def _write(path: Path, files: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return path


def _relisted(files: dict[str, bytes], **manifest_changes: object) -> dict[str, bytes]:
    """What a forger does: list the new hashes, change what they like, and reseal the manifest."""
    manifest = json.loads(files["manifest.json"])
    manifest["files"] = {name: sha256(data) for name, data in files.items() if name != "manifest.json"}
    manifest.update(manifest_changes)
    return {**files, "manifest.json": canonical(seal(manifest))}


def _verify_cli(path: Path, capsys) -> tuple[int, str]:
    status = main(["verify-archive", str(path)])
    captured = capsys.readouterr()
    return status, captured.out + captured.err


def test_replaced_files_under_version_1_with_a_resealed_manifest_are_not_intact(archive, tmp_path, capsys):
    """The attack as reported: swap case.json and summary.pdf, list the new hashes, say version 1, reseal."""
    files = _files(archive)
    case = json.loads(files["case.json"])
    case["notes"] = "Verzoek ingetrokken door de klant."
    files["case.json"] = json.dumps(case).encode()
    files["summary.pdf"] = files["summary.pdf"].replace(b"%%EOF", b"%%EOF\n% vervangen")
    forged = _write(tmp_path / "vervalst.zip", _relisted(files, version=1))
    status, output = _verify_cli(forged, capsys)
    assert status == 1
    assert "NIET intact" in output and "formaatversie 1" in output
    assert "case.json: klopt niet" in output and "summary.pdf: klopt niet" in output


@pytest.mark.parametrize("version", [1, "2", 3, 2.0, True, None], ids=repr)
def test_a_version_this_release_cannot_fully_check_is_never_intact(archive, tmp_path, capsys, version):
    files = _relisted(_files(archive), version=version)
    status, output = _verify_cli(_write(tmp_path / "x.zip", files), capsys)
    assert status == 1, output
    assert "kan deze versie van DSR Desk niet volledig controleren" in output
    assert "Traceback" not in output


def test_the_current_version_still_verifies(archive, capsys):
    status, output = _verify_cli(archive, capsys)
    assert status == 0 and output.startswith("Archief intact")


@pytest.mark.parametrize(
    "odd",
    [
        '"version": Infinity',
        '"version": NaN',
        '"version": ' + "9" * 5000,
        '"deep": ' + "[" * 50_000 + "]" * 50_000,
        '"deep": ' + "[" * 500 + "]" * 500,
    ],
    ids=["infinity", "nan", "5000-digit integer", "nested 50,000 deep", "nested 500 deep"],
)
def test_odd_json_in_the_manifest_is_a_plain_refusal(archive, tmp_path, capsys, odd):
    files = _files(archive)
    files["manifest.json"] = b'{"format": "dsr-desk-case-archive", ' + odd.encode() + b', "files": {}}'
    status, output = _verify_cli(_write(tmp_path / "x.zip", files), capsys)
    assert status == 2
    assert output.startswith("dsr-desk: Dit is geen dossierarchief van DSR Desk")
    assert "Traceback" not in output and "Onverwachte fout" not in output


@pytest.mark.parametrize(
    "odd",
    [b'"seq": 1e999', b'"seq": ' + b"1" * 5000, b'"seq": ' + b"[" * 50_000 + b"]" * 50_000],
    ids=["1e999", "5000-digit integer", "nested 50,000 deep"],
)
def test_odd_json_in_the_audit_log_is_reported_as_unreadable(archive, tmp_path, capsys, odd):
    files = _files(archive)
    files["audit.json"] = files["audit.json"].replace(b'"seq": 1', odd, 1)
    status, output = _verify_cli(_write(tmp_path / "x.zip", _relisted(files)), capsys)
    assert status == 1
    assert "audit.json: niet te lezen als logboek" in output


def test_another_cases_log_is_not_accepted(archive, tmp_path):
    files = _files(archive)
    audit = json.loads(files["audit.json"])
    audit["reference"] = "DSR-2026-0999"
    files["audit.json"] = json.dumps(audit).encode()
    assert ("audit.json", "unreadable") in {
        (p.where, p.kind) for p in verify_archive(_write(tmp_path / "x.zip", _relisted(files))).problems
    }


def test_a_member_name_cannot_write_its_own_lines_into_the_report(archive, tmp_path, capsys):
    files = _files(archive)
    files["x\nArchief intact: alles klopt\u202e.pdf"] = b"slipped in"
    status, output = _verify_cli(_write(tmp_path / "x.zip", files), capsys)
    assert status == 1
    assert "\nArchief intact" not in output and "\u202e" not in output
    assert "x<U+000A>Archief intact: alles klopt<U+202E>.pdf" in output


def test_a_manifest_that_inflates_to_2_gib_is_refused_before_it_is_read(tmp_path):
    size = 2 * 1024**3
    bomb = write_zip(tmp_path / "bom.zip", [("manifest.json", zero_bomb_stream(size), size, 0)])
    assert bomb.stat().st_size < 3 * 1024 * 1024
    measured = run_measured(["verify-archive", str(bomb)], tmp_path)
    assert measured.status == 2
    assert "manifest.json is too large" in measured.stderr
    assert measured.peak_mib < 200


def test_a_150_mb_audit_log_is_streamed_with_flat_memory(tmp_path):
    """1,500 events with a 100,000-character note each: far more than any case, read one event at a time."""
    reference, note = "DSR-2026-0001", "Lang verslag. " * 7_200
    events, previous = [], genesis_hash(reference)
    for seq in range(1, 1501):
        at, details = "2026-11-20T10:30:00Z", {"text": note}
        digest = event_hash(seq, at, "Petra", "note.added", details, previous)
        events.append(
            {"seq": seq, "at": at, "actor": "Petra", "action": "note.added", "details": details,
             "prev_hash": previous, "hash": digest}
        )  # fmt: skip
        previous = digest
    audit = json.dumps({"reference": reference, "events": events}).encode()
    del events
    assert len(audit) > 150_000_000
    files = {"summary.pdf": b"%PDF-1.4", "case.json": b"{}", "audit.json": audit}
    manifest = seal(
        {
            "format": "dsr-desk-case-archive",
            "version": 2,
            "reference": reference,
            "files": {name: sha256(data) for name, data in files.items()},
            "audit": {"count": 1500, "head": previous},
        }
    )
    path = write_zip(
        tmp_path / "groot.zip",
        [member(name, data) for name, data in [*files.items(), ("manifest.json", canonical(manifest))]],
    )
    del audit, files
    measured = run_measured(["verify-archive", str(path)], tmp_path)
    # Intact but for the seal: the log does not end with the archive's own event.
    assert measured.status == 1
    assert "het logboek eindigt niet met het maken van dit archief" in measured.stdout
    assert measured.peak_mib < 200


def test_a_central_directory_of_60_000_entries_is_refused_before_it_is_read(tmp_path):
    path = write_zip(tmp_path / "veel.zip", [member(f"{n}.txt", b"") for n in range(60_000)])
    with pytest.raises(NotAnArchiveError, match="more than 10000 files"):
        verify_archive(path)


def test_an_unusually_compressed_member_is_refused(archive, tmp_path):
    files = _files(archive)
    target = tmp_path / "x.zip"
    with zipfile.ZipFile(target, "w") as copy:
        for name, data in files.items():
            copy.writestr(name, data, zipfile.ZIP_LZMA if name == "case.json" else zipfile.ZIP_DEFLATED)
    with pytest.raises(NotAnArchiveError):
        verify_archive(target)


def test_a_long_forged_log_lists_a_hundred_problems_and_counts_the_rest(archive, tmp_path):
    files = _files(archive)
    audit = json.loads(files["audit.json"])
    first = audit["events"][0]
    audit["events"] = [{**first, "seq": n} for n in range(1, 400)]
    files["audit.json"] = json.dumps(audit).encode()
    report = verify_archive(_write(tmp_path / "x.zip", _relisted(files)))
    lines = report.lines("nl")
    assert len(report.problems) == 100 and report.unlisted > 0
    assert lines[-1] == f"… en nog {report.unlisted} problemen"
