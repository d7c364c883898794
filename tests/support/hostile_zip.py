"""ZIP files an attacker would make, built by hand where zipfile would refuse to: a member that inflates to
gigabytes from a few megabytes, without the test spending the time or memory to compress that much."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

_BLOCK = 1024 * 1024


def zero_bomb_stream(size: int) -> bytes:
    """Raw deflate data inflating to `size` zero bytes (a multiple of 1 MiB): one fully flushed block of
    a mebibyte of zeros does not refer back, so the same compressed bytes can simply be repeated."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(bytes(_BLOCK)) + compressor.flush(zlib.Z_FULL_FLUSH)
    return block * (size // _BLOCK) + compressor.flush()


def write_zip(path: Path, members: list[tuple[str, bytes, int, int]]) -> Path:
    """A ZIP of deflated members given as (name, raw deflate data, declared uncompressed size, CRC-32)."""
    local, central = bytearray(), bytearray()
    for name, data, size, crc in members:
        encoded = name.encode("utf-8")
        offset = len(local)
        header = struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, 20, 0x800, 8, 0, 0x21, crc, len(data), size, len(encoded), 0
        )
        local += header + encoded + data
        central += (
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                0x800,
                8,
                0,
                0x21,
                crc,
                len(data),
                size,
                len(encoded),
                0,
                0,
                0,
                0,
                0,
                offset,
            )
            + encoded
        )
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), len(local), 0)
    Path(path).write_bytes(bytes(local + central + end))
    return Path(path)


def member(name: str, data: bytes) -> tuple[str, bytes, int, int]:
    """An honest member, for write_zip."""
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    return name, compressor.compress(data) + compressor.flush(), len(data), zlib.crc32(data)
