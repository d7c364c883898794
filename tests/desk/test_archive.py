"""The case archive for the regulator: it verifies when fresh, and any change to it is found and named."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path

import pytest

from dsr_desk.desk.demo import demo_organisation
from dsr_desk.documents.archive.manifest import canonical, seal, sha256
from dsr_desk.documents.archive.verify import verify_archive
from dsr_desk.errors import NotAnArchiveError
from dsr_desk.rules.letters import LetterKind
from dsr_desk.rules.requests import RequestType
from tests.support.cases import close_anyway, make_case
from tests.support.letters import pdf_text


@pytest.fixture
def archive(desk, tmp_path) -> Path:
    demo_organisation(desk)
    summary = make_case(desk, types=(RequestType.ACCESS,))
    with desk.open_case(summary.reference) as case:
        case.record_search("Webwinkel", searched=True, found="1 klantrecord")
        case.add_data_text("Jan belde over zijn bestelling.", system="Mailbox", category="Contact")
        pdf = case.make_letter(LetterKind.ACKNOWLEDGEMENT, "nl")
        case.record_letter(LetterKind.ACKNOWLEDGEMENT, "nl", pdf)
        result = case.write_archive(tmp_path / "archief.zip", lang="nl")
    return result.path


def _rewrite(source: Path, target: Path, change) -> Path:
    """Copies the archive member by member, letting `change` edit the dict of files first."""
    with zipfile.ZipFile(source) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    change(files)
    with zipfile.ZipFile(target, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return target


def _kinds(path: Path) -> set[tuple[str, str]]:
    return {(problem.where, problem.kind) for problem in verify_archive(path).problems}


def test_a_fresh_archive_verifies_and_holds_what_the_regulator_asks_for(archive):
    report = verify_archive(archive)
    assert report.ok and report.events >= 4
    with zipfile.ZipFile(archive) as opened:
        names = set(opened.namelist())
        summary = pdf_text(opened.read("summary.pdf"))
        case_json = json.loads(opened.read("case.json"))
    assert {"summary.pdf", "case.json", "audit.json", "manifest.json"} <= names
    assert any(name.startswith("letters/") and "acknowledgement" in name for name in names)
    assert "Webwinkel" in summary and "De termijn" in summary
    # The data itself goes to the person, not into the archive; only what was found and whether it went out.
    assert "Jan belde" not in json.dumps(case_json) and "Jan belde" not in summary
    assert not any("id_cop" in name for name in names)


@pytest.mark.parametrize("name", ["summary.pdf", "case.json", "audit.json", "letters"])
def test_one_changed_byte_in_any_file_is_found(archive, tmp_path, name):
    def flip(files):
        member = next(n for n in files if n.startswith(name))
        data = bytearray(files[member])
        data[len(data) // 2] ^= 0x01
        files[member] = bytes(data)

    problems = _kinds(_rewrite(archive, tmp_path / "x.zip", flip))
    assert any(kind == "changed" and where.startswith(name) for where, kind in problems)


def test_a_removed_file_and_an_added_file_are_named(archive, tmp_path):
    def change(files):
        del files[next(n for n in files if n.startswith("letters/"))]
        files["extra.txt"] = b"slipped in"

    problems = _kinds(_rewrite(archive, tmp_path / "x.zip", change))
    assert ("extra.txt", "extra") in problems
    assert any(kind == "missing" and where.startswith("letters/") for where, kind in problems)


def _edit_event(files, reseal: bool) -> None:
    audit = json.loads(files["audit.json"])
    audit["events"][1]["actor"] = "Iemand Anders"
    files["audit.json"] = json.dumps(audit).encode()
    if reseal:
        manifest = json.loads(files["manifest.json"])
        manifest["files"]["audit.json"] = sha256(files["audit.json"])
        files["manifest.json"] = canonical(seal(manifest))


def test_an_edited_audit_event_is_found_even_when_the_manifest_is_resealed(archive, tmp_path):
    plain = _kinds(_rewrite(archive, tmp_path / "a.zip", lambda f: _edit_event(f, reseal=False)))
    assert ("audit.json", "changed") in plain
    resealed = _kinds(_rewrite(archive, tmp_path / "b.zip", lambda f: _edit_event(f, reseal=True)))
    # The manifest now agrees with the file, but the chain does not agree with itself.
    assert ("audit.json", "changed") not in resealed
    assert any(where == "event 2" for where, _ in resealed)


def test_a_hand_edited_manifest_breaks_its_seal(archive, tmp_path):
    def change(files):
        manifest = json.loads(files["manifest.json"])
        manifest["reference"] = "DSR-2026-9999"
        files["manifest.json"] = json.dumps(manifest).encode()

    assert ("manifest.json", "manifest") in _kinds(_rewrite(archive, tmp_path / "x.zip", change))


def test_a_swapped_letter_is_found_against_its_sent_event(archive, tmp_path):
    """Rebuilt with a new manifest and seal: only the 'letter sent' event still knows the real PDF."""

    def change(files):
        letter = next(n for n in files if n.startswith("letters/"))
        files[letter] = files[letter].replace(b"%%EOF", b"%%EOF\n% edited")
        manifest = json.loads(files["manifest.json"])
        manifest["files"][letter] = sha256(files[letter])
        files["manifest.json"] = canonical(seal(manifest))

    problems = _kinds(_rewrite(archive, tmp_path / "x.zip", change))
    assert ("event 4", "letter") in problems or any(kind == "letter" for _, kind in problems)
    assert {kind for _, kind in problems} <= {"letter", "unrecorded", "signature"}


@pytest.mark.parametrize(
    "content", [b"", b"not a zip at all", None], ids=["empty", "text", "zip-without-manifest"]
)
def test_what_is_not_an_archive_says_so(tmp_path, content):
    path = tmp_path / "x.zip"
    if content is None:
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("readme.txt", "hello")
    else:
        path.write_bytes(content)
    with pytest.raises(NotAnArchiveError):
        verify_archive(path)


def test_writing_the_archive_is_itself_in_the_audit_log(desk, archive):
    (summary,) = desk.list_cases()
    with desk.open_case(summary.reference) as case:
        sealed = case.events()[-1]
    assert sealed.action == "archive.created"
    with zipfile.ZipFile(archive) as opened:
        assert sealed.details["case_json_sha256"] == sha256(opened.read("case.json"))
        assert sealed.details["summary_sha256"] == sha256(opened.read("summary.pdf"))
        audit = json.loads(opened.read("audit.json"))
    assert audit["events"][-1]["hash"] == sealed.hash  # the archive holds its own making


def test_an_edited_case_json_or_summary_is_found_even_when_the_manifest_is_resealed(archive, tmp_path):
    def change(files):
        case = json.loads(files["case.json"])
        case["notes"] = "Achteraf toegevoegd"
        files["case.json"] = json.dumps(case).encode()
        manifest = json.loads(files["manifest.json"])
        manifest["files"]["case.json"] = sha256(files["case.json"])
        files["manifest.json"] = canonical(seal(manifest))

    assert _kinds(_rewrite(archive, tmp_path / "x.zip", change)) == {
        ("case.json", "seal_mismatch"),
        ("signature.json", "signature"),  # and resealed without the workspace's key
    }


def test_a_log_cut_short_is_found_even_when_the_manifest_is_resealed(archive, tmp_path):
    def change(files):
        audit = json.loads(files["audit.json"])
        audit["events"] = audit["events"][:-2]
        files["audit.json"] = json.dumps(audit).encode()
        manifest = json.loads(files["manifest.json"])
        manifest["files"]["audit.json"] = sha256(files["audit.json"])
        manifest["audit"] = {"count": len(audit["events"]), "head": audit["events"][-1]["hash"]}
        files["manifest.json"] = canonical(seal(manifest))

    assert ("audit.json", "seal_missing") in _kinds(_rewrite(archive, tmp_path / "x.zip", change))


def test_a_second_member_of_the_same_name_is_named(archive, tmp_path):
    target = tmp_path / "x.zip"
    with (
        zipfile.ZipFile(archive) as source,
        zipfile.ZipFile(target, "w") as copy,
        pytest.warns(UserWarning, match="Duplicate name"),
    ):
        copy.writestr("summary.pdf", b"%PDF-1.4 forged")  # first: what some tools would show
        for name in source.namelist():
            copy.writestr(name, source.read(name))
    assert ("summary.pdf", "duplicate") in _kinds(target)


def test_a_letter_no_event_accounts_for_is_named(archive, tmp_path):
    def change(files):
        files["letters/0099-refusal-nl.pdf"] = b"%PDF-1.4 never sent"
        manifest = json.loads(files["manifest.json"])
        manifest["files"]["letters/0099-refusal-nl.pdf"] = sha256(files["letters/0099-refusal-nl.pdf"])
        files["manifest.json"] = canonical(seal(manifest))

    problems = _kinds(_rewrite(archive, tmp_path / "x.zip", change))
    # Resealed without the workspace's key: the signature over the manifest no longer holds either.
    assert problems == {("letters/0099-refusal-nl.pdf", "unrecorded"), ("signature.json", "signature")}


@pytest.mark.parametrize(
    "manifest",
    [b"[]", b'{"format": "dsr-desk-case-archive", "files": []}', b'{"format": "dsr-desk-case-archive",'],
)
def test_a_malformed_manifest_is_not_an_archive_rather_than_a_crash(tmp_path, manifest):
    path = tmp_path / "x.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("manifest.json", manifest)
    with pytest.raises(NotAnArchiveError):
        verify_archive(path)


def test_odd_audit_contents_are_reported_not_raised(archive, tmp_path):
    def change(files):
        files["audit.json"] = b"[1, 2, 3]"

    assert ("audit.json", "changed") in _kinds(_rewrite(archive, tmp_path / "x.zip", change))


def test_a_case_whose_log_is_not_intact_is_not_archived(desk, tmp_path):
    from dsr_desk.errors import AuditChainBrokenError
    from tests.support.raw_db import raw_connection

    summary = make_case(desk)
    connection = raw_connection(desk.paths.case_file(summary.reference), desk.case_key(summary.reference))
    connection.execute("DROP TRIGGER events_append_only_update")
    connection.execute("UPDATE events SET actor = 'Iemand Anders' WHERE seq = 1")
    connection.close()
    with desk.open_case(summary.reference) as case, pytest.raises(AuditChainBrokenError):
        case.write_archive(tmp_path / "archief.zip")
    assert not (tmp_path / "archief.zip").exists()


def test_bulk_archiving_skips_and_names_a_broken_case_and_does_the_rest(desk, tmp_path):
    from tests.support.raw_db import raw_connection

    good, broken = make_case(desk, name="Klant Goed"), make_case(desk, name="Klant Kapot")
    for summary in (good, broken):
        with desk.open_case(summary.reference) as case:
            close_anyway(case)
    connection = raw_connection(desk.paths.case_file(broken.reference), desk.case_key(broken.reference))
    connection.execute("DROP TRIGGER events_append_only_update")
    connection.execute("UPDATE events SET actor = 'Iemand Anders' WHERE seq = 1")
    connection.close()
    written, refused = desk.archive_closed(tmp_path / "ap", dt.date.min, dt.date.max)
    assert [p.name for p in written] == [f"{good.reference}.zip"]
    assert [reference for reference, _ in refused] == [broken.reference]


def test_the_summary_says_why_a_system_was_not_searched_and_what_changed_on_an_item(desk, tmp_path):
    summary = make_case(desk, types=(RequestType.ACCESS,))
    with desk.open_case(summary.reference) as case:
        case.record_search("Mailchimp", searched=False, note="Beheerd door de verwerker")
        item = case.add_data_text("Jan belde.", system="Mailbox", category="Contact")
        case.set_item(item.id, included=False)
        result = case.write_archive(tmp_path / "archief.zip", lang="nl")
    with zipfile.ZipFile(result.path) as opened:
        text = " ".join(pdf_text(opened.read("summary.pdf")).split())
    assert "Beheerd door de verwerker" in text
    assert "In antwoord: ja » nee" in text  # the PDF font has no arrow; the fallback is »
