"""Smoke test of the standalone bundle: build it (or reuse an up-to-date one) and run it.

Marked `packaging` (runs in the default suite and in CI; deselect locally with
`-m "not packaging"`). The build is skipped when nothing it is made from changed
(packaging/build.py hashes every input), so a warm run costs a few seconds.

The frozen binaries are run the way a volunteer or organiser runs them: the CLI assesses an
answers file (JSON and PDF, names in Latin, Arabic and CJK scripts), screens a small CSV, and the
GUI starts and paints its first page (offscreen, and under Xvfb on the real xcb plugin when
xvfb-run is installed). Checks for features still being written skip, with the reason, only
while their source says they do not exist yet.

The same tests run on Windows and macOS (the release workflow, .github/workflows/release.yml).
On macOS the bundle is `Volunteer Check.app` and the executables are in its Contents/MacOS. With
VOLUNTEER_CHECK_BUNDLE set to a bundle folder or .app (e.g. the .app inside the mounted DMG),
that bundle is tested as it is, without building.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.packaging.build_module import load_build

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
NAME = "Zoë Łódź محمد 東京"
TIMEOUT = 90

ANSWERS: dict[str, Any] = {
    "A1": "federal_candidate", "A2": "self", "B1": "no", "B2": "no", "B3": "no",
    "B4": "esta_vwp", "B5": "no", "B6": "none", "B8": "outside_us", "C1": ["none"],
    "C2": "unpaid_leave", "D1": ["self"], "D3": 800, "D4": "self_or_friends",
    "E1": ["self_paid"], "F": ["canvass_phone_text"], "G": ["none"],
    "B9": "incidental_to_holiday_or_family_visit", "B10": 14, "B11": 3,
}
# Paid and flown in by a foreign party: RED.
RED_ANSWERS: dict[str, Any] = {
    **{k: v for k, v in ANSWERS.items() if k != "D3"},
    "B6": "foreign_party_member", "C1": ["foreign_party"], "D1": ["foreign_party"],
    "D5": "no_trip_is_for_campaign",
}
COLUMNS = [*ANSWERS, "D5"]  # D5 is asked only when someone else pays (the red rows)


build = load_build()
trimming = sys.modules["trimming"]
policy = trimming.policy
LAYOUT = build.layout(build.TARGETS["app"])


def _source_has(path: Path, needle: str) -> bool:
    return path.is_file() and needle in path.read_text("utf-8")


def _exe(bundle: Path, name: str) -> Path:
    return LAYOUT.exe(bundle, name)


def _env(**changes: str | None) -> dict[str, str]:
    """The test environment (isolated HOME/XDG dirs) with changes; None removes a variable.
    Python's own encoding variables are removed: the executables' UTF-8 mode must come from
    their built-in run-time option, not from the environment of the test run."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONUTF8", "PYTHONIOENCODING")}
    for key, value in changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def _run(args: list[str | Path], env: dict[str, str],
         cwd: Path) -> subprocess.CompletedProcess[str]:
    # The frozen programs run in Python's UTF-8 mode: their output is UTF-8 on every system
    # (Windows' locale encoding, cp1252, would garble or fail on the names).
    return subprocess.run([str(a) for a in args], capture_output=True, text=True,
                          encoding="utf-8", errors="replace", env=env, cwd=cwd, timeout=TIMEOUT,
                          check=False)


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    return "".join(unicodedata.normalize("NFKC", text).split())


def _has_name(flat_text: str, name: str) -> bool:
    """Each word of the name, Arabic accepted in either direction (pypdf gives visual order)."""
    return all(word in flat_text or word[::-1] in flat_text for word in name.split())


@pytest.fixture(scope="module")
def bundle() -> Iterator[Path]:
    """The frozen app folder, rebuilt first if any input changed; not replaced while in use.
    VOLUNTEER_CHECK_BUNDLE names a bundle to test as it is (e.g. inside a mounted DMG)."""
    given = os.environ.get("VOLUNTEER_CHECK_BUNDLE")
    if given:
        yield Path(given)
        return
    with build.use_bundle("app") as folder:
        yield folder


@pytest.fixture
def answers_file(tmp_path: Path) -> Path:
    path = tmp_path / "answers.json"
    content = {"schema_version": 2, "person": {"name": NAME}, "answers": ANSWERS}
    path.write_text(json.dumps(content, ensure_ascii=False), "utf-8")
    return path


# ---------------------------------------------------------------------------- fast, no build

