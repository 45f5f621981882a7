"""Build the standalone Volunteer Check folder: `./dev build` (.venv/bin/python packaging/build.py).

    packaging/build.py                 build packaging/dist/volunteer-check/ (skipped if up to date)
    packaging/build.py --archive       ... and pack it for download (tar.xz on Linux, zip elsewhere)
    packaging/build.py --archive zip   ... choosing the format (tar.xz or zip)
    packaging/build.py --force         rebuild even if up to date
    packaging/build.py --target baseline   the bare six-page wizard used by the bundle benchmark

The bundle is one folder with two executables sharing one set of libraries: `volunteer-check-gui`
(the app) and `volunteer-check` (the command line). What is left out and why: volunteer-check.spec
and docs/packaging.md.

A build is skipped when a hash of every input (our sources and data, the spec, this script, the
installed package versions, the Python version) matches the stamp of the last good build, so the
smoke test can call it on every run. Builds go to a temporary folder and replace the old bundle
only when they succeeded and passed the checks (every ELF file resolves all its libraries, the
dropped Qt libraries are absent, the CLI starts). A lock file serialises builds and lets readers
(the tests) keep the bundle from being replaced while they run it.

Standard library only: importable by tests (importlib, by path: `packaging/` is not a package, so
it cannot shadow the `packaging` distribution).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import importlib.metadata
import importlib.util
import os
import shutil
import stat
import subprocess
import sys
import tarfile
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BUILD = HERE / "build"
DIST = HERE / "dist"


def _load_trimming() -> ModuleType:
    """packaging/trimming.py, loaded by path: packaging/ is not put on sys.path."""
    if "trimming" in sys.modules:
        return sys.modules["trimming"]
    spec = importlib.util.spec_from_file_location("trimming", HERE / "trimming.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["trimming"] = module
    spec.loader.exec_module(module)
    return module


trimming = _load_trimming()

try:
    import fcntl
except ImportError:  # Windows: builds there are one-at-a-time by hand
    fcntl = None  # type: ignore[assignment]

SKIP_DIRS = {"__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache"}


@dataclass(frozen=True)
class Target:
    name: str  # folder name under packaging/dist
    spec: Path
    inputs: tuple[Path, ...]  # files and folders whose content decides whether to rebuild
    executables: tuple[str, ...]


TARGETS = {
    "app": Target(
        name="volunteer-check",
        spec=HERE / "volunteer-check.spec",
        inputs=(ROOT / "app", ROOT / "ui", ROOT / "rules", ROOT / "resources",
                HERE / "volunteer-check.spec", HERE / "trimming.py", HERE / "build.py",
                HERE / "entry_gui.py", HERE / "entry_cli.py", ROOT / "pyproject.toml"),
        executables=("volunteer-check-gui", "volunteer-check"),
    ),
    "baseline": Target(
        name="bare-wizard",
        spec=HERE / "baseline" / "bare_wizard.spec",
        inputs=(HERE / "baseline", HERE / "volunteer-check.spec", HERE / "trimming.py",
                HERE / "build.py"),
        executables=("bare-wizard",),
    ),
}


def exe_name(name: str) -> str:
    return name + ".exe" if sys.platform == "win32" else name


# ---------------------------------------------------------------------------- up-to-date check

def _input_files(target: Target) -> Iterator[Path]:
    for item in target.inputs:
        if item.is_file():
            yield item
        elif item.is_dir():
            for path in sorted(item.rglob("*")):
                if path.is_file() and not SKIP_DIRS.intersection(path.parts) \
                        and path.suffix not in (".pyc", ".pyo"):
                    yield path


def input_hash(target: Target) -> str:
    """Hash of everything the bundle is built from: sources, data, tools and installed packages."""
    digest = hashlib.sha256()
    digest.update(f"{sys.version}|{sys.platform}|{target.name}\n".encode())
    dists = sorted(f"{d.metadata['Name']}=={d.version}"
                   for d in importlib.metadata.distributions() if d.metadata["Name"])
    digest.update("\n".join(dists).encode())
    for path in _input_files(target):
        digest.update(b"\0" + str(path.relative_to(ROOT)).encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _stamp(target: Target) -> Path:
    return DIST / f".{target.name}.stamp"


def is_up_to_date(target: Target) -> bool:
    bundle = DIST / target.name
    stamp = _stamp(target)
    return (bundle.is_dir() and stamp.is_file()
            and all((bundle / exe_name(e)).is_file() for e in target.executables)
            and stamp.read_text().strip() == input_hash(target))


# ---------------------------------------------------------------------------- locking

@contextlib.contextmanager
def _lock(target: Target, shared: bool) -> Iterator[None]:
    BUILD.mkdir(parents=True, exist_ok=True)
    if fcntl is None:
        yield
        return
    with open(BUILD / f"{target.name}.lock", "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_SH if shared else fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextlib.contextmanager
def use_bundle(target_name: str = "app", force: bool = False) -> Iterator[Path]:
    """Build the bundle if it is stale, then hold it (shared lock) while the caller runs it."""
    target = TARGETS[target_name]
    with _lock(target, shared=False):
        build(target, force=force)
    with _lock(target, shared=True):  # the folder is complete whenever no build holds the lock
        yield DIST / target.name


def ensure_built(target_name: str = "app", force: bool = False) -> Path:
    target = TARGETS[target_name]
    with _lock(target, shared=False):
        build(target, force=force)
    return DIST / target.name


# ---------------------------------------------------------------------------- building

def build(target: Target, force: bool = False, log: bool = True) -> bool:
    """Build `target` unless up to date; returns True if it was rebuilt. Caller holds the lock."""
    if not force and is_up_to_date(target):
        if log:
            print(f"build: {DIST / target.name} is up to date", file=sys.stderr)
        return False
    started = time.perf_counter()
    work = BUILD / target.name
    fresh = work / "dist-new"
    shutil.rmtree(fresh, ignore_errors=True)
    logfile = BUILD / f"{target.name}.log"
    if log:
        print(f"build: building {target.name} (log: {logfile.relative_to(ROOT)})", file=sys.stderr)
    with open(logfile, "w") as out:
        result = subprocess.run(
            [sys.executable, "-m", "PyInstaller", "--noconfirm", *(["--clean"] if force else []),
             "--distpath", str(fresh), "--workpath", str(work), str(target.spec)],
            cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, check=False)
    text = logfile.read_text(errors="replace")
    if result.returncode != 0:
        tail = "\n".join(text.splitlines()[-40:])
        raise SystemExit(f"build: PyInstaller failed (exit {result.returncode}):\n{tail}")
    built = fresh / target.name
    check_bundle(target, built)
    DIST.mkdir(parents=True, exist_ok=True)
    final = DIST / target.name
    old = work / "dist-old"
    shutil.rmtree(old, ignore_errors=True)
    _stamp(target).unlink(missing_ok=True)
    if final.exists():
        final.rename(old)
    built.rename(final)
    shutil.rmtree(old, ignore_errors=True)
    shutil.rmtree(fresh, ignore_errors=True)
    _stamp(target).write_text(input_hash(target) + "\n")
    if log:
        stats = bundle_stats(final)
        print(f"build: {final.relative_to(ROOT)}: {stats['mib']:.1f} MiB, {stats['files']} files, "
              f"built in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        glibc = minimum_glibc(final) if trimming.platform_key() == "linux" else None
        if glibc:
            print(f"build: runs on Linux with glibc >= {glibc[0]} (needed by {glibc[1]}; build on "
                  "an older distribution to reach older systems)", file=sys.stderr)
        policy = trimming.load_policy()
        excluded = (*policy["EXCLUDED_MODULES"], *policy["EXCLUDED_OPTIONAL_MODULES"])
        for line in text.splitlines():
            if " WARNING: " not in line:
                continue
            message = line.split(" WARNING: ", 1)[1]
            if message.startswith("Hidden import"):
                module = message.split('"')[1] if '"' in message else ""
                if module.startswith(excluded):
                    continue  # a hook names a submodule of what the policy excludes
            elif "could not resolve 'libgtk" in message or "could not resolve 'libgdk" in message:
                continue  # the GTK3 theme plugin, dropped by the trim policy
            print(f"build: note: {message}", file=sys.stderr)
    return True


def _elf_files(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with open(path, "rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    yield path


def minimum_glibc(bundle: Path) -> tuple[str, str] | None:
    """The newest GLIBC_x.y symbol version any bundled ELF file needs, and which file: the
    oldest glibc (Linux distribution) the bundle runs on. It follows the build host's glibc."""
    if not shutil.which("objdump"):
        return None
    best: tuple[tuple[int, ...], str, str] | None = None
    for path in _elf_files(bundle):
        out = subprocess.run(["objdump", "-T", str(path)], capture_output=True, text=True,
                             check=False).stdout
        for word in {w.strip("()") for w in out.split()}:
            if word.startswith("GLIBC_") and word[6:7].isdigit():
                version = tuple(int(part) for part in word[6:].split(".") if part.isdigit())
                if best is None or version > best[0]:
                    best = (version, word[6:], str(path.relative_to(bundle)))
    return (best[1], best[2]) if best else None


