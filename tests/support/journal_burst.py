"""A process that appends events as fast as it can and prints each one once it is acknowledged.

Used by the crash test: the parent kills it with SIGKILL at a random moment and
then checks that every event printed here (acknowledged) survived.
"""

import sys
import threading

from app.domain.store import journal
from app.domain.store.database import open_database
from app.domain.store.writer import Writer


def main(path: str, run: str) -> None:
    open_database(path)
    writer = Writer(path)
    writer.start()
    lock = threading.Lock()

    def burst(worker: int) -> None:
        n = 0
        while True:
            n += 1
            payload = {"run": run, "worker": worker, "n": n}
            event = writer.call(
                lambda conn, p=payload: journal.append(
                    conn, "ObjectEvent", p, operator="op", station="ST"
                )
            )
            with lock:
                sys.stdout.write(f"{event.event_id} {run}:{worker}:{n}\n")
                sys.stdout.flush()

    threads = [threading.Thread(target=burst, args=(w,), daemon=True) for w in range(3)]
    print("ready", flush=True)
    for t in threads:
        t.start()
    for t in threads:
        t.join()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
