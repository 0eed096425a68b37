"""Whether one product code may earn an installer rebate: the rule the counter applies when the
code is scanned and the server applies when the claim arrives.

A product earns its rebate once, and only when it was sold through a dealer: the brand's code
registry says it was shipped to a dealer (``shipped``) or received in a dealer's warehouse
(``received``). The checks run in one order on both sides, so the first reason the server
would give is the reason the counter gives at the scan. The server judges by its registry; the
counter by what it pulled of it (see ``app.domain.workflows.counter.rebates``), so the server's
answer stays the one that counts.
"""

from __future__ import annotations

# The reason codes, as the sync protocol sends them (``sync.protocol.Reason`` has the same values).
CODE_UNKNOWN = "code.unknown"
CODE_REPEATED = "claim.code_repeated"
CODE_NOT_SOLD = "claim.code_not_sold"
CODE_ALREADY_CLAIMED = "claim.code_already_claimed"

# Registry states of a code that was sold through a dealer.
SOLD = frozenset({"shipped", "received"})
# The state of a code whose sale the judge cannot see although the code may exist: a dealer's
# counter keeps only the part of the registry its site and dealer are told, and is never told
# another dealer's sale, so it leaves the sale to the brand (which knows every code and pays for
# a sale through any dealer) and judges the rest. It never refuses what the brand would pay.
UNSEEN = "~unseen"


def code_refusal(status: str | None, *, repeated: bool, claimed_before: bool) -> str | None:
    """The reason code that refuses a product code in a claim, or None when it may earn.

    ``status`` is the code's registry state (None: not in the registry; ``UNSEEN``: the judge
    does not hold that part of it), ``repeated`` whether the claim already holds it,
    ``claimed_before`` whether a standing claim already earned it."""
    if repeated:
        return CODE_REPEATED
    if status is None:
        return CODE_UNKNOWN
    if status != UNSEEN and status not in SOLD:
        return CODE_NOT_SOLD
    if claimed_before:
        return CODE_ALREADY_CLAIMED
    return None