def check_bundle(target: Target, bundle: Path) -> None:
    """Fail the build if the bundle is incomplete: executables, libraries, dropped Qt modules."""
    problems: list[str] = []
    for name in target.executables:
        if not (bundle / exe_name(name)).is_file():
            problems.append(f"missing executable {name}")
    policy = trimming.load_policy()
    internal = bundle / "_internal"
    for path in internal.rglob("*"):
        stem = path.name.split(".", 1)[0].removeprefix("lib")
        if stem in policy["QT_LIBRARIES_DROPPED"]:
            problems.append(f"dropped Qt library still present: {path.relative_to(bundle)}")
    if trimming.platform_key() == "linux" and shutil.which("ldd"):
        # The bootloader puts _internal on the library path; Qt's own libraries use $ORIGIN.
        env = {**os.environ, "LD_LIBRARY_PATH": str(internal)}
        for path in _elf_files(bundle):
            out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env,
                                 check=False).stdout
            missing = [line.split()[0] for line in out.splitlines() if "not found" in line]
            if missing:
                problems.append(f"{path.relative_to(bundle)} needs {', '.join(missing)}, found "
                                "neither in the bundle nor on this build host (install the xcb "
                                "libraries listed in ./dev, QT_XCB_PKGS, and rebuild)")
    if "volunteer-check" in target.executables:
        run = subprocess.run([str(bundle / exe_name("volunteer-check")), "--version"],
                             capture_output=True, text=True, check=False, timeout=120)
        if run.returncode != 0:
            problems.append(f"frozen CLI does not start: {run.stderr.strip()[-500:]}")
    if problems:
        raise SystemExit("build: the bundle failed its checks:\n  " + "\n  ".join(problems))


