"""Frozen entry point of the command-line executable `volunteer-check` (app.cli:main)."""

import sys

from app.cli import main

if __name__ == "__main__":
    sys.exit(main())