def test_no_frozen_special_cases_in_app_code() -> None:
    """Data is read through importlib.resources in source and frozen runs alike."""
    offenders = [str(path.relative_to(ROOT)) for package in ("app", "ui", "rules", "resources")
                 for path in (ROOT / package).rglob("*.py")
                 if any(word in path.read_text("utf-8") for word in ("_MEIPASS", "sys.frozen"))]
    assert offenders == []


def test_excluded_modules_are_not_imported() -> None:
    """Nothing the app imports is left out of the bundle by the policy's exclusions.

    Every module of rules, app and ui is imported from source with the optional exclusions
    blocked (as in the bundle); none of the other excluded modules may show up.
    """
    excluded = sorted(policy.EXCLUDED_MODULES)
    probe = (
        "import importlib, pkgutil, sys\n"
        f"for name in {sorted(policy.EXCLUDED_OPTIONAL_MODULES)!r}:\n"
        "    sys.modules[name] = None  # as in the bundle: import fails, fallback used\n"
        "before = set(sys.modules)\n"
        "import hashlib, pydantic, openpyxl, PySide6.QtWidgets, PySide6.QtGui\n"
        "assert hashlib.sha256(b'').hexdigest().startswith('e3b0c442')\n"
        "for pkg in ('rules', 'app', 'ui'):\n"
        "    module = importlib.import_module(pkg)\n"
        "    for info in pkgutil.walk_packages(module.__path__, pkg + '.'):\n"
        "        importlib.import_module(info.name)\n"
        "print('\\n'.join(sorted(set(sys.modules) - before)))\n"
    )
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT,
                         env=_env(QT_QPA_PLATFORM="offscreen"), timeout=TIMEOUT, check=False)
    assert run.returncode == 0, run.stderr
    loaded = run.stdout.split()
    used = sorted({m for m in loaded for x in excluded if m == x or m.startswith(x + ".")})
    assert used == [], f"imported at run time but excluded in packaging/policy.py: {used}"


# ---------------------------------------------------------------------------- the bundle

@pytest.mark.packaging
def test_bundle_layout(bundle: Path) -> None:
    internal = bundle / LAYOUT.internal
    system = policy.system_key()
    assert _exe(bundle, "volunteer-check-gui").is_file()
    assert _exe(bundle, "volunteer-check").is_file()
    # Data at the same package paths importlib.resources uses in a source run.
    assert (internal / "rules" / "data" / "parameters.json").is_file()
    for font in ("NotoSans-Regular.ttf", "NotoSansArabic-Regular.ttf",
                 "DroidSansFallbackFull.ttf", "LICENSE-Noto.txt",
                 "LICENSE-DroidSansFallback.txt"):
        assert (internal / "resources" / "fonts" / font).is_file(), font
    assert (internal / "resources" / "icons" / "volunteer-check-256.png").is_file()
    if system == "linux":
        about = trimming.read_about(ROOT / "app" / "about.py")
        desktop = internal / "share" / "applications" / f"{about['APP_ID']}.desktop"
        assert "Exec=volunteer-check-gui" in desktop.read_text("utf-8")
    # Trimmed: only the kept platform plugins and plugin folders, no dropped library.
    plugins = internal / "PySide6" / ("plugins" if system == "win32" else "Qt/plugins")
    platforms = sorted(policy.library_stem(p.name) for p in (plugins / "platforms").iterdir())
    assert platforms == sorted(policy.QT_PLATFORM_PLUGINS[system])
    folders = {p.name for p in plugins.iterdir()}
    assert folders <= {name for name, (systems, _why) in policy.QT_PLUGIN_FOLDERS_KEPT.items()
                       if system in systems}
    found = [p.relative_to(bundle).as_posix() for p in bundle.rglob("*")]
    assert [name for name in found if policy.is_dropped_qt_library(name, system)] == []
    assert [name for name in found if policy.is_dropped_library(name, system)] == []


@pytest.mark.packaging
def test_executables_run_in_utf8_mode(bundle: Path) -> None:
    """Python's UTF-8 mode is an option of both executables (the Windows CLI needs it)."""
    from PyInstaller.archive.readers import CArchiveReader

    for name in ("volunteer-check-gui", "volunteer-check"):
        assert "X utf8" in CArchiveReader(str(_exe(bundle, name))).options, name


