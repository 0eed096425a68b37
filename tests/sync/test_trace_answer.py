"""The server's trace (wire model) becomes the counter's BrandTrace: the places are the distinct
stations that scanned the code, sorted; the warnings are their kinds; the rest is carried over."""

from __future__ import annotations

from app.domain.workflows.counter.verify import BrandTrace
from sync.client.trace import brand_trace
from sync.protocol import Trace, TraceStep


def test_the_wire_trace_becomes_the_counters_model():
    wire = Trace(
        key="sgtin:06901234567892.A1",
        known=True,
        product_name="净水器滤芯",
        batch_id="B1",
        issued_at="2025-04-01T08:00:00Z",
        ancestors=["sgtin:16901234567899.C1", "sscc:069012340000000017"],
        status="shipped",
        dealer_id="D001",
        order_id="SO-1",
        shipped_at="2025-05-01T09:00:00Z",
        scan_count=4,
        steps=[
            TraceStep(at="2025-05-01T09:00:00Z", what="shipped", station="W01"),
            TraceStep(at="2025-05-03T10:00:00Z", what="verify", station="C07"),
            TraceStep(at="2025-05-04T10:00:00Z", what="verify", station="C07"),
            TraceStep(at="2025-05-05T10:00:00Z", what="issued", station=None),
        ],
        anomalies=[{"kind": "far_apart", "km": 1200}, {"kind": "too_close"}, {"note": "?"}],
    )
    assert brand_trace(wire) == BrandTrace(
        key="sgtin:06901234567892.A1",
        known=True,
        product_name="净水器滤芯",
        batch_id="B1",
        issued_at="2025-04-01T08:00:00Z",
        ancestors=("sgtin:16901234567899.C1", "sscc:069012340000000017"),
        status="shipped",
        dealer_id="D001",
        order_id="SO-1",
        shipped_at="2025-05-01T09:00:00Z",
        scan_count=4,
        places=("C07", "W01"),
        anomalies=frozenset({"far_apart", "too_close"}),
    )


def test_a_code_the_brand_never_issued_carries_no_details():
    assert brand_trace(Trace(key="brand:LJ0", known=False)) == BrandTrace("brand:LJ0", False)
