"""The set-up logic of ./dev (issue 10, "A truly fresh machine").

Sourced, ./dev only defines its functions; each test calls one in bash. Fast: no apt, no pip.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(sys.platform == "win32" or shutil.which("bash") is None,
                                reason="./dev is a bash script for Linux and macOS")


def _dev(call: str, path_prefix: Path | None = None) -> str:
    env = dict(os.environ, PYTHON=sys.executable)
    if path_prefix is not None:
        env["PATH"] = f"{path_prefix}{os.pathsep}{env['PATH']}"
    run = subprocess.run(["bash", "-c", f'source "$1" && {call}', "bash", str(ROOT / "dev")],
                         capture_output=True, text=True, env=env, timeout=60)
    assert run.returncode == 0, run.stderr
    return run.stdout.strip()


def test_venv_state_tells_which_venv_must_be_made_again(tmp_path: Path) -> None:
    assert _dev(f'venv_state "{tmp_path / "absent"}"') == "missing"

    # What `python -m venv` leaves behind without ensurepip (Debian without python3-venv):
    # a python but no pip. The old ./dev trusted it and then failed on "No module named pip".
    half = tmp_path / "half"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(half)], check=True)
    assert _dev(f'venv_state "{half}"').split()[0] == "no-pip"

    # The Python the venv was made from is gone (removed, or upgraded to another minor version).
    broken = tmp_path / "broken"
    (broken / "bin").mkdir(parents=True)
    (broken / "bin" / "python").symlink_to(tmp_path / "no-such-python")
    assert _dev(f'venv_state "{broken}"') == "broken"


@pytest.mark.skipif(importlib.util.find_spec("pip") is None, reason="this Python has no pip")
def test_venv_state_ok_with_the_python_version() -> None:
    major, minor = sys.version_info[:2]
    assert _dev(f'venv_state "{sys.prefix}"') == f"ok {major}.{minor}"


def test_packages_for_debians_own_python() -> None:
    assert _dev("debian_python_pkgs /usr/bin/python3.11") == "python3.11-venv libpython3.11"
    assert _dev("debian_python_pkgs /usr/bin/python3.13") == "python3.13-venv libpython3.13"
    # Any other Python (pyenv, /usr/local, a venv) brings its own ensurepip and libpython.
    assert _dev("debian_python_pkgs /root/.pyenv/versions/3.11.7/bin/python3.11") == ""
    assert _dev("debian_python_pkgs /usr/local/bin/python3.11") == ""


def test_missing_debs_counts_only_installed_packages(tmp_path: Path) -> None:
    # A stand-in dpkg-query: libfoo installed, libbar removed with its configuration kept ("rc"),
    # libheld installed and held ("hi"), libbaz unknown (dpkg-query then exits 1).
    stub = tmp_path / "dpkg-query"
    stub.write_text("#!/bin/sh\nprintf 'libfoo ii \\nlibbar rc \\nlibheld hi \\n'\n"
                    "echo 'dpkg-query: no packages found matching libbaz' >&2\nexit 1\n")
    stub.chmod(0o755)
    assert _dev("missing_debs libfoo libbar libheld libbaz", tmp_path) == "libbar libbaz"
