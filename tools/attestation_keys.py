#!/usr/bin/env python3
"""Generate the attestation tests' keys and expected Ed25519 signatures, independently of ML Gates' Java code.

Writes mlgates-core/src/test/resources/io/mlgates/core/attestation/keys/: two Ed25519 keys from fixed seeds
(signer, other), each as an OpenSSH private key (openssh-key-v1, unencrypted), a PKCS#8 PEM private key, an OpenSSH
public key line and a PEM SubjectPublicKeyInfo, all written by the cryptography package (Debian:
python3-cryptography); signer-encrypted.openssh, the signer's key encrypted with the passphrase "secret" by OpenSSH's
ssh-keygen -p; and expected-envelope.json: a fixed payload, its DSSE pre-authentication encoding computed here, and
the envelope cryptography's Ed25519 signs over it (Ed25519 is deterministic, RFC 8032, so ML Gates' signature with the
same key must be the same bytes). The outputs are committed; run this again only to change them:

    /usr/bin/python3 tools/attestation_keys.py
"""

import base64
import hashlib
import json
import shutil
import subprocess
import tempfile
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "mlgates-core" / "src" / "test" / "resources" / "io" / "mlgates" / "core" / "attestation" / "keys"
PAYLOAD_TYPE = "application/vnd.in-toto+json"


def pae(payload_type: str, payload: bytes) -> bytes:
    kind = payload_type.encode("utf-8")
    return b"DSSEv1 %d %b %d %b" % (len(kind), kind, len(payload), payload)


def fingerprint(public_line: bytes) -> str:
    blob = base64.b64decode(public_line.split()[1])
    return "SHA256:" + base64.b64encode(hashlib.sha256(blob).digest()).decode().rstrip("=")


def write_key(name: str, seed_text: str) -> Ed25519PrivateKey:
    key = Ed25519PrivateKey.from_private_bytes(hashlib.sha256(seed_text.encode()).digest())
    (OUT / f"{name}.openssh").write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.OpenSSH, serialization.NoEncryption()))
    (OUT / f"{name}.pkcs8.pem").write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    public = key.public_key()
    line = public.public_bytes(serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH)
    (OUT / f"{name}.pub").write_bytes(line + f" {name}@example.com\n".encode())
    (OUT / f"{name}.spki.pem").write_bytes(public.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
    return key


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    signer = write_key("signer", "ML Gates attestation test key: signer")
    write_key("other", "ML Gates attestation test key: other")
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "key"
        shutil.copy(OUT / "signer.openssh", copy)
        copy.chmod(0o600)
        subprocess.run(["ssh-keygen", "-q", "-p", "-P", "", "-N", "secret", "-f", str(copy)], check=True)
        shutil.copy(copy, OUT / "signer-encrypted.openssh")
    payload = json.dumps({"_type": "https://in-toto.io/Statement/v1",
                          "subject": [{"name": "model/model.pkl", "digest": {"sha256": "0" * 64}}],
                          "predicateType": "https://in-toto.io/attestation/test-result/v0.1",
                          "predicate": {"result": "PASSED", "configuration": []}},
                         separators=(",", ":")).encode()
    signed = pae(PAYLOAD_TYPE, payload)
    public_line = signer.public_key().public_bytes(serialization.Encoding.OpenSSH,
                                                   serialization.PublicFormat.OpenSSH)
    expected = {
        "payloadType": PAYLOAD_TYPE,
        "payloadBase64": base64.b64encode(payload).decode(),
        "paeBase64": base64.b64encode(signed).decode(),
        "keyid": fingerprint(public_line),
        "sigBase64": base64.b64encode(signer.sign(signed)).decode(),
    }
    (OUT / "expected-envelope.json").write_text(json.dumps(expected, indent=2) + "\n")


if __name__ == "__main__":
    main()
