"""The machinery that trims a PyInstaller Analysis and reads binaries; the policy (what and why,
per system) is packaging/policy.py.

Used from .spec files (SPECPATH on sys.path) and from build.py; standard library only.
"""

from __future__ import annotations

import ast
import importlib.util
import posixpath
import shutil
import struct
import subprocess
import sys
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath
from types import ModuleType
from typing import Any

HERE = Path(__file__).resolve().parent


def _sibling(name: str) -> ModuleType:
    """packaging/NAME.py, imported once by path (packaging/ is not a package; spec files have it
    on sys.path and import the same module object)."""
    path = HERE / f"{name}.py"
    module = sys.modules.get(name)
    if module is not None and Path(getattr(module, "__file__", "") or "").resolve() == path:
        return module
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


policy = _sibling("policy")

Entry = tuple[str, str, str]  # (dest_name, src_name, typecode) as in PyInstaller TOCs


def read_about(path: Path) -> dict[str, str]:
    """APP_NAME, APP_ID, VERSION... of app/about.py, read without importing the package."""
    values: dict[str, str] = {}
    for node in ast.parse(path.read_text("utf-8")).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 \
                and isinstance(node.targets[0], ast.Name) and isinstance(node.value, ast.Constant) \
                and isinstance(node.value.value, str):
            values[node.targets[0].id] = node.value.value
    return values


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


# ---------------------------------------------------------------------------- shared libraries

def needed_libs(path: str) -> list[str]:
    """DT_NEEDED entries of an ELF file (objdump from binutils)."""
    out = subprocess.run(["objdump", "-p", path], capture_output=True, text=True, check=False)
    if out.returncode != 0:
        return []
    return [line.split()[1] for line in out.stdout.splitlines()
            if line.strip().startswith("NEEDED")]


def _closure(binaries: list[Entry], roots: set[str], always: set[str],
             needed: Callable[[str], list[str]] = needed_libs) -> set[str]:
    """dest names of `binaries` reachable by DT_NEEDED from the root dest names."""
    by_soname: dict[str, list[Entry]] = {}
    for entry in binaries:
        by_soname.setdefault(PurePosixPath(entry[0]).name, []).append(entry)
    keep: set[str] = set()
    todo = [entry for entry in binaries
            if entry[0] in roots or policy.library_stem(entry[0]) in always]
    while todo:
        entry = todo.pop()
        if entry[0] in keep:
            continue
        keep.add(entry[0])
        for soname in needed(entry[1]):
            todo.extend(e for e in by_soname.get(soname, []) if e[0] not in keep)
    return keep


def _is_root(entry: Entry) -> bool:
    dest, _src, kind = entry
    if kind in ("EXTENSION", "EXECUTABLE"):
        return True
    part = policy.qt_part(dest)
    if part is not None and part[0] == "plugins":
        return True
    return policy.library_stem(dest) in policy.ROOT_LIBRARIES


def filter_entries(binaries: Iterable[Entry], datas: Iterable[Entry], system: str,
                   languages: set[str],
                   needed: Callable[[str], list[str]] | None = None,
                   ) -> tuple[list[Entry], list[Entry]]:
    """The binaries and datas (PyInstaller TOC entries) the policy keeps on `system`.

    `needed` (Linux: DT_NEEDED of a file, by objdump) enables the walk that drops shared
    libraries no kept binary needs; without it only the policy's names decide."""
    kept_bins: list[Entry] = [tuple(e) for e in binaries  # type: ignore[misc]
                              if e[2] == "SYMLINK" or policy.keep_binary(e[0], system)]
    if needed is not None:
        real = [e for e in kept_bins if e[2] != "SYMLINK"]
        roots = {e[0] for e in real if _is_root(e)}
        keep = _closure(real, roots, set(policy.ALWAYS_KEEP_LIBRARIES), needed)
        kept_bins = [e for e in kept_bins if e[2] == "SYMLINK" or e[0] in keep]
    kept_datas: list[Entry] = [tuple(e) for e in datas  # type: ignore[misc]
                               if policy.keep_data(e[0], system, languages)]
    # A symbolic link stays if what it points to stays: a kept file, or a folder holding one
    # (macOS frameworks: QtCore.framework/QtCore -> Versions/Current/QtCore, Current -> A).
    files = {_norm(e[0]) for e in kept_bins + kept_datas if e[2] != "SYMLINK"}
    folders = {str(parent) for name in files for parent in PurePosixPath(name).parents}
    links = {_norm(e[0]): _symlink_target(e) for e in kept_bins + kept_datas if e[2] == "SYMLINK"}

    def wanted(entry: Entry) -> bool:
        if entry[2] != "SYMLINK":
            return True
        target = _resolve(_symlink_target(entry), links)
        return target in files or target in folders

    return [e for e in kept_bins if wanted(e)], [e for e in kept_datas if wanted(e)]


def _norm(dest: str) -> str:
    return dest.replace("\\", "/")


def _resolve(path: str, links: dict[str, str]) -> str:
    """`path` with every symbolic link among its leading components replaced by its target."""
    for _ in range(40):
        parts = PurePosixPath(path).parts
        for index in range(len(parts), 0, -1):
            prefix = "/".join(parts[:index])
            if prefix in links:
                path = "/".join([links[prefix], *parts[index:]])
                break
        else:
            return path
    return path