# ---------------------------------------------------------------------------- numbers, archives

def bundle_stats(folder: Path) -> dict[str, float]:
    """Unpacked size (regular files, symlinks not followed) and file count."""
    size = 0
    files = 0
    for path in folder.rglob("*"):
        info = path.lstat()
        if stat.S_ISREG(info.st_mode):
            size += info.st_size
            files += 1
    return {"bytes": size, "mib": size / 2**20, "files": files}


def default_archive_format() -> str:
    return "tar.xz" if trimming.platform_key() == "linux" else "zip"


def archive_path(target_name: str = "app", fmt: str | None = None,
                 out_dir: Path = DIST) -> Path:
    target = TARGETS[target_name]
    fmt = fmt or default_archive_format()
    arch = {"linux": "linux", "win32": "windows", "darwin": "macos"}[trimming.platform_key()]
    machine = os.uname().machine if hasattr(os, "uname") else "x86_64"
    version = trimming.read_about(ROOT / "app" / "about.py")["VERSION"]
    return out_dir / f"{target.name}-{version}-{arch}-{machine}.{fmt}"


def make_archive(folder: Path, out: Path, fmt: str) -> Path:
    """Pack `folder` (as its own top-level folder) into `out`; symlinks stay symlinks."""
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".part")
    top = out.name.removesuffix("." + fmt)
    paths = [folder, *sorted(folder.rglob("*"))]
    if fmt == "tar.xz":
        def clean(info: tarfile.TarInfo) -> tarfile.TarInfo:
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            return info

        with tarfile.open(partial, "w:xz", preset=6) as tar:
            for path in paths:
                tar.add(path, arcname=str(Path(top) / path.relative_to(folder)),
                        recursive=False, filter=clean)
    elif fmt == "zip":
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            for path in paths[1:]:
                name = str(Path(top) / path.relative_to(folder))
                info = path.lstat()
                if stat.S_ISLNK(info.st_mode):
                    entry = zipfile.ZipInfo(name)
                    entry.create_system = 3
                    entry.external_attr = (stat.S_IFLNK | 0o777) << 16
                    archive.writestr(entry, os.readlink(path))
                elif stat.S_ISDIR(info.st_mode):
                    archive.write(path, name + "/")
                else:
                    archive.write(path, name)
    else:
        raise SystemExit(f"build: unknown archive format {fmt!r} (tar.xz or zip)")
    partial.replace(out)
    return out


def ensure_archive(target_name: str = "app", fmt: str | None = None,
                   out_dir: Path = DIST) -> Path:
    """The archive of an up-to-date bundle (made again only if the bundle changed)."""
    target = TARGETS[target_name]
    fmt = fmt or default_archive_format()
    out = archive_path(target_name, fmt, out_dir)
    with _lock(target, shared=False):
        build(target, log=False)
        stamp = _stamp(target)
        if not out.is_file() or out.stat().st_mtime < stamp.stat().st_mtime:
            make_archive(DIST / target.name, out, fmt)
    return out


# ---------------------------------------------------------------------------- command line

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="packaging/build.py", description=__doc__.split("\n")[0])
    parser.add_argument("--target", choices=sorted(TARGETS), default="app")
    parser.add_argument("--force", action="store_true", help="rebuild even if up to date")
    parser.add_argument("--archive", nargs="?", const="auto", choices=("auto", "tar.xz", "zip"),
                        help="also pack the folder for download (default format: tar.xz on "
                        "Linux, zip on Windows and macOS)")
    args = parser.parse_args(argv)
    target = TARGETS[args.target]
    with _lock(target, shared=False):
        build(target, force=args.force)
        bundle = DIST / target.name
        stats = bundle_stats(bundle)
        print(f"{bundle}: {stats['mib']:.1f} MiB, {stats['files']} files")
        if args.archive:
            fmt = default_archive_format() if args.archive == "auto" else args.archive
            started = time.perf_counter()
            out = make_archive(bundle, archive_path(args.target, fmt), fmt)
            print(f"{out}: {out.stat().st_size / 1e6:.1f} MB "
                  f"({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
