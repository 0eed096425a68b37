"""Enrollment from the installer's rollout settings: IT puts the server address and a one-time
code on the command line of a silent install; the station enrolls itself at its first sync."""

from __future__ import annotations

import logging

from app.settings import Settings
from sync.client.client import SyncClient

log = logging.getLogger(__name__)

ENROLL_CODE_KEY = "rollout.enroll_code"  # written by app.rollout; emptied once used


def enroll_from_rollout(client: SyncClient, settings: Settings) -> bool:
    """Enroll with the rollout's code when the station is not enrolled yet; True when it did."""
    code = settings.get(ENROLL_CODE_KEY)
    if not code or not settings.server_url or client.setting("sync.station_id"):
        return False
    client.enroll(settings.server_url, code, station_name=settings.station_name)
    settings.set(ENROLL_CODE_KEY, "")
    log.info("enrolled from the rollout settings with %s", settings.server_url)
    return True
