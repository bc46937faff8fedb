"""The HTTP edge every feature shares: request dependencies, error handlers, middleware, the probes.

The features' own routers live in their folders (`pharmabot.chat`, `pharmabot.search`, `pharmabot.drugs`,
`pharmabot.interactions`); `chat.py` and `search.py` here re-export theirs under the original design's names.
"""
