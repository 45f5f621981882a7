"""packaging/build.py, loaded once by path (packaging/ is not a package): for the packaging
tests and the bundle benchmark, which must share one module object (and its `trimming`)."""

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"
NAME = "volunteer_check_build"


def load_build() -> ModuleType:
    """The build module (loading it also loads packaging/trimming.py as `trimming`)."""
    if NAME in sys.modules:
        return sys.modules[NAME]
    spec = importlib.util.spec_from_file_location(NAME, PACKAGING / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[NAME] = module
    spec.loader.exec_module(module)
    return module
