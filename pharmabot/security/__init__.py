"""Abuse and attack resistance: callers and API keys, rate limits, request limits, input sanitizing."""