@pytest.mark.packaging
@pytest.mark.skipif(sys.platform != "darwin", reason="the .app exists on macOS only")
def test_macos_app_starts_the_gui_in_the_foreground(bundle: Path) -> None:
    import plistlib

    info = plistlib.loads((bundle / "Contents" / "Info.plist").read_bytes())
    assert info["CFBundleExecutable"] == "volunteer-check-gui"
    assert not info.get("LSBackgroundOnly")
    assert sorted(p.name for p in (bundle / "Contents" / "MacOS").iterdir()) == [
        "volunteer-check", "volunteer-check-gui"]
    needed = build.minimum_macos(bundle)
    assert needed is not None
    assert build._version_tuple(info["LSMinimumSystemVersion"]) >= needed[0]


def _source_modules(*packages: str) -> set[str]:
    found = set()
    for package in packages:
        for path in (ROOT / package).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            found.add(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return found


def _archived_modules(executable: Path) -> set[str]:
    """Module names in the PYZ embedded in a PyInstaller executable."""
    import tempfile

    from PyInstaller.archive.readers import CArchiveReader, ZlibArchiveReader

    with tempfile.TemporaryDirectory() as folder:
        pyz = Path(folder) / "PYZ.pyz"
        pyz.write_bytes(CArchiveReader(str(executable)).extract("PYZ.pyz"))
        return set(ZlibArchiveReader(str(pyz)).toc)


@pytest.mark.packaging
def test_every_module_of_ours_is_in_the_executables(bundle: Path) -> None:
    """Also modules imported by name (importlib), which PyInstaller cannot follow."""
    gui = _archived_modules(_exe(bundle, "volunteer-check-gui"))
    cli = _archived_modules(_exe(bundle, "volunteer-check"))
    assert sorted(_source_modules("ui", "app", "rules") - gui) == []
    assert sorted(_source_modules("app", "rules") - cli) == []


@pytest.mark.packaging
def test_cli_version_comes_from_about(bundle: Path, tmp_path: Path) -> None:
    about = trimming.read_about(ROOT / "app" / "about.py")
    run = _run([_exe(bundle, "volunteer-check"), "--version"], _env(), tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == f"{about['APP_NAME']} {about['VERSION']}"


@pytest.mark.packaging
def test_cli_assesses_an_answers_file(bundle: Path, answers_file: Path) -> None:
    run = _run([_exe(bundle, "volunteer-check"), "assess", answers_file, "--json"], _env(),
               answers_file.parent)
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert result["colour"] == "GREEN"
    assert any(f["rule"] == "R11" for f in result["findings"])


@pytest.mark.packaging
def test_cli_writes_the_pdf_in_three_scripts(bundle: Path, answers_file: Path) -> None:
    if _source_has(ROOT / "app" / "pdf_report.py", "NotImplementedError"):
        pytest.skip("app/pdf_report.py still raises NotImplementedError: PDF export not built yet")
    out = answers_file.parent / "report.pdf"
    # Headless like a server or CI: no display and no QT_QPA_PLATFORM; the CLI must cope.
    run = _run([_exe(bundle, "volunteer-check"), "assess", answers_file, "--pdf", out],
               _env(DISPLAY=None, WAYLAND_DISPLAY=None, QT_QPA_PLATFORM=None),
               answers_file.parent)
    assert run.returncode == 0, run.stderr
    text = _pdf_text(out)
    assert "GREEN" in text
    assert _has_name(text, NAME), text[:400]


def _write_csv(path: Path, people: int) -> Path:
    """A spreadsheet of alternating GREEN (NAME) and RED ("Paid Person") rows."""
    def cell(value: object) -> str:
        return ";".join(value) if isinstance(value, list) else str(value)

    rows = [",".join(["name", *COLUMNS])]
    green = ",".join([NAME, *(cell(ANSWERS.get(k, "")) for k in COLUMNS)])
    red = ",".join(["Paid Person", *(cell(RED_ANSWERS.get(k, "")) for k in COLUMNS)])
    rows += [green if n % 2 == 0 else red for n in range(people)]
    path.write_text("\n".join(rows) + "\n", "utf-8")
    return path


def _screen_available() -> None:
    if not _source_has(ROOT / "app" / "commands" / "__init__.py", "screen"):
        pytest.skip("the organiser `screen` command does not exist yet")


@pytest.mark.packaging
def test_cli_screens_a_small_csv(bundle: Path, tmp_path: Path) -> None:
    _screen_available()
    small = _write_csv(tmp_path / "small.csv", 2)
    out_csv, out_xlsx = tmp_path / "results.csv", tmp_path / "results.xlsx"
    run = _run([_exe(bundle, "volunteer-check"), "screen", small, "--csv", out_csv,
                "--xlsx", out_xlsx, "--quiet"], _env(DISPLAY=None), tmp_path)
    assert run.returncode == 0, run.stderr
    assert re.search(r"RED 1\s+AMBER 0\s+GREEN 1", run.stdout), run.stdout
    results = out_csv.read_text("utf-8-sig")
    assert NAME in results and "Paid Person" in results
    assert out_xlsx.stat().st_size > 0


@pytest.mark.packaging
def test_cli_screens_a_big_csv_in_worker_processes(bundle: Path, tmp_path: Path) -> None:
    """Big CSVs are screened by child processes: multiprocessing must work frozen."""
    _screen_available()
    if not _source_has(ROOT / "app" / "commands" / "screen.py", "--jobs"):
        pytest.skip("the screen command has no parallel path (--jobs) yet")
    people = 12_000  # > 2 MB, the size from which the screen command uses worker processes
    big = _write_csv(tmp_path / "big.csv", people)
    out_csv = tmp_path / "results.csv"
    run = _run([_exe(bundle, "volunteer-check"), "screen", big, "--jobs", "2", "--csv", out_csv,
                "--quiet"], _env(DISPLAY=None), tmp_path)
    assert run.returncode == 0, run.stderr
    half = people // 2
    assert re.search(rf"RED {half}\s+AMBER 0\s+GREEN {half}", run.stdout), run.stdout
    assert len(out_csv.read_text("utf-8-sig").splitlines()) == people + 1
    assert "Traceback" not in run.stderr


def _first_paint(run: subprocess.CompletedProcess[str]) -> float:
    assert run.returncode == 0, run.stderr[-2000:]
    match = re.search(r"first-paint ([0-9.]+)", run.stdout)
    assert match, run.stdout
    return float(match.group(1))


@pytest.mark.packaging
def test_gui_paints_its_first_page_offscreen(bundle: Path, tmp_path: Path) -> None:
    if not (ROOT / "ui" / "main.py").is_file():
        pytest.skip("ui/main.py (the GUI entry point) does not exist yet")
    run = _run([_exe(bundle, "volunteer-check-gui"), "--quit-after-first-paint"],
               _env(QT_QPA_PLATFORM="offscreen"), tmp_path)
    assert _first_paint(run) > 0


@pytest.mark.packaging
def test_gui_loads_the_rules_and_opens_an_answers_file(bundle: Path, answers_file: Path) -> None:
    if not _source_has(ROOT / "ui" / "main.py", "--quit-after-ready"):
        pytest.skip("ui/main.py has no --quit-after-ready option yet")
    run = _run([_exe(bundle, "volunteer-check-gui"), "--quit-after-ready", answers_file],
               _env(QT_QPA_PLATFORM="offscreen"), answers_file.parent)
    assert run.returncode == 0, run.stderr[-2000:]
    assert re.search(r"^ready [0-9.]+$", run.stdout, re.M), run.stdout
    assert "Traceback" not in run.stderr


@pytest.mark.packaging
@pytest.mark.skipif(sys.platform != "linux" or shutil.which("xvfb-run") is None,
                    reason="needs Linux and xvfb-run (package xvfb) for a real X11 window")
def test_gui_starts_on_x11_with_the_bundled_xcb_plugin(bundle: Path, tmp_path: Path) -> None:
    if not (ROOT / "ui" / "main.py").is_file():
        pytest.skip("ui/main.py (the GUI entry point) does not exist yet")
    run = _run(["xvfb-run", "-a", "-s", "-screen 0 1280x800x24",
                _exe(bundle, "volunteer-check-gui"), "--quit-after-first-paint"],
               _env(QT_QPA_PLATFORM=None, DISPLAY=None, WAYLAND_DISPLAY=None), tmp_path)
    assert _first_paint(run) > 0
    assert "Could not load the Qt platform plugin" not in run.stderr


@pytest.mark.packaging
@pytest.mark.skipif(sys.platform not in ("win32", "darwin"),
                    reason="Windows (qwindows) and macOS (qcocoa) only; Linux: the xcb test")
def test_gui_starts_on_the_native_platform_plugin(bundle: Path, tmp_path: Path) -> None:
    """In the desktop session of the machine (the release workflow's hosted runners)."""
    if not (ROOT / "ui" / "main.py").is_file():
        pytest.skip("ui/main.py (the GUI entry point) does not exist yet")
    run = _run([_exe(bundle, "volunteer-check-gui"), "--quit-after-first-paint"],
               _env(QT_QPA_PLATFORM=None), tmp_path)
    assert _first_paint(run) > 0
    assert "Could not load the Qt platform plugin" not in run.stderr
