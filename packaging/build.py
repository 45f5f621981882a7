"""Build the standalone Volunteer Check folder: `./dev build` (.venv/bin/python packaging/build.py).

    packaging/build.py                 build packaging/dist/volunteer-check/ (skipped if up to date)
    packaging/build.py --archive       ... and pack it for download with its SHA-256 checksum:
                                       tar.xz (Linux), zip (Windows), dmg holding the .app (macOS)
    packaging/build.py --archive zip   ... choosing the format (tar.xz, zip or dmg)
    packaging/build.py --force         rebuild even if up to date
    packaging/build.py --checksum FILE only write FILE.sha256 (after signing a disk image)
    packaging/build.py --target baseline   the bare six-page wizard used by the bundle benchmark

The bundle is one folder with two executables sharing one set of libraries: `volunteer-check-gui`
(the app) and `volunteer-check` (the command line); on macOS the kept result is `Volunteer
Check.app`, both executables in its Contents/MacOS. What is left out and why: policy.py and
docs/packaging.md.

A build is skipped when a hash of every input (our sources and data, the spec, this script, the
installed package versions, the Python version) matches the stamp of the last good build, so the
smoke test can call it on every run. Builds go to a temporary folder and replace the old bundle
only when they succeeded and passed the checks (every ELF file resolves all its libraries on
Linux, the dropped Qt libraries are absent, the macOS Info.plist starts the GUI in the foreground
on a macOS its binaries run on, the CLI starts). The system-dependent parts take the system key
("linux", "win32", "darwin") as an argument, so the tests drive them on Linux with a fake build
tree. A lock file serialises builds and lets readers
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
import platform
import plistlib
import shutil
import stat
import subprocess
import sys
import tarfile
import time
import zipfile
from collections.abc import Callable, Iterator
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
policy = trimming.policy
SYSTEM = policy.system_key()

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
    executables: tuple[str, ...]  # the first is what the macOS .app starts
    app_bundle: str | None = None  # macOS: the .app the spec's BUNDLE makes, kept instead


APP_NAME = trimming.read_about(ROOT / "app" / "about.py")["APP_NAME"]
TARGETS = {
    "app": Target(
        name="volunteer-check",
        spec=HERE / "volunteer-check.spec",
        inputs=(ROOT / "app", ROOT / "ui", ROOT / "rules", ROOT / "resources",
                HERE / "volunteer-check.spec", HERE / "policy.py", HERE / "trimming.py",
                HERE / "build.py", HERE / "entry_gui.py", HERE / "entry_cli.py",
                ROOT / "pyproject.toml"),
        executables=("volunteer-check-gui", "volunteer-check"),
        app_bundle=f"{APP_NAME}.app",
    ),
    "baseline": Target(
        name="bare-wizard",
        spec=HERE / "baseline" / "bare_wizard.spec",
        inputs=(HERE / "baseline", HERE / "policy.py", HERE / "trimming.py", HERE / "build.py"),
        executables=("bare-wizard",),
    ),
}


@dataclass(frozen=True)
class Layout:
    """Where things are in what a build keeps, on one system."""
    artifact: str  # the folder (or macOS .app) in packaging/dist
    exe_dir: str  # the executables' folder inside it
    internal: str  # libraries and data (sys._MEIPASS of the frozen app)
    exe_suffix: str

    def exe(self, bundle: Path, name: str) -> Path:
        return bundle / self.exe_dir / (name + self.exe_suffix)


def layout(target: Target, system: str | None = None) -> Layout:
    system = system or SYSTEM
    if system == "darwin" and target.app_bundle:
        return Layout(target.app_bundle, "Contents/MacOS", "Contents/Frameworks", "")
    return Layout(target.name, "", "_internal", ".exe" if system == "win32" else "")


def bundle_path(target_name: str = "app", system: str | None = None, dist: Path = DIST) -> Path:
    return bundle_path_of(TARGETS[target_name], system, dist)


def bundle_path_of(target: Target, system: str | None = None, dist: Path = DIST) -> Path:
    return dist / layout(target, system).artifact


def exe_name(name: str, system: str | None = None) -> str:
    return name + ".exe" if (system or SYSTEM) == "win32" else name


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


def _stamp(target: Target, dist: Path = DIST) -> Path:
    return dist / f".{target.name}.stamp"


def is_up_to_date(target: Target, dist: Path = DIST, system: str | None = None) -> bool:
    lay = layout(target, system)
    bundle = dist / lay.artifact
    stamp = _stamp(target, dist)
    return (bundle.is_dir() and stamp.is_file()
            and all(lay.exe(bundle, e).is_file() for e in target.executables)
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
        yield bundle_path(target_name)


def ensure_built(target_name: str = "app", force: bool = False) -> Path:
    target = TARGETS[target_name]
    with _lock(target, shared=False):
        build(target, force=force)
    return bundle_path(target_name)


# ---------------------------------------------------------------------------- building

def build(target: Target, force: bool = False, log: bool = True) -> bool:
    """Build `target` unless up to date; returns True if it was rebuilt. Caller holds the lock."""
    if not force and is_up_to_date(target):
        if log:
            print(f"build: {bundle_path_of(target)} is up to date", file=sys.stderr)
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
    final = install(target, fresh, DIST, work)
    _stamp(target).write_text(input_hash(target) + "\n")
    if log:
        stats = bundle_stats(final)
        print(f"build: {final.relative_to(ROOT)}: {stats['mib']:.1f} MiB, {stats['files']} files, "
              f"built in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        glibc = minimum_glibc(final) if SYSTEM == "linux" else None
        if glibc:
            print(f"build: runs on Linux with glibc >= {glibc[0]} (needed by {glibc[1]}; build on "
                  "an older distribution to reach older systems)", file=sys.stderr)
        macos = minimum_macos(final) if SYSTEM == "darwin" else None
        if macos:
            print(f"build: runs on macOS >= {policy.macos_version(macos[0])} (needed by "
                  f"{macos[1]})", file=sys.stderr)
        excluded = tuple(policy.excluded_modules())
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


def install(target: Target, fresh: Path, dist: Path, work: Path, system: str | None = None,
            run_cli: bool | None = None) -> Path:
    """Check what PyInstaller wrote into `fresh` and move what is shipped into `dist`, replacing
    the previous bundle only now. On macOS that is the .app (BUNDLE's output; the plain folder
    COLLECT also wrote is dropped), elsewhere the folder. `fresh` is removed."""
    lay = layout(target, system)
    built = fresh / lay.artifact
    if not built.is_dir():
        found = sorted(p.name for p in fresh.iterdir()) if fresh.is_dir() else []
        raise SystemExit(f"build: PyInstaller made no {lay.artifact} (found: {found})")
    check_bundle(target, built, system, run_cli=run_cli)
    dist.mkdir(parents=True, exist_ok=True)
    final = dist / lay.artifact
    old = work / "dist-old"
    shutil.rmtree(old, ignore_errors=True)
    _stamp(target, dist).unlink(missing_ok=True)
    if final.exists():
        final.rename(old)
    built.rename(final)
    shutil.rmtree(old, ignore_errors=True)
    shutil.rmtree(fresh, ignore_errors=True)
    return final


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


def _macho_files(folder: Path) -> Iterator[Path]:
    magics = {bytes.fromhex(m) for m in ("cafebabe", "cafebabf", "cefaedfe", "cffaedfe")}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with open(path, "rb") as handle:
                if handle.read(4) in magics:
                    yield path


def minimum_macos(bundle: Path) -> tuple[tuple[int, int, int], str] | None:
    """The newest `minos` any Mach-O file of the bundle declares, and which file: the oldest
    macOS the bundle runs on (read from the files, so it works on any build host)."""
    best: tuple[tuple[int, int, int], str] | None = None
    for path in _macho_files(bundle):
        version = trimming.macho_minimum_macos(path)
        if version and (best is None or version > best[0]):
            best = (version, path.relative_to(bundle).as_posix())
    return best


def _version_tuple(text: str) -> tuple[int, ...]:
    """'13.0' -> (13, 0, 0), comparable with Mach-O versions."""
    parts = [int(part) for part in str(text).split(".") if part.isdigit()]
    return tuple([*parts, 0, 0, 0][:3])


def check_app_bundle(target: Target, app: Path) -> list[str]:
    """macOS .app: the Info.plist starts the GUI as a foreground app, on a macOS it runs on."""
    plist = app / "Contents" / "Info.plist"
    if not plist.is_file():
        return ["no Contents/Info.plist in the .app"]
    info = plistlib.loads(plist.read_bytes())
    problems = []
    if info.get("CFBundleExecutable") != target.executables[0]:
        problems.append(f"Info.plist starts {info.get('CFBundleExecutable')!r}, not the GUI "
                        f"{target.executables[0]!r}")
    if info.get("LSBackgroundOnly"):
        problems.append("Info.plist sets LSBackgroundOnly: the app would have no Dock icon and "
                        "no menu bar")
    declared = info.get("LSMinimumSystemVersion")
    needed = minimum_macos(app)
    if needed and (declared is None or _version_tuple(declared) < needed[0]):
        problems.append(f"Info.plist says LSMinimumSystemVersion {declared}, but {needed[1]} "
                        f"needs macOS {policy.macos_version(needed[0])}")
    return problems


def check_bundle(target: Target, bundle: Path, system: str | None = None,
                 run_cli: bool | None = None) -> None:
    """Fail the build if the bundle is incomplete: executables, libraries, dropped Qt modules,
    the .app's Info.plist. The CLI is run only on the system it was built for (`run_cli`)."""
    system = system or SYSTEM
    lay = layout(target, system)
    problems: list[str] = []
    for name in target.executables:
        if not lay.exe(bundle, name).is_file():
            problems.append(f"missing executable {Path(lay.exe_dir, name + lay.exe_suffix)}")
    for path in sorted(bundle.rglob("*")):
        rel = path.relative_to(bundle).as_posix()
        if policy.is_dropped_qt_library(rel, system) and not policy.is_dropped_qt_library(
                path.parent.relative_to(bundle).as_posix(), system):
            problems.append(f"dropped Qt library still present: {rel}")
        elif path.is_file() and policy.is_dropped_library(rel, system):
            problems.append(f"dropped library still present: {rel}")
    if system == "linux" and SYSTEM == "linux" and shutil.which("ldd"):
        # The bootloader puts _internal on the library path; Qt's own libraries use $ORIGIN.
        env = {**os.environ, "LD_LIBRARY_PATH": str(bundle / lay.internal)}
        for path in _elf_files(bundle):
            out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env,
                                 check=False).stdout
            missing = [line.split()[0] for line in out.splitlines() if "not found" in line]
            if missing:
                problems.append(f"{path.relative_to(bundle)} needs {', '.join(missing)}, found "
                                "neither in the bundle nor on this build host (install the xcb "
                                "libraries listed in ./dev, QT_XCB_PKGS, and rebuild)")
    if system == "darwin" and target.app_bundle:
        problems += check_app_bundle(target, bundle)
    if run_cli is None:
        run_cli = system == SYSTEM
    if run_cli and "volunteer-check" in target.executables and not problems:
        run = subprocess.run([str(lay.exe(bundle, "volunteer-check")), "--version"],
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


def default_archive_format(system: str | None = None) -> str:
    return policy.archive_format(system or SYSTEM)


def archive_path(target_name: str = "app", fmt: str | None = None, out_dir: Path = DIST,
                 system: str | None = None, machine: str | None = None) -> Path:
    """volunteer-check-VERSION-OS-MACHINE.FMT, e.g. ...-windows-x86_64.zip, ...-macos-arm64.dmg."""
    target = TARGETS[target_name]
    system = system or SYSTEM
    fmt = fmt or default_archive_format(system)
    version = trimming.read_about(ROOT / "app" / "about.py")["VERSION"]
    return out_dir / policy.archive_name(target.name, version, system,
                                         machine or platform.machine(), fmt)


Runner = Callable[..., "subprocess.CompletedProcess[str]"]


def make_archive(folder: Path, out: Path, fmt: str, run: Runner = subprocess.run) -> Path:
    """Pack `folder` into `out`; symlinks stay symlinks. tar.xz and zip hold one top folder named
    like the archive, or the .app itself; a dmg holds the .app and a link to /Applications."""
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "dmg":
        return make_dmg(folder, out, run)
    partial = out.with_name(out.name + ".part")
    top = folder.name if folder.suffix == ".app" else out.name.removesuffix("." + fmt)
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
                name = (Path(top) / path.relative_to(folder)).as_posix()
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
        raise SystemExit(f"build: unknown archive format {fmt!r} (tar.xz, zip or dmg)")
    partial.replace(out)
    return out


def dmg_command(staging: Path, out: Path, volume: str) -> list[str]:
    """hdiutil's command for a compressed, read-only disk image of the `staging` folder."""
    return ["hdiutil", "create", "-volname", volume, "-srcfolder", str(staging),
            "-fs", "HFS+", "-format", "UDZO", "-ov", str(out)]


def make_dmg(app: Path, out: Path, run: Runner = subprocess.run) -> Path:
    """A disk image holding the .app beside a link to /Applications (drag to install). Needs
    macOS (hdiutil); `run` is replaceable so the tests check the staging folder on Linux."""
    if app.suffix != ".app":
        raise SystemExit(f"build: a dmg holds the macOS .app, not {app.name} (build on macOS)")
    staging = out.with_name(out.name + ".staging")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    partial = out.with_name(out.name.removesuffix(".dmg") + ".part.dmg")  # hdiutil wants .dmg
    partial.unlink(missing_ok=True)
    try:
        shutil.copytree(app, staging / app.name, symlinks=True)
        (staging / "Applications").symlink_to("/Applications")
        result = run(dmg_command(staging, partial, app.stem), capture_output=True, text=True,
                     check=False)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    if result.returncode != 0 or not partial.is_file():
        raise SystemExit(f"build: hdiutil failed (exit {result.returncode}): "
                         f"{(result.stderr or result.stdout or '').strip()[-500:]}")
    partial.replace(out)
    return out


def write_checksum(path: Path) -> Path:
    """PATH.sha256 beside PATH, in the format `sha256sum -c` / `shasum -a 256 -c` read."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    out = path.with_name(path.name + ".sha256")
    out.write_text(f"{digest.hexdigest()}  {path.name}\n", "utf-8")
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
            make_archive(bundle_path(target_name), out, fmt)
    return out


# ---------------------------------------------------------------------------- command line

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="packaging/build.py", description=__doc__.split("\n")[0])
    parser.add_argument("--target", choices=sorted(TARGETS), default="app")
    parser.add_argument("--force", action="store_true", help="rebuild even if up to date")
    parser.add_argument("--archive", nargs="?", const="auto",
                        choices=("auto", "tar.xz", "zip", "dmg"),
                        help="also pack the bundle for download, with a .sha256 file beside it "
                        "(default format: tar.xz on Linux, zip on Windows, dmg on macOS)")
    parser.add_argument("--checksum", nargs="+", type=Path, metavar="FILE",
                        help="only write FILE.sha256 beside each FILE (e.g. after signing a "
                        "disk image) and exit")
    args = parser.parse_args(argv)
    if args.checksum:
        for path in args.checksum:
            print(write_checksum(path))
        return 0
    target = TARGETS[args.target]
    with _lock(target, shared=False):
        build(target, force=args.force)
        bundle = bundle_path(args.target)
        stats = bundle_stats(bundle)
        print(f"{bundle}: {stats['mib']:.1f} MiB, {stats['files']} files")
        if args.archive:
            fmt = default_archive_format() if args.archive == "auto" else args.archive
            started = time.perf_counter()
            out = make_archive(bundle, archive_path(args.target, fmt), fmt)
            checksum = write_checksum(out)
            print(f"{out}: {out.stat().st_size / 1e6:.1f} MB "
                  f"({time.perf_counter() - started:.0f} s); {checksum.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
