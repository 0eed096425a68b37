"""A station process that enrolls and pulls, printing how many registry rows it has loaded
(rows a writer action: ``chunk``) and holding still once ``pause_at`` rows are loaded, so the
crash test's SIGKILL lands in the middle of the load on a busy machine too. The test then
checks that the station, started again, holds what a replay holds."""

import sys
import time
from pathlib import Path

import keyring

from sync.client import registry
from sync.client.credentials import MemoryKeyring
from tests.support.sync_station import Station


def main(folder: str, url: str, code: str, chunk: str, pause_at: str) -> None:
    keyring.set_keyring(MemoryKeyring())
    registry.CHUNK_ROWS = int(chunk)
    station = Station(Path(folder))
    station.client.enroll(url, code)

    def progress(phase: str, done: int, total: int | None) -> None:
        if phase == registry.PHASE and total:  # rows loaded, acknowledged by the writer or not
            print(f"loaded {done}", flush=True)
            if done >= int(pause_at):
                time.sleep(60)  # killed here

    station.client.progress = progress
    station.client.pull()
    print("done", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
