"""Frozen entry point of the GUI executable `volunteer-check-gui` (same as the console script)."""

import sys

if any(arg.startswith("--multiprocessing") or arg == "-c" for arg in sys.argv[1:]):
    # This executable was started as a multiprocessing helper (spawn child, forkserver or
    # resource tracker: app/group runs big screenings in child processes). Hand over to
    # multiprocessing, which runs the child's work and exits, instead of starting the app again.
    # Checked before importing multiprocessing so normal start-up does not pay for it.
    import multiprocessing

    multiprocessing.freeze_support()

from ui.main import main

if __name__ == "__main__":
    sys.exit(main())
