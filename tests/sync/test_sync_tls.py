"""TLS: the station verifies the server's certificate by default and can trust a private CA."""

from __future__ import annotations

import datetime as dt
import ipaddress

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from sync.client.transport import Offline
from sync.server import admin
from sync.server.db import open_database
from sync.server.embedded import ServerThread
from sync.server.service import Server
from tests.support.sync_station import Station


def _certificate(
    name: str, key, issuer_name, issuer_key, *, ca: bool, ip: str | None = None
) -> x509.Certificate:
    now = dt.datetime.now(dt.UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)]))
        .issuer_name(issuer_name or x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)]))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )
    if ip:
        builder = builder.add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address(ip))]),
                                        critical=False)  # fmt: skip
    return builder.sign(issuer_key, hashes.SHA256())


@pytest.fixture
def tls_server(tmp_path):
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = _certificate("Yima test CA", ca_key, None, ca_key, ca=True)
    key = ec.generate_private_key(ec.SECP256R1())
    cert = _certificate("127.0.0.1", key, ca.subject, ca_key, ca=False, ip="127.0.0.1")
    (tmp_path / "ca.pem").write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    (tmp_path / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (tmp_path / "key.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                         serialization.NoEncryption()))  # fmt: skip
    db = open_database(str(tmp_path / "server.sqlite3"))
    server = Server(db, snapshot_dir=tmp_path / "snaps")
    thread = ServerThread(
        server, tls_cert=str(tmp_path / "cert.pem"), tls_key=str(tmp_path / "key.pem")
    ).start()
    yield server, thread.url, str(tmp_path / "ca.pem")
    thread.stop()
    db.close()


def test_the_certificate_is_verified_by_default_and_a_private_ca_can_be_trusted(
    tls_server, tmp_path, memory_keyring
):
    server, url, ca_bundle = tls_server
    assert url.startswith("https://")
    code = admin.create_enrollment_code(server)
    untrusting = Station(tmp_path / "a")
    try:
        with pytest.raises(Offline) as refused:
            untrusting.client.enroll(url, code)
        assert "TLS" in refused.value.detail
    finally:
        untrusting.close()
    trusting = Station(tmp_path / "b", ca_bundle=ca_bundle)
    try:
        trusting.client.enroll(url, code)
        trusting.client.sync_once()
        assert trusting.client.setting("sync.ca_bundle") == ca_bundle
    finally:
        trusting.close()
