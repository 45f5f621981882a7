"""The machinery that trims a PyInstaller Analysis; the policy (what and why) lives in the spec.

volunteer-check.spec declares the trim policy between the markers `# --- trim policy begin ---`
and `# --- trim policy end ---`, as plain literals with the reason for every exclusion.
load_policy() reads that block (ast.literal_eval, no code runs), so the baseline spec
(baseline/bare_wizard.spec), build.py and the tests apply and check exactly the same policy.

Used from .spec files (SPECPATH on sys.path) and from build.py; standard library only.
"""

from __future__ import annotations

import ast
import fnmatch
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import Any

HERE = Path(__file__).resolve().parent
APP_SPEC = HERE / "volunteer-check.spec"
BEGIN = "# --- trim policy begin ---"
END = "# --- trim policy end ---"

Entry = tuple[str, str, str]  # (dest_name, src_name, typecode) as in PyInstaller TOCs


def load_policy(spec: Path = APP_SPEC) -> dict[str, Any]:
    """The literal assignments between the policy markers of `spec`."""
    text = spec.read_text("utf-8")
    try:
        block = text.split(BEGIN, 1)[1].split(END, 1)[0]
    except IndexError:
        raise SystemExit(f"{spec}: trim policy markers not found") from None
    policy: dict[str, Any] = {}
    for node in ast.parse(block).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 \
                and isinstance(node.targets[0], ast.Name):
            policy[node.targets[0].id] = ast.literal_eval(node.value)
    return policy


def read_about(path: Path) -> dict[str, str]:
    """APP_NAME, APP_ID, VERSION... of app/about.py, read without importing the package."""
    values: dict[str, str] = {}
    for node in ast.parse(path.read_text("utf-8")).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 \
                and isinstance(node.targets[0], ast.Name) and isinstance(node.value, ast.Constant) \
                and isinstance(node.value.value, str):
            values[node.targets[0].id] = node.value.value
    return values


def platform_key() -> str:
    if sys.platform.startswith("linux"):
        return "linux"
    return sys.platform  # "win32", "darwin"


# ---------------------------------------------------------------------------- Qt plugins, data

def _qt_part(dest: str) -> tuple[str, ...] | None:
    """('plugins', 'platforms', 'libqxcb.so') for PySide6/Qt/plugins/platforms/libqxcb.so."""
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    if len(parts) >= 3 and parts[0] == "PySide6" and parts[1] == "Qt":
        return parts[2:]
    return None


def _keep_plugin(dest: str, policy: dict[str, Any]) -> bool:
    part = _qt_part(dest)
    if part is None or part[0] != "plugins" or len(part) < 3:
        return True
    folder, name = part[1], part[-1]
    if folder not in policy["QT_PLUGIN_FOLDERS_KEPT"]:
        return False
    if folder == "platforms":
        wanted = policy["QT_PLATFORM_PLUGINS"].get(platform_key(), [])
        return _stem(name) in wanted
    return True


def _stem(name: str) -> str:
    """libqxcb.so -> qxcb, qwindows.dll -> qwindows, libQt6Network.so.6 -> Qt6Network."""
    stem = PurePosixPath(name).name.split(".", 1)[0]
    return stem[3:] if stem.startswith("lib") else stem


def qt_languages(translation_dirs: Iterable[Path]) -> set[str]:
    """Languages the app ships (files NAME_xx.qm / NAME_xx_YY.qm in its own packages)."""
    langs: set[str] = set()
    for folder in translation_dirs:
        for qm in folder.rglob("*.qm") if folder.is_dir() else ():
            stem = qm.stem
            if "_" in stem:
                tail = stem.split("_", 1)[1]
                langs.add(tail)
                langs.add(tail.split("_")[0])
    return langs


def _keep_data(dest: str, policy: dict[str, Any], languages: set[str]) -> bool:
    posix = dest.replace("\\", "/")
    if any(fnmatch.fnmatchcase(posix, pattern) for pattern in policy["DATA_DROPPED"]):
        return False
    part = _qt_part(dest)
    if part is None:
        return True
    if part[0] == "translations":
        stem = PurePosixPath(part[-1]).stem  # qtbase_fr, qt_help_pt_BR
        for prefix in policy["QT_TRANSLATION_CATALOGUES"]:
            if stem.startswith(prefix + "_") and stem[len(prefix) + 1:] in languages:
                return True
        return False
    if part[0] == "plugins":
        return _keep_plugin(dest, policy)
    return True


# ---------------------------------------------------------------------------- shared libraries

def needed_libs(path: str) -> list[str]:
    """DT_NEEDED entries of an ELF file (objdump from binutils)."""
    out = subprocess.run(["objdump", "-p", path], capture_output=True, text=True, check=False)
    if out.returncode != 0:
        return []
    return [line.split()[1] for line in out.stdout.splitlines()
            if line.strip().startswith("NEEDED")]


