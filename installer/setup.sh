#!/usr/bin/env bash
# Prepare a machine to run Yima Scan from source: system libraries (Debian, when root),
# then a virtual environment in .venv with the project installed in editable mode.
#   bash installer/setup.sh          # to run the app
#   bash installer/setup.sh --test   # also the test tools, PostgreSQL, PyInstaller and NSIS
set -euo pipefail
cd "$(dirname "$0")/.."

want_tests=0
[ "${1:-}" = "--test" ] && want_tests=1

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  packages=(
    python3-venv python3-dev
    libzbar0                                   # pyzbar loads it with ctypes
    libglib2.0-0                               # QtCore links against glib (absent on a minimal Debian)
    libfreetype6 libx11-6 libx11-xcb1 libxext6 libxrender1 libsm6 libice6  # Qt's xcb and font stack
    libpulse0                                  # QtMultimedia (sounds) links against it
    libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0
    libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-render-util0
    libxcb-image0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1
    fonts-wqy-microhei                         # Chinese glyphs for the operator screens
  )
  # tests: the server's PostgreSQL backend, a virtual screen, makensis for the Windows installer
  # script, Debian's chromium for the web console's browser tests (Playwright drives it), and
  # poppler's pdftoppm, which turns a printed PDF label into pixels for the decoder to read back
  [ "$want_tests" = 1 ] && packages+=(postgresql xvfb nsis chromium chromium-driver poppler-utils)
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
if [ "$want_tests" = 1 ]; then
  .venv/bin/python -m pip install -q -e '.[test,build]'
else
  .venv/bin/python -m pip install -q -e .
fi
echo "Yima Scan is ready in .venv"
