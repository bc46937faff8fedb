"""The original design's chat agent name, kept for code that follows it: see `triage.TriageAgent`."""
