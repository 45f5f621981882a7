"""The release workflow (.github/workflows/release.yml) and its pinned versions, checked offline.

actionlint (with shellcheck for the `run:` scripts) comes from the test extra of pyproject.toml,
as wheels that carry the binaries. What the workflow does on the hosted runners can only be seen
there; these tests keep it well-formed and consistent with the rest of packaging/.
"""

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from packaging.markers import default_environment
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = ROOT / ".github" / "workflows"
RELEASE = WORKFLOWS / "release.yml"
LOCK = ROOT / "packaging" / "requirements-release.txt"


def _tool(name: str) -> str:
    """A linter installed beside this Python (the .venv) or on PATH."""
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed: `./dev test` installs it (test extra of "
                    "pyproject.toml)")
    return found


def test_workflows_pass_actionlint() -> None:
    files = sorted(str(p.relative_to(ROOT)) for p in WORKFLOWS.glob("*.y*ml"))
    assert files, "no workflow files"
    run = subprocess.run(
        [_tool("actionlint"), "-no-color", "-shellcheck", _tool("shellcheck"), "-pyflakes=",
         *files], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stdout + run.stderr


def _workflow() -> dict[Any, Any]:
    data = yaml.safe_load(RELEASE.read_text("utf-8"))
    assert isinstance(data, dict)
    return data


def test_release_runs_on_the_hosted_runners_of_each_system() -> None:
    bundle = _workflow()["jobs"]["bundle"]
    runners = {entry["runner"] for entry in bundle["strategy"]["matrix"]["include"]}
    assert {"windows-2022", "macos-15", "macos-15-intel"} <= runners
    assert any(r.startswith("ubuntu-") for r in runners)
    steps = [step.get("run", "") for step in bundle["steps"]]
    script = "\n".join(steps)
    assert "-r packaging/requirements-release.txt" in script
    assert "pytest tests/packaging -m packaging" in script
    assert "VOLUNTEER_CHECK_BUNDLE" in script  # the download is tested too
    assert "hdiutil attach" in script


def test_signing_steps_run_only_with_their_secrets() -> None:
    steps = _workflow()["jobs"]["bundle"]["steps"]
    for step in steps:
        text = str(step.get("run", ""))
        if any(tool in text for tool in ("signtool", "codesign", "notarytool", "stapler")):
            condition = step.get("if", "")
            assert "steps.signing.outputs." in condition, step["name"]


def _pins() -> dict[str, Requirement]:
    pins = {}
    for line in LOCK.read_text("utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            requirement = Requirement(line)
            assert len(requirement.specifier) == 1 and next(
                iter(requirement.specifier)).operator == "==", line
            pins[_name(requirement.name)] = requirement
    return pins


def _name(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


@pytest.mark.parametrize("platform", ["win32", "darwin", "linux"])
def test_release_pins_satisfy_pyproject(platform: str) -> None:
    """Every run-time and build requirement of pyproject.toml (and PyInstaller's own, per
    system) is pinned, for Python 3.11 on each system, at a version it accepts."""
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    env = {**default_environment(), "python_version": "3.11", "python_full_version": "3.11.9",
           "sys_platform": platform}
    pins = _pins()
    wanted = [*project["dependencies"], *project["optional-dependencies"]["package"],
              "pytest>=8", "pytest-qt>=4.4", "pypdf>=4"]
    if platform == "win32":
        wanted += ["pefile>=2022.5.30", "pywin32-ctypes>=0.2.1", "colorama>=0.4"]
    if platform == "darwin":
        wanted += ["macholib>=1.8"]
    for text in wanted:
        requirement = Requirement(text)
        if requirement.marker and not requirement.marker.evaluate(env):
            continue
        pin = pins.get(_name(requirement.name))
        assert pin is not None, f"{requirement.name} is not pinned in {LOCK.name}"
        assert pin.marker is None or pin.marker.evaluate(env), (text, platform)
        version = next(iter(pin.specifier)).version
        assert requirement.specifier.contains(version, prereleases=True), (text, version)
