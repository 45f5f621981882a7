"""Imports flow one way (ui -> app -> rules); rules has no Qt; app has no widgets."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def imported_modules(package: str) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for path in sorted((ROOT / package).rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found += [(str(path.relative_to(ROOT)), alias.name) for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.append((str(path.relative_to(ROOT)), node.module))
    return found


FORBIDDEN = {
    "rules": ("PySide6", "shiboken6", "app", "ui", "openpyxl"),
    "app": ("ui", "PySide6.QtWidgets"),
}


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_imports_nothing_above_it(package: str) -> None:
    bad = [
        f"{where} imports {module}"
        for where, module in imported_modules(package)
        if any(module == f or module.startswith(f + ".") for f in FORBIDDEN[package])
    ]
    assert not bad, "layering broken:\n" + "\n".join(bad)


def test_the_checker_sees_imports() -> None:
    modules = {module for _, module in imported_modules("app")}
    assert "rules" in modules or any(m.startswith("rules.") for m in modules)
