"""Moved to ``app.domain.rules.tokens`` (station and server share the token format); this name
stays only until the last importers switch over, then it goes."""

from app.domain.rules.tokens import (  # noqa: F401
    CARD,
    KINDS,
    MAX_TOKEN_LENGTH,
    VOUCHER,
    Token,
    TokenError,
    b64d,
    b64e,
    load_public_key,
    peek,
    public_key_text,
    sign,
    verify,
)
