"""settings.toml: what the organisation sets survives a save, including what a newer version added."""

from __future__ import annotations

from dsr_desk.store.settings import load_settings, save_settings


def test_keys_this_version_does_not_know_survive_a_save(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text(
        '[letters]\nfuture_key = "blijft"\n[letters.window]\nleft_mm = 20\n[organisation]\nname = "A"\n',
        encoding="utf-8",
    )
    save_settings(path, load_settings(path))
    assert 'future_key = "blijft"' in path.read_text(encoding="utf-8")


def test_the_organisation_name_lives_in_one_place(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text('[organisation]\nname = "A"\ncity = "Utrecht"\n', encoding="utf-8")
    renamed = load_settings(path).with_changes(organisation_name="B")
    save_settings(path, renamed)
    loaded = load_settings(path)
    assert loaded.organisation.name == "B" and loaded.profile.name == "" and loaded.profile.city == "Utrecht"
