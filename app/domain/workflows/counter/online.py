"""Lookups a person at the counter waits for: the brand's trace of a code, a voucher's status.

They go through the sync client's transport (same credential, TLS and error mapping), but
with one attempt and short timeouts: when the network is poor the clerk gets the offline
answer in seconds instead of a retry loop. Call from a worker thread, never the GUI thread.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from app.domain.store.writer import Writer
from sync.client.client import SyncClient
from sync.client.transport import RetryPolicy, SyncError
from sync.protocol import API_PREFIX, Trace, VoucherStatus

ONE_TRY = RetryPolicy(attempts=1)


class ServerLookups:
    def __init__(
        self,
        db_path: str | Path,
        writer: Writer,
        *,
        connect_timeout: float = 2.0,
        read_timeout: float = 5.0,
    ) -> None:
        self.client = SyncClient(
            db_path,
            writer,
            connect_timeout=connect_timeout,
            read_timeout=read_timeout,
            policy=ONE_TRY,
        )

    def trace(self, key: str) -> Trace:
        """Raises ``SyncError`` (``Offline``, ``NotEnrolled``...) when the brand cannot be asked."""
        data = self.client.transport().get_json(
            f"{API_PREFIX}/trace/{quote(key, safe=':')}", attempts=1
        )
        return Trace.model_validate(data)

    def voucher_status(self, voucher_id: str) -> VoucherStatus:
        data = self.client.transport().get_json(
            f"{API_PREFIX}/vouchers/{quote(voucher_id)}", attempts=1
        )
        return VoucherStatus.model_validate(data)

    def reachable(self) -> bool:
        try:
            self.client.transport().get_json(f"{API_PREFIX}/info", attempts=1)
        except SyncError:
            return False
        return True

    def close(self) -> None:
        self.client.close()
