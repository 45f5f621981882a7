"""tools/screenshots.py keeps working (every page renders at both sizes)."""

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]


def test_screenshots_of_every_page(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "screenshots.py"), str(tmp_path)],
                          env=env, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    shots = sorted(tmp_path.glob("*.png"))
    assert len(shots) == 34
    for name, size in (("01-welcome-1280x800.png", (1280, 800)),
                       ("13-result-red-delegate-1024x640.png", (1024, 640))):
        image = QImage(str(tmp_path / name))
        assert (image.width(), image.height()) == size