def trim(analysis: Any, system: str, languages: set[str], log: Any = print) -> None:
    """Filter analysis.binaries / analysis.datas in place, following packaging/policy.py."""
    before = {entry[0]: entry for entry in list(analysis.binaries) + list(analysis.datas)}
    walk = system == "linux" and policy.system_key() == "linux" and shutil.which("objdump")
    binaries, datas = filter_entries(analysis.binaries, analysis.datas, system, languages,
                                     needed_libs if walk else None)
    analysis.binaries = _like(analysis.binaries, binaries)
    analysis.datas = _like(analysis.datas, datas)
    after = {e[0] for e in list(analysis.binaries) + list(analysis.datas)}
    dropped = sorted(set(before) - after)
    log(f"trim: kept {len(after)} of {len(before)} files; dropped {len(dropped)}")
    for name in dropped:
        part = policy.qt_part(name)
        if before[name][2] != "SYMLINK" and not (part and part[0] == "translations"):
            log(f"trim:   - {name}")


def _symlink_target(entry: Entry) -> str:
    """The dest name a SYMLINK entry points to (its src is relative to the link's folder)."""
    dest, src, _ = entry
    dest, src = _norm(dest), _norm(src)
    if src.startswith("/"):
        return src
    return posixpath.normpath(posixpath.join(posixpath.dirname(dest), src))


def _like(original: Any, entries: list[Entry]) -> Any:
    """Same container type PyInstaller used (a plain list in 6.x)."""
    return type(original)(entries) if not isinstance(original, list) else list(entries)


# ---------------------------------------------------------------------------- macOS binaries

_FAT_MAGICS = {0xCAFEBABE: 20, 0xCAFEBABF: 32}  # fat_arch / fat_arch_64 entry sizes
_THIN_MAGICS = {0xFEEDFACE: 28, 0xFEEDFACF: 32}  # mach_header / mach_header_64 sizes
LC_VERSION_MIN_MACOSX = 0x24
LC_BUILD_VERSION = 0x32
PLATFORM_MACOS = 1


def _decode_version(value: int) -> tuple[int, int, int]:
    return value >> 16, (value >> 8) & 0xFF, value & 0xFF  # xxxx.yy.zz nibbles


def _thin_minimum_macos(handle: Any, offset: int) -> tuple[int, int, int] | None:
    handle.seek(offset)
    head = handle.read(32)
    if len(head) < 28:
        return None
    magic = struct.unpack("<I", head[:4])[0]
    if magic not in _THIN_MAGICS:
        return None
    ncmds, sizeofcmds = struct.unpack("<II", head[16:24])
    handle.seek(offset + _THIN_MAGICS[magic])
    commands = handle.read(sizeofcmds)
    pos = 0
    for _ in range(ncmds):
        if pos + 8 > len(commands):
            break
        cmd, size = struct.unpack("<II", commands[pos:pos + 8])
        if cmd == LC_BUILD_VERSION and pos + 16 <= len(commands):
            platform_id, minos = struct.unpack("<II", commands[pos + 8:pos + 16])
            if platform_id == PLATFORM_MACOS:
                return _decode_version(minos)
        elif cmd == LC_VERSION_MIN_MACOSX and pos + 12 <= len(commands):
            return _decode_version(struct.unpack("<I", commands[pos + 8:pos + 12])[0])
        if size < 8:
            break
        pos += size
    return None


def macho_minimum_macos(path: Path | str) -> tuple[int, int, int] | None:
    """The oldest macOS a Mach-O file runs on: the `minos` of its LC_BUILD_VERSION (or
    LC_VERSION_MIN_MACOSX) load command, the newest over the slices of a universal binary.
    None if the file is not a Mach-O file or says nothing (read on any system: no Apple tools)."""
    with open(path, "rb") as handle:
        head = handle.read(8)
        if len(head) < 8:
            return None
        magic = struct.unpack(">I", head[:4])[0]
        if magic in _FAT_MAGICS:
            count = struct.unpack(">I", head[4:8])[0]
            if not 0 < count < 16:  # not a universal binary (e.g. a Java class file)
                return None
            entry = _FAT_MAGICS[magic]
            table = handle.read(count * entry)
            found = []
            for index in range(count):
                raw = table[index * entry:(index + 1) * entry]
                offset = (struct.unpack(">Q", raw[8:16])[0] if entry == 32
                          else struct.unpack(">I", raw[8:12])[0])
                version = _thin_minimum_macos(handle, offset)
                if version:
                    found.append(version)
            return max(found) if found else None
        return _thin_minimum_macos(handle, 0)


def qtcore_binary(binaries: Iterable[Entry]) -> str | None:
    """The source path of the Qt Core library among an Analysis' binaries: the framework's
    binary on macOS (not PySide6's QtCore.abi3.so binding), libQt6Core / Qt6Core.dll elsewhere."""
    for dest, src, kind in binaries:
        posix = _norm(dest)
        if kind == "SYMLINK":
            continue
        if posix.endswith("QtCore.framework/Versions/A/QtCore") or (
                "/QtCore.framework/" in posix and PurePosixPath(posix).name == "QtCore") or \
                policy.library_stem(posix) == "Qt6Core":
            return src
    return None


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
