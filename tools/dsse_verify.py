#!/usr/bin/env python3
"""Verify DSSE envelopes of in-toto Statements with an Ed25519 public key, independently of ML Gates' Java code.

    /usr/bin/python3 tools/dsse_verify.py FILE.intoto.jsonl PUBLIC_KEY

FILE holds one DSSE JSON envelope a line (github.com/secure-systems-lab/dsse, envelope.md). PUBLIC_KEY is an
OpenSSH public key line (ssh-ed25519 ...) or a PEM SubjectPublicKeyInfo. For each envelope the pre-authentication
encoding is computed here as the DSSE protocol v1 defines it, the signatures are checked with the cryptography
package (Debian: python3-cryptography), the payload type must be application/vnd.in-toto+json and the payload an
in-toto Statement v1. Prints one line per envelope, "OK <line> <predicateType> <subject count>", or "BAD <line>
<why>". Exits 0 when every envelope verifies, 1 when one does not, 2 on unreadable input.
"""

import base64
import binascii
import json
import sys

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import load_pem_public_key, load_ssh_public_key

PAYLOAD_TYPE = "application/vnd.in-toto+json"
STATEMENT_TYPE = "https://in-toto.io/Statement/v1"


def pae(payload_type: str, payload: bytes) -> bytes:
    kind = payload_type.encode("utf-8")
    return b"DSSEv1 %d %b %d %b" % (len(kind), kind, len(payload), payload)


def b64decode(text: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except binascii.Error:
        return base64.b64decode(text, altchars=b"-_", validate=True)


def load_key(path: str) -> Ed25519PublicKey:
    with open(path, "rb") as f:
        data = f.read().strip()
    key = load_pem_public_key(data) if data.startswith(b"-----BEGIN") else load_ssh_public_key(data)
    if not isinstance(key, Ed25519PublicKey):
        raise ValueError(f"{path}: not an Ed25519 public key")
    return key


def verify(line: str, key: Ed25519PublicKey) -> str:
    envelope = json.loads(line)
    payload_type = envelope["payloadType"]
    payload = b64decode(envelope["payload"])
    message = pae(payload_type, payload)
    for signature in envelope["signatures"]:
        try:
            key.verify(b64decode(signature["sig"]), message)
            break
        except InvalidSignature:
            continue
    else:
        raise InvalidSignature("no signature verifies with the key")
    if payload_type != PAYLOAD_TYPE:
        raise InvalidSignature(f"payload type {payload_type}, expected {PAYLOAD_TYPE}")
    statement = json.loads(payload)
    if statement.get("_type") != STATEMENT_TYPE:
        raise InvalidSignature("the payload is not an in-toto Statement v1")
    return f"{statement['predicateType']} {len(statement['subject'])}"


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        key = load_key(sys.argv[2])
        with open(sys.argv[1], encoding="utf-8") as f:
            lines = [l for l in f.read().split("\n") if l.strip()]
    except (OSError, ValueError) as e:
        print(f"cannot read: {e}", file=sys.stderr)
        return 2
    if not lines:
        print(f"{sys.argv[1]}: no envelope", file=sys.stderr)
        return 2
    bad = 0
    for number, line in enumerate(lines, 1):
        try:
            print(f"OK {number} {verify(line, key)}")
        except (InvalidSignature, ValueError, KeyError, TypeError) as e:
            print(f"BAD {number} {e or type(e).__name__}")
            bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
