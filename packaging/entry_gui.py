"""Frozen entry point of the GUI executable `volunteer-check-gui` (same as the console script)."""

import sys

from ui.main import main

if __name__ == "__main__":
    sys.exit(main())
