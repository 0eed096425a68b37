"""The UI tests' station and window, defined once.

A test module says what its station holds with a marker instead of redefining the fixtures::

    pytestmark = pytest.mark.station(
        operators=[("Zhang", "1111", Role.COUNTER)],  # name, PIN, role
        seed=seed_counter,  # seed(conn, ...) in one writer transaction
        uses=("brand",),  # fixtures the station needs; seed and setup get those they name
        prepare=None,  # prepare(data_dir) before the database opens (e.g. app.demo.prepare)
        setup=None,  # setup(context, ...) once the station is open (e.g. enroll it)
        sync={"interval": 3600},  # options for the station's sync engine
        language="en",
    )
    pytestmark = pytest.mark.window(pages=None, size=(1280, 800), login=("Zhang", "1111"))

``context`` is the station (a real SQLite file, its writer, gateway and sync engine);
``app_station`` is the whole station built by the composition root (``app/ui/station.py``)
over it; ``window`` is its window, shown, started and (when the marker says so) logged in.
``pages=()`` builds the bare shell with no area pages; ``make_station`` builds more than one.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from app.ui.main_window import MainWindow
from app.ui.station import Station, build_station
from tests.support.shell import add_operator, log_in
from tests.support.shell import station as open_station


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "station(**spec): what the UI test's station holds")
    config.addinivalue_line("markers", "window(**spec): how the UI test's window is built")


def _wanted(fn: Callable[..., Any], given: dict[str, Any]) -> dict[str, Any]:
    """The fixtures among ``given`` that ``fn`` names as parameters."""
    names = inspect.signature(fn).parameters
    return {name: value for name, value in given.items() if name in names}


def _spec(request: pytest.FixtureRequest, name: str) -> dict[str, Any]:
    spec: dict[str, Any] = {}
    for marker in reversed(list(request.node.iter_markers(name))):  # module, then test
        spec.update(marker.kwargs)
    return spec


@pytest.fixture
def context(request: pytest.FixtureRequest, tmp_path) -> Iterator[Any]:
    spec = _spec(request, "station")
    given = {name: request.getfixturevalue(name) for name in spec.get("uses", ())}
    if spec.get("prepare") is not None:
        spec["prepare"](tmp_path)
    with open_station(tmp_path, **spec.get("sync", {})) as ctx:
        if "language" in spec:
            ctx.language = spec["language"]
        seed = spec.get("seed")
        if seed is not None:
            ctx.gateway.writer.call(lambda conn: seed(conn, **_wanted(seed, given)))
        for name, pin, role in spec.get("operators", ()):
            add_operator(ctx, name, pin, role)
        if spec.get("setup") is not None:
            spec["setup"](ctx, **_wanted(spec["setup"], given))
        yield ctx


@pytest.fixture
def make_station(qtbot, context) -> Iterator[Callable[..., Station]]:
    """Build, show and start a station window; ``login=(name, pin)`` logs in by typing."""
    built: list[Station] = []

    def make(
        *,
        pages: Any = None,
        size: tuple[int, int] = (1280, 800),
        login: tuple[str, str] | None = None,
        before_start: Callable[[MainWindow], None] | None = None,
    ) -> Station:
        whole = build_station(context) if pages is None else build_station(context, pages=pages)
        window = whole.window
        qtbot.addWidget(window)
        window.resize(*size)
        if before_start is not None:
            before_start(window)
        window.show()
        window.start()
        built.append(whole)
        if login is not None:
            log_in(qtbot, window, *login)
        return whole

    yield make
    for whole in built:
        whole.stop()
        whole.window.close()


@pytest.fixture
def app_station(request: pytest.FixtureRequest, make_station) -> Station:
    return make_station(**_spec(request, "window"))


@pytest.fixture
def window(app_station: Station) -> MainWindow:
    return app_station.window


@pytest.fixture
def chinese(qapp) -> Iterator[None]:
    """Every Simplified Chinese translation the station ships, installed for one test."""
    from app.ui.translations import install_translations

    translators = install_translations(qapp, "zh_CN")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def touch(qapp) -> Iterator[None]:
    """The station's look as ``app/ui/application.py`` sets it up: buttons and inputs a
    fingertip high (it changes how tall, and in what font, they draw) and type never smaller
    than 11 pt (what fits a handheld's width depends on it)."""
    from app.ui.application import _station_font
    from app.ui.compact import install_touch_targets

    sheet, font = qapp.styleSheet(), qapp.font()
    install_touch_targets(qapp)
    _station_font(qapp)
    yield
    qapp.setStyleSheet(sheet)
    qapp.setFont(font)


@pytest.fixture
def demo_gun(context) -> Iterator[Any]:
    """The demo gun as the station's scanner, so its dock, the scanner settings and the status
    light show as they do on a station with a gun."""
    from app.ui.scan_bridge import ScanBridge

    bridge = ScanBridge(context.dispatcher)
    bridge.add("sim")
    context.scan_bridge = bridge
    yield bridge
    bridge.shutdown()
