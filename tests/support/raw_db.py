"""Direct access to an encrypted database with its key, as someone holding the key (or a crash) could."""

from __future__ import annotations

from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from dsr_desk.store.crypto import derive_subkey


def raw_connection(path: Path, key: bytes) -> sqlcipher.Connection:
    connection = sqlcipher.connect(str(path), isolation_level=None)
    connection.execute("PRAGMA cipher_log_level = NONE")
    connection.execute("PRAGMA key = \"x'" + key.hex() + "'\"")
    return connection


def index_key(master: bytes) -> bytes:
    return derive_subkey(master, "dsr-desk/index/v1")
