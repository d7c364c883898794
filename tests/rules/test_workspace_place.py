"""Where a workspace may live: a cloud-sync folder is recognised from its path and warned about."""

from __future__ import annotations

import pytest

from dsr_desk.rules.workspace_setup import cloud_sync_service


@pytest.mark.parametrize(
    ("path", "service"),
    [
        (r"C:\Users\petra\OneDrive\DSR Desk", "OneDrive"),
        (r"C:\Users\petra\OneDrive - Bakkerij De Vries\Privacy", "OneDrive"),
        ("/Users/petra/Dropbox/werk", "Dropbox"),
        ("/Users/petra/Dropbox (Persoonlijk)/werk", "Dropbox"),
        ("/Users/petra/Library/Mobile Documents/com~apple~CloudDocs/DSR", "iCloud"),
        ("/Users/petra/Library/CloudStorage/GoogleDrive-petra@example.nl/Mijn Drive/DSR", "Google Drive"),
        ("/Users/petra/Library/CloudStorage/Box-Box/DSR", "cloud storage"),
        (r"G:\My Drive\DSR", "Google Drive"),
    ],
)
def test_a_cloud_sync_folder_is_recognised(path, service):
    assert cloud_sync_service(path) == service


@pytest.mark.parametrize(
    "path",
    [
        r"\\nas\privacy\DSR Desk",
        "/Volumes/Privacy/DSR Desk",
        r"C:\Users\petra\AppData\Local\DSR Desk\workspace",
        "/home/petra/.local/share/DSR Desk/workspace",
        "/srv/dropboxes-of-letters/ws",  # a name that only starts like one
    ],
)
def test_local_folders_and_network_shares_are_not(path):
    assert cloud_sync_service(path) is None
