"""Command line: `python -m pharmabot serve|...`."""

from pharmabot.cli import main

raise SystemExit(main())
