"""A deleted index is rebuilt from the case files and the tombstones: destruction records survive it, a
destroyed reference is never issued again, and the user is told that rollback detection starts over
(issue 10, item 3)."""

from __future__ import annotations

import json

from dsr_desk.desk import Desk
from dsr_desk.store.sqlcipher import remove_database_files
from tests.cli.test_cli_contract import run
from tests.conftest import PASSPHRASE
from tests.support.cases import make_case


def _workspace_with_destructions(desk) -> list[str]:
    references = [make_case(desk).reference for _ in range(4)]
    desk.destroy_case(references[1], "Bewaartermijn verstreken")
    desk.destroy_case(references[3], "Dubbel ingevoerd")
    return references


def test_destruction_records_and_references_survive_a_deleted_index(passphrase_desk, workspace_dir):
    references = _workspace_with_destructions(passphrase_desk)
    before = {r.reference: r for r in passphrase_desk.destruction_records()}
    passphrase_desk.close()
    remove_database_files(workspace_dir / "index.dsrdb")
    with Desk.open(workspace_dir, passphrase=PASSPHRASE) as desk:
        assert {c.reference for c in desk.list_cases()} == {references[0], references[2]}
        assert {r.reference: r for r in desk.destruction_records()} == before
        (notice,) = desk.notices("nl")
        assert "opnieuw opgebouwd" in notice and "dossiers: 2" in notice and "vernietigd: 2" in notice
        assert "teruggezet" in notice  # rollback detection starts over, and the user is told
        # The highest number was destroyed; it is not handed out again.
        new = make_case(desk).reference
    assert new not in references and new > references[3]
    with Desk.open(workspace_dir, passphrase=PASSPHRASE) as desk:
        assert desk.notices() == []  # said once, when it happened


def test_a_tombstone_not_made_by_this_workspace_destroys_nothing(passphrase_desk, workspace_dir, tmp_path):
    references = _workspace_with_destructions(passphrase_desk)
    alive = references[0]
    tombstones = workspace_dir / "cases"
    # A real tombstone renamed onto a living case: bound to its own reference, so it is refused.
    (tombstones / f"{references[1]}.dsrgone").rename(tombstones / f"{alive}.dsrgone")
    passphrase_desk.close()
    remove_database_files(workspace_dir / "index.dsrdb")
    with Desk.open(workspace_dir, passphrase=PASSPHRASE) as desk:
        assert alive in {c.reference for c in desk.list_cases()}
        assert desk.open_case(alive).verify_audit().ok
        assert any(alive in notice and "hoort niet bij deze werkmap" in notice for notice in desk.notices())
    assert (tombstones / f"{alive}.dsrgone.refused").exists()


def test_a_destruction_cut_off_with_its_index_is_finished(passphrase_desk, workspace_dir, tmp_path):
    reference = make_case(passphrase_desk).reference
    case_file = workspace_dir / "cases" / f"{reference}.dsrcase"
    kept = tmp_path / "kept.dsrcase"
    kept.write_bytes(case_file.read_bytes())
    passphrase_desk.destroy_case(reference, "Op verzoek van betrokkene gewist")
    passphrase_desk.close()
    # As if the process died after the tombstone, before the file went, and the index was lost too.
    case_file.write_bytes(kept.read_bytes())
    remove_database_files(workspace_dir / "index.dsrdb")
    with Desk.open(workspace_dir, passphrase=PASSPHRASE) as desk:
        assert desk.list_cases() == []
        assert [r.reference for r in desk.destruction_records()] == [reference]
    assert not case_file.exists()


def test_case_list_on_the_command_line_says_the_index_was_rebuilt(passphrase_desk, workspace_dir):
    _workspace_with_destructions(passphrase_desk)
    passphrase_desk.close()
    remove_database_files(workspace_dir / "index.dsrdb")
    listed = run(workspace_dir, "case", "list", "--json")
    assert len(json.loads(listed.stdout)) == 2
    assert "opnieuw opgebouwd" in listed.stderr


def test_a_case_file_unreadable_at_the_rebuild_is_never_written_over(passphrase_desk, workspace_dir):
    references = [make_case(passphrase_desk).reference for _ in range(3)]
    passphrase_desk.close()
    damaged = workspace_dir / "cases" / f"{references[2]}.dsrcase"
    with damaged.open("r+b") as handle:
        handle.write(bytes(100))
    kept = damaged.read_bytes()
    remove_database_files(workspace_dir / "index.dsrdb")
    with Desk.open(workspace_dir, passphrase=PASSPHRASE) as desk:
        assert any(references[2] in notice for notice in desk.notices())
        new = make_case(desk).reference
    assert new not in references
    assert damaged.read_bytes() == kept  # still there for whoever can recover it