def _closure(binaries: list[Entry], roots: set[str], always: set[str]) -> set[str]:
    """dest names of `binaries` reachable by DT_NEEDED from the root dest names."""
    by_soname: dict[str, list[Entry]] = {}
    for entry in binaries:
        by_soname.setdefault(PurePosixPath(entry[0]).name, []).append(entry)
    keep: set[str] = set()
    todo = [entry for entry in binaries if entry[0] in roots or _stem(entry[0]) in always]
    while todo:
        entry = todo.pop()
        if entry[0] in keep:
            continue
        keep.add(entry[0])
        for soname in needed_libs(entry[1]):
            todo.extend(e for e in by_soname.get(soname, []) if e[0] not in keep)
    return keep


def _is_root(entry: Entry, policy: dict[str, Any]) -> bool:
    dest, _src, kind = entry
    if kind in ("EXTENSION", "EXECUTABLE"):
        return True
    part = _qt_part(dest)
    if part is not None and part[0] == "plugins":
        return True
    return _stem(dest) in policy["ROOT_LIBRARIES"]


def trim(analysis: Any, policy: dict[str, Any], languages: set[str], log: Any = print) -> None:
    """Filter analysis.binaries / analysis.datas in place, following `policy`."""
    before = {entry[0]: entry for entry in list(analysis.binaries) + list(analysis.datas)}

    binaries: list[Entry] = [tuple(e) for e in analysis.binaries  # type: ignore[misc]
                             if e[2] == "SYMLINK" or _keep_plugin(e[0], policy)]
    dropped_libs = set(policy["QT_LIBRARIES_DROPPED"])
    binaries = [e for e in binaries if _stem(e[0]) not in dropped_libs]
    if platform_key() == "linux" and shutil.which("objdump"):
        real = [e for e in binaries if e[2] != "SYMLINK"]
        roots = {e[0] for e in real if _is_root(e, policy)}
        keep = _closure(real, roots, set(policy["ALWAYS_KEEP_LIBRARIES"]))
        binaries = [e for e in binaries if e[2] == "SYMLINK" or e[0] in keep]
    kept_dests = {e[0] for e in binaries if e[2] != "SYMLINK"}
    binaries = [e for e in binaries if e[2] != "SYMLINK" or _symlink_target(e) in kept_dests]

    datas = [tuple(e) for e in analysis.datas if _keep_data(e[0], policy, languages)]
    kept_dests |= {e[0] for e in datas}
    datas = [e for e in datas if e[2] != "SYMLINK" or _symlink_target(e) in kept_dests]

    analysis.binaries = _like(analysis.binaries, binaries)
    analysis.datas = _like(analysis.datas, datas)
    after = {e[0] for e in list(analysis.binaries) + list(analysis.datas)}
    dropped = sorted(set(before) - after)
    log(f"trim: kept {len(after)} of {len(before)} files; dropped {len(dropped)}")
    for name in dropped:
        if before[name][2] != "SYMLINK" and not name.startswith("PySide6/Qt/translations/"):
            log(f"trim:   - {name}")


def _symlink_target(entry: Entry) -> str:
    """The dest name a SYMLINK entry points to (its src is relative to the bundle root)."""
    dest, src, _ = entry
    target = os.path.normpath(os.path.join(os.path.dirname(dest), src)) if not \
        os.path.isabs(src) else src
    return target.replace("\\", "/")


def _like(original: Any, entries: list[Entry]) -> Any:
    """Same container type PyInstaller used (a plain list in 6.x)."""
    return type(original)(entries) if not isinstance(original, list) else list(entries)


# ---------------------------------------------------------------------------- Windows version

def windows_version_file(about: dict[str, str], exe_name: str, description: str,
                         out: Path) -> Path:
    """A PyInstaller version-info file (VSVersionInfo) built from app/about.py."""
    nums = [int(part) for part in about["VERSION"].split(".")[:4] if part.isdigit()]
    nums += [0] * (4 - len(nums))
    ver = tuple(nums)
    text = f"""# Generated by packaging/trimming.py from app/about.py; do not edit.
VSVersionInfo(
  ffi=FixedFileInfo(filevers={ver}, prodvers={ver}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040904B0', [
      StringStruct('CompanyName', {about["ORG_NAME"]!r}),
      StringStruct('FileDescription', {description!r}),
      StringStruct('FileVersion', {about["VERSION"]!r}),
      StringStruct('InternalName', {exe_name!r}),
      StringStruct('OriginalFilename', {exe_name + ".exe"!r}),
      StringStruct('ProductName', {about["APP_NAME"]!r}),
      StringStruct('ProductVersion', {about["VERSION"]!r})])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, "utf-8")
    return out
