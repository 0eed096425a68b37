"""The command line: the station GUI by default, subcommands for headless work.

Each subcommand lives in its own module under ``app.commands`` and exposes
``NAME``, ``HELP``, ``add_arguments(parser)`` and ``run(args) -> int``. Modules
import their heavy dependencies inside ``run`` so that ``--help`` stays fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from types import ModuleType

from app import __version__

COMMAND_MODULES = (
    "app.commands.code",
    "app.commands.self_test",
    "app.commands.scan_test",
    "app.commands.backup",
    "app.commands.export",
    "app.commands.restore",
    "app.commands.server",
    "app.commands.sync",
    "app.commands.admin",
)


def _commands() -> list[ModuleType]:
    return [importlib.import_module(name) for name in COMMAND_MODULES]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="yima-scan",
        description="Yima Scan (一码扫) scanning station. Without a subcommand, opens the station window.",
        epilog="--self-test is accepted as another spelling of the self-test command.",
    )
    parser.add_argument("--version", action="version", version=f"Yima Scan {__version__}")
    parser.add_argument("--data-dir", help="folder for this station's database, logs and settings")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="start with a throw-away data folder full of sample data (no hardware or server needed)",
    )
    parser.add_argument(
        "--lang", choices=("zh_CN", "en"), help="interface language (default: system locale)"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in _commands():
        command = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.add_arguments(command)
        command.set_defaults(handler=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--self-test" in argv:  # the installed app's spelling: YimaScan --self-test
        argv[argv.index("--self-test")] = "self-test"
    args = build_parser().parse_args(argv)
    if args.command:
        return int(args.handler(args) or 0)
    from app.ui.application import run_gui

    return run_gui(args)
