"""tools/screenshots.py keeps working (every page renders at both sizes)."""

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
ORGANISER = ("organiser-", "pdf-")  # tools/organiser_shots.py, checked below


def test_screenshots_of_every_page(tmp_path: Path) -> None:
    shots_dir = tmp_path / "shots"
    temp = tmp_path / "tmp"  # the tool's temporary folders go here, not into the shared /tmp
    temp.mkdir()
    user_home = tmp_path / "user-home"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(temp),
           "VOLUNTEER_CHECK_HOME": str(user_home)}
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "screenshots.py"),
                           str(shots_dir)],
                          env=env, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    shots = sorted(p for p in shots_dir.glob("*.png") if not p.name.startswith(ORGANISER))
    assert len(shots) == 44
    for name, size in (("01-welcome-1280x800.png", (1280, 800)),
                       ("13-result-red-delegate-1024x640.png", (1024, 640))):
        image = QImage(str(shots_dir / name))
        assert (image.width(), image.height()) == size
    # The sample answers (immigration status included) are autosaved as a draft while the tool
    # runs: that draft's folder is gone afterwards, and the user's own data folder untouched.
    assert list(temp.iterdir()) == []
    assert not user_home.exists()
    assert sorted(p.name for p in shots_dir.iterdir() if not p.name.startswith(ORGANISER)) \
        == [p.name for p in shots]
    assert (shots_dir / "organiser-02-imported-1280x800.png").exists()


def test_screenshots_of_the_organiser_window_and_both_pdfs(tmp_path: Path) -> None:
    shots_dir = tmp_path / "shots"
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(temp),
           "VOLUNTEER_CHECK_HOME": str(tmp_path / "user-home")}
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "screenshots.py"),
                           "--organiser", str(shots_dir)],
                          env=env, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    names = {p.name for p in shots_dir.iterdir()}
    assert {"pdf-single.pdf", "pdf-group.pdf"} <= names
    for size in ("1280x800", "1024x640"):
        for scene in ("01-empty", "02-imported", "03-selected", "04-scrolled-sideways",
                      "05-edited", "06-filtered", "07-invalid"):
            image = QImage(str(shots_dir / f"organiser-{scene}-{size}.png"))
            assert f"{image.width()}x{image.height()}" == size, scene
        for report in ("pdf-single", "pdf-group"):
            pages = sorted(n for n in names if n.startswith(f"{report}-p") and size in n)
            assert len(pages) >= 3, (report, size)
            image = QImage(str(shots_dir / pages[0]))
            assert f"{image.width()}x{image.height()}" == size
    assert not any(n.endswith(".png") and not n.startswith(ORGANISER) for n in names)
    assert list(temp.iterdir()) == []  # the group's CSV went into a temporary folder, gone
