"""tools/screenshots.py keeps working (every page renders at both sizes)."""

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]


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
    shots = sorted(shots_dir.glob("*.png"))
    assert len(shots) == 34
    for name, size in (("01-welcome-1280x800.png", (1280, 800)),
                       ("13-result-red-delegate-1024x640.png", (1024, 640))):
        image = QImage(str(shots_dir / name))
        assert (image.width(), image.height()) == size
    # The sample answers (immigration status included) are autosaved as a draft while the tool
    # runs: that draft's folder is gone afterwards, and the user's own data folder untouched.
    assert list(temp.iterdir()) == []
    assert not user_home.exists()
    assert sorted(p.name for p in shots_dir.iterdir()) == [p.name for p in shots]
