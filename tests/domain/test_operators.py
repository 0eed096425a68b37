"""Operators and PINs: salted slow hashes, roles, the last administrator, and the login lock-out."""

import pytest

from app.domain import operators
from app.domain.operators import LoginThrottle, OperatorError, Role
from app.domain.store.database import connect, open_database


@pytest.fixture
def conn(tmp_path):
    path = tmp_path / "station.sqlite3"
    open_database(path)
    connection = connect(path)
    yield connection
    connection.close()


def test_pin_hash_is_salted_and_verifies():
    first, second = operators.hash_pin("1234"), operators.hash_pin("1234")
    assert first != second  # salted
    assert "1234" not in first
    assert operators.pin_matches("1234", first)
    assert not operators.pin_matches("1235", first)
    assert not operators.pin_matches("1234", "garbage")
    assert not operators.pin_matches("1234", "md5$x$y$z$00$00")


def test_create_list_and_verify(conn):
    admin = operators.create_operator(conn, "  Wang   Li ", "2468", Role.ADMIN)
    worker = operators.create_operator(conn, "Zhao", "1357", "warehouse")
    assert admin.name == "Wang Li"
    assert worker.role is Role.WAREHOUSE
    assert [o.name for o in operators.list_operators(conn)] == ["Wang Li", "Zhao"]
    assert operators.verify_pin(conn, worker.id, "1357") == worker
    assert operators.verify_pin(conn, worker.id, "2468") is None
    assert operators.verify_pin(conn, "nobody", "1357") is None
    stored = conn.execute("SELECT pin_hash FROM operators WHERE id = ?", (worker.id,)).fetchone()[0]
    assert stored.startswith("scrypt$") and "1357" not in stored


@pytest.mark.parametrize(
    ("name", "pin", "reason"),
    [
        ("A", "12a4", "operator.pin_not_digits"),
        ("A", "123", "operator.pin_length"),
        ("A", "1" * 13, "operator.pin_length"),
        ("A", "１２３４", "operator.pin_not_digits"),  # full-width digits from an IME
        ("   ", "1234", "operator.name_empty"),
        ("x" * 41, "1234", "operator.name_long"),
    ],
)
def test_bad_input_is_refused_with_a_reason(conn, name, pin, reason):
    with pytest.raises(OperatorError) as refused:
        operators.create_operator(conn, name, pin, Role.COUNTER)
    assert refused.value.reason == reason
    assert refused.value.message


def test_names_are_unique_ignoring_case(conn):
    operators.create_operator(conn, "Zhao", "1357", Role.COUNTER)
    with pytest.raises(OperatorError, match=r"operator\.name_taken"):
        operators.create_operator(conn, "zhao", "2468", Role.COUNTER)


def test_the_last_administrator_stays(conn):
    admin = operators.create_operator(conn, "Boss", "2468", Role.ADMIN)
    with pytest.raises(OperatorError, match=r"operator\.last_admin"):
        operators.update_operator(conn, admin.id, role=Role.COUNTER)
    with pytest.raises(OperatorError, match=r"operator\.last_admin"):
        operators.remove_operator(conn, admin.id)
    second = operators.create_operator(conn, "Deputy", "1111", Role.ADMIN)
    operators.remove_operator(conn, admin.id)
    assert [o.name for o in operators.list_operators(conn)] == ["Deputy"]
    assert operators.verify_pin(conn, admin.id, "2468") is None  # removed: can no longer log in
    assert operators.count_operators(conn) == 1
    changed = operators.update_operator(conn, second.id, name="Chief", pin="9999")
    assert changed.name == "Chief"
    assert operators.verify_pin(conn, second.id, "9999") is not None
    assert operators.verify_pin(conn, second.id, "1111") is None


def test_lockout_after_five_wrong_pins_for_thirty_seconds():
    now = [1000.0]
    throttle = LoginThrottle(clock=lambda: now[0])
    for expected_left in (4, 3, 2, 1):
        throttle.failed()
        assert throttle.tries_left == expected_left
        assert throttle.seconds_left() == 0
    throttle.failed()
    assert throttle.seconds_left() == pytest.approx(30)
    now[0] += 29.5
    assert throttle.seconds_left() == pytest.approx(0.5)
    now[0] += 0.5
    assert throttle.seconds_left() == 0
    assert throttle.tries_left == 5
    throttle.failed()
    throttle.succeeded()
    assert throttle.tries_left == 5
