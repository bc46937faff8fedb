"""`POST /api/search`'s router, where the original design put it; the feature lives in `pharmabot.search`.

A re-export only: nothing inside the package imports this module (the app includes
`pharmabot.search.router` itself), so it sits above everything and creates no import circle.
"""

from __future__ import annotations

from pharmabot.search.router import router

__all__ = ["router"]
