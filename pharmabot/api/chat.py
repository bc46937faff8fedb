"""`POST /api/chat`'s router, where the original design put it; the feature lives in `pharmabot.chat`.

A re-export only: nothing inside the package imports this module (the app includes
`pharmabot.chat.router` itself), so it sits above everything and creates no import circle.
"""

from __future__ import annotations

from pharmabot.chat.router import router

__all__ = ["router"]
