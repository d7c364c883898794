"""signature.json: the workspace's Ed25519 signature over the archive's manifest.json, as written.

The manifest holds the SHA-256 of every other file and the audit chain's head, so one signature covers
the whole archive. The public key travels with it; the verifier reports its fingerprint, which a reader
compares with the one the organisation publishes (`dsr-desk fingerprint`, Settings, every summary.pdf), or
passes as `--expect`. An archive rebuilt by anyone without the workspace's key either fails the signature
or carries another key's fingerprint.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from dsr_desk.store import strict_json
from dsr_desk.store.crypto import b64
from dsr_desk.store.signing import ALGORITHM, Signer, fingerprint, signature_holds, unb64_or_none

SIGNATURE = "signature.json"
FORMAT = "dsr-desk-archive-signature"
MAX_SIGNATURE_BYTES = 64 * 1024


def signature_member(signer: Signer, manifest: bytes) -> bytes:
    data = {
        "format": FORMAT,
        "version": 1,
        "algorithm": ALGORITHM,
        "signed": "manifest.json",
        "public_key": b64(signer.public_key),
        "fingerprint": signer.fingerprint,
        "signature": b64(signer.sign(manifest)),
    }
    return json.dumps(data, indent=2).encode("utf-8")


@dataclass(frozen=True)
class SignatureCheck:
    fingerprint: str | None  # of the key that signed, computed from it: never the claimed text
    holds: bool


def check_signature(member: bytes, manifest: bytes) -> SignatureCheck:
    try:
        data = strict_json.loads(member)
    except ValueError:
        return SignatureCheck(None, False)
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("algorithm") != ALGORITHM:
        return SignatureCheck(None, False)
    public, signature = unb64_or_none(data.get("public_key")), unb64_or_none(data.get("signature"))
    if public is None or signature is None or len(public) != 32:
        return SignatureCheck(None, False)
    return SignatureCheck(fingerprint(public), signature_holds(public, signature, manifest))


def normalised_fingerprint(text: str) -> str:
    """As `fingerprint` prints it, whatever the case or separators someone typed."""
    digits = "".join(ch for ch in text.upper() if ch in "0123456789ABCDEF")
    return "-".join(digits[i : i + 4] for i in range(0, len(digits), 4))
