"""The built-in web page: static files served at `/` and `/static` (no build step, no CDN)."""

from __future__ import annotations

from pathlib import Path

STATIC_DIR = Path(__file__).parent / "static"
