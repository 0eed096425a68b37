"""The brand's trace of a code, from the server's answer (``sync.protocol.Trace``) into the
counter's own model (``BrandTrace``): the domain judges a code without reading the wire format."""

from __future__ import annotations

from app.domain.workflows.counter.verify import BrandTrace
from sync.protocol import Trace


def brand_trace(wire: Trace) -> BrandTrace:
    return BrandTrace(
        key=wire.key,
        known=wire.known,
        product_name=wire.product_name,
        batch_id=wire.batch_id,
        issued_at=wire.issued_at,
        ancestors=tuple(wire.ancestors),
        status=wire.status,
        dealer_id=wire.dealer_id,
        order_id=wire.order_id,
        shipped_at=wire.shipped_at,
        scan_count=wire.scan_count,
        places=tuple(sorted({step.station for step in wire.steps if step.station})),
        anomalies=frozenset(str(a["kind"]) for a in wire.anomalies if a.get("kind")),
    )
