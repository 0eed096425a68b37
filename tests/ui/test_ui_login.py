"""Logging in with the keyboard alone: first-start admin, right and wrong PINs, the lock-out."""

from PySide6.QtCore import Qt

from app.domain.operators import LoginThrottle, Role
from app.ui.login import LoginScreen
from tests.support.shell import add_operator


def _screen(qtbot, context, **kwargs):
    screen = LoginScreen(context.gateway, **kwargs)
    qtbot.addWidget(screen)
    screen.show()
    screen.start()
    return screen


def test_a_fresh_station_asks_for_the_administrator(qtbot, context):
    screen = _screen(qtbot, context)
    qtbot.waitUntil(lambda: screen.forms.currentIndex() == 1)
    qtbot.keyClicks(screen.setup_name, "Wang Li")
    qtbot.keyClick(screen.setup_name, Qt.Key.Key_Return)
    qtbot.keyClicks(screen.setup_pin, "2468")
    qtbot.keyClick(screen.setup_pin, Qt.Key.Key_Return)
    qtbot.keyClicks(screen.setup_repeat, "2469")
    qtbot.keyClick(screen.setup_repeat, Qt.Key.Key_Return)
    assert "differ" in screen.notice.text()
    with qtbot.waitSignal(screen.logged_in, timeout=5000) as signal:
        qtbot.keyClicks(screen.setup_repeat, "2468")
        qtbot.keyClick(screen.setup_repeat, Qt.Key.Key_Return)
    admin = signal.args[0]
    assert admin.name == "Wang Li" and admin.role is Role.ADMIN


def test_the_admin_pin_must_be_digits_of_the_right_length(qtbot, context):
    screen = _screen(qtbot, context)
    qtbot.waitUntil(lambda: screen.forms.currentIndex() == 1)
    screen.setup_name.setText("Wang")
    qtbot.keyClicks(screen.setup_pin, "12ab")  # the field takes digits only
    assert screen.setup_pin.text() == "12"
    screen.setup_repeat.setText("12")
    screen.submit_setup()
    qtbot.waitUntil(lambda: "4 to 12 digits" in screen.notice.text())


def test_right_pin_logs_in_and_wrong_pin_says_so(qtbot, context):
    add_operator(context, "Boss", "2468", Role.ADMIN)
    zhao = add_operator(context, "Zhao", "1357", Role.WAREHOUSE)
    screen = _screen(qtbot, context, last_operator_id=zhao.id)
    qtbot.waitUntil(lambda: screen.forms.currentIndex() == 0)
    assert screen.selected_operator() == zhao  # the usual operator is preselected
    qtbot.keyClicks(screen.pin, "2468")  # Boss's PIN, not Zhao's
    qtbot.keyClick(screen.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Wrong PIN" in screen.notice.text())
    assert screen.notice.text().endswith(": 4")
    assert screen.pin.text() == ""
    with qtbot.waitSignal(screen.logged_in, timeout=5000) as signal:
        qtbot.keyClicks(screen.pin, "1357")
        qtbot.keyClick(screen.pin, Qt.Key.Key_Return)
    assert signal.args[0] == zhao


def test_arrow_keys_in_the_pin_field_choose_the_operator(qtbot, context):
    add_operator(context, "Alpha", "1111", Role.COUNTER)
    add_operator(context, "Bravo", "2222", Role.COUNTER)
    screen = _screen(qtbot, context)
    qtbot.waitUntil(lambda: screen.forms.currentIndex() == 0)
    assert screen.selected_operator().name == "Alpha"
    qtbot.keyClick(screen.pin, Qt.Key.Key_Down)
    assert screen.selected_operator().name == "Bravo"
    qtbot.keyClick(screen.pin, Qt.Key.Key_Down)  # wraps around
    assert screen.selected_operator().name == "Alpha"
    qtbot.keyClick(screen.pin, Qt.Key.Key_Up)
    assert screen.selected_operator().name == "Bravo"
    assert screen.pin.text() == ""


def test_five_wrong_pins_lock_the_screen_for_thirty_seconds(qtbot, context):
    add_operator(context, "Zhao", "1357", Role.COUNTER)
    now = [0.0]
    screen = _screen(qtbot, context, throttle=LoginThrottle(clock=lambda: now[0]))
    qtbot.waitUntil(lambda: screen.forms.currentIndex() == 0)
    for attempt in range(5):
        qtbot.waitUntil(screen.pin.isEnabled)
        qtbot.keyClicks(screen.pin, "0000")
        qtbot.keyClick(screen.pin, Qt.Key.Key_Return)
        if attempt < 4:
            qtbot.waitUntil(lambda a=attempt: screen.notice.text().endswith(f": {4 - a}"))
    qtbot.waitUntil(lambda: "Try again in 30 s" in screen.notice.text())
    assert not screen.pin.isEnabled()
    screen.pin.setText("1357")  # even the right PIN is not checked while locked
    screen.submit_pin()
    now[0] = 12.2
    qtbot.waitUntil(lambda: "18 s" in screen.notice.text())
    now[0] = 30.0
    qtbot.waitUntil(screen.pin.isEnabled)
    assert screen.notice.text() == ""
    with qtbot.waitSignal(screen.logged_in, timeout=5000):
        screen.pin.setText("1357")
        qtbot.keyClick(screen.pin, Qt.Key.Key_Return)
