"""The layer rule: only the UI package imports Qt; the domain, hardware and sync stay Qt-free."""

import ast
from pathlib import Path

from tests.support import ROOT

QT_FREE = ["app/domain", "hardware", "sync", "app/commands", "app/cli.py", "app/paths.py"]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _python_files(entry: str) -> list[Path]:
    target = ROOT / entry
    return [target] if target.is_file() else sorted(target.rglob("*.py"))


def test_nothing_outside_the_ui_imports_qt():
    offenders = []
    for entry in QT_FREE:
        for path in _python_files(entry):
            qt = {n for n in _imports(path) if n.split(".")[0] in {"PySide6", "shiboken6"}}
            # app.commands may reach the UI only through a lazy import inside a function,
            # which is still an import of app.ui, not of PySide6 - so PySide6 itself is the test.
            if qt:
                offenders.append(f"{path.relative_to(ROOT)}: {sorted(qt)}")
    assert offenders == []


def test_the_check_would_catch_a_qt_import(tmp_path):
    leaky = tmp_path / "leak.py"
    leaky.write_text("def f():\n    from PySide6.QtCore import QObject\n", encoding="utf-8")
    assert "PySide6.QtCore" in _imports(leaky)
