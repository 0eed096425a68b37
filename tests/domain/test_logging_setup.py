"""Log files: rotating, in the data folder, and never holding a PIN, password or token."""

import logging

import pytest

from app.logging_setup import LOG_FILENAME, redact, setup_logging, teardown_logging


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("login pin=4711 ok", "4711"),
        ("PIN: 4711", "4711"),
        ('{"password": "hunter2"}', "hunter2"),
        ("Authorization: Bearer eyJhbGciOi.abc", "eyJhbGciOi"),
        ("token=abc123&x=1", "abc123"),
        ("api_key='k-99'", "k-99"),
        ("private-key 0011aabb", "0011aabb"),
    ],
)
def test_secrets_are_masked(text, secret):
    cleaned = redact(text)
    assert secret not in cleaned
    assert "***" in cleaned


def test_ordinary_text_is_untouched():
    text = "scan sgtin:06901234567892.ABC ok for operator Wang; spinner=3"
    assert redact(text) == text


def test_log_file_in_data_dir_masks_arguments(tmp_path):
    path = setup_logging(tmp_path)
    try:
        logging.getLogger("test").warning("creating operator %s with pin=%s", "Zhao", "9876")
        logging.getLogger("test").info("station started")
    finally:
        teardown_logging()
    assert path == tmp_path / "logs" / LOG_FILENAME
    text = path.read_text(encoding="utf-8")
    assert "Zhao" in text and "station started" in text
    assert "9876" not in text


def test_setup_twice_keeps_one_handler(tmp_path):
    setup_logging(tmp_path / "a")
    setup_logging(tmp_path / "b")
    try:
        ours = [h for h in logging.getLogger().handlers if getattr(h, "_yima_log", False)]
        assert len(ours) == 1
    finally:
        teardown_logging()
    assert not [h for h in logging.getLogger().handlers if getattr(h, "_yima_log", False)]
