"""`check_rate_limit`, where the original design put it; the dependency lives in `pharmabot.api.deps`.

A re-export only: nothing inside the package imports this module, so it sits above everything and
creates no import circle. The counting is `pharmabot.api.rate_limits`, the rules `pharmabot.security.rate_limits`.
"""

from __future__ import annotations

from pharmabot.api.deps import check_rate_limit

__all__ = ["check_rate_limit"]
