"""`sanitize_input`, where the original design put it; the attack rules live in `pharmabot.safety.injection`.

A re-export only: nothing inside the package imports this module, so it sits above everything and
creates no import circle.
"""

from __future__ import annotations

from pharmabot.safety.injection import sanitize_input

__all__ = ["sanitize_input"]
