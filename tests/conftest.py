"""Test set-up: isolated settings on a temporary directory, then the shared fixtures (tests/support/fixtures.py)."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

from pharmabot.config import Settings, get_settings

# Settings come from the environment, and `pharmabot.main` builds its module-level `app` on import:
# drop whatever the developer's shell exports and point the default state at a throwaway directory
# before any test module imports the app, so no test writes `.data/` in the checkout.
for _field in Settings.model_fields.values():
    for _name in getattr(_field.validation_alias, "choices", []):
        os.environ.pop(str(_name), None)
_SESSION_DIR = Path(tempfile.mkdtemp(prefix="pharmabot-tests-"))
atexit.register(shutil.rmtree, _SESSION_DIR, ignore_errors=True)
os.environ["PHARMABOT_SQLITE_PATH"] = str(_SESSION_DIR / "state.sqlite")
# The small label index is built there by the `small_index` session fixture, before any app starts.
os.environ["PHARMABOT_INDEX_PATH"] = str(_SESSION_DIR / "index" / "index.sqlite")
get_settings.cache_clear()

pytest_plugins = ("tests.support.fixtures",)
