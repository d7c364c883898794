"""THIRD_PARTY_NOTICES: every package the application ships, each under a licence it may ship."""

from __future__ import annotations

from importlib import metadata

import pytest

from dsr_desk.licences import render_notices, runtime_packages, shippable


@pytest.fixture(scope="module")
def packages():
    return runtime_packages()


def test_every_runtime_package_may_be_shipped_by_a_proprietary_application(packages):
    refused = [(p.name, p.licence) for p in packages if not shippable(p.licence)]
    assert not refused, f"GPL/AGPL-only packages cannot ship in this application: {refused}"


def test_the_licence_rule_reads_expressions_and_classifiers_alike():
    assert shippable("LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only")  # PySide6: LGPL is an option
    assert shippable("GNU Lesser General Public License v3 (LGPLv3)")
    assert shippable("MIT") and shippable("Apache-2.0 OR BSD-3-Clause")
    assert not shippable("GPL-2.0-or-later") and not shippable("AGPL-3.0-only")
    assert not shippable("GNU General Public License v2 (GPLv2)")


def test_heic_is_read_by_pi_heif_not_by_the_gpl_pillow_heif(packages):
    names = {p.name.lower().replace("_", "-") for p in packages}
    assert "pi-heif" in names and "pillow-heif" not in names
    with pytest.raises(metadata.PackageNotFoundError):
        metadata.distribution("pillow-heif")


def test_the_notices_name_every_package_and_carry_the_texts_of_what_is_inside(packages):
    notices = render_notices(packages, bundle=True)
    for package in packages:
        assert f"{package.name} {package.version}" in notices
    # what the packages' metadata does not name, with its licence text
    inside = ("Qt 6", "SQLCipher", "OpenSSL 3", "libheif", "Noto Sans", "Python", "PyInstaller bootloader")
    for part in inside:
        assert f"\n{part}" in notices
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in notices and "SIL OPEN FONT LICENSE" in notices.upper()
    assert "ZETETIC LLC" in notices and "PYTHON SOFTWARE FOUNDATION LICENSE" in notices.upper()
    # test and build tools are not shipped, so not listed
    assert "\n  pytest " not in notices and "\n  ruff " not in notices
