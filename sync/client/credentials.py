"""The station's device credential, kept in the OS credential store through ``keyring``.

Never in a plain file, never in a log: the station database holds only the station id and the
server it enrolled with; the bearer token itself lives in Windows Credential Manager, the macOS
keychain or the Secret Service on Linux. ``MemoryKeyring`` is for tests and the demo, where a
throw-away credential must not outlive the process.
"""

from __future__ import annotations

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

SERVICE = "Yima Scan sync"


class CredentialStoreError(RuntimeError):
    """The OS credential store is missing or refused; the operator text says what to do."""


class MemoryKeyring(KeyringBackend):
    """A credential store that lives only in this process (tests, demo)."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self._values: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._values.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._values[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self._values.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("no such credential")


def account(server_id: str, station_id: str) -> str:
    return f"{station_id}@{server_id}"


def save(server_id: str, station_id: str, credential: str) -> None:
    try:
        keyring.set_password(SERVICE, account(server_id, station_id), credential)
    except keyring.errors.KeyringError as exc:
        raise CredentialStoreError(
            "The system credential store is not available, so the station cannot keep its sync "
            "credential safely. On Linux install and unlock a Secret Service keyring (e.g. GNOME Keyring)."
        ) from exc


def load(server_id: str, station_id: str) -> str | None:
    try:
        return keyring.get_password(SERVICE, account(server_id, station_id))
    except keyring.errors.KeyringError as exc:
        raise CredentialStoreError("The system credential store is not available.") from exc


def forget(server_id: str, station_id: str) -> None:
    try:
        keyring.delete_password(SERVICE, account(server_id, station_id))
    except keyring.errors.PasswordDeleteError:
        pass
    except keyring.errors.KeyringError as exc:
        raise CredentialStoreError("The system credential store is not available.") from exc
