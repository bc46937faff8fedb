"""Deterministic, label-grounded drug-drug interaction checking."""
