"""Who may call and how often: API keys and caller identity, the rate-limit rules, Prompt Shields.

Nothing here reads the settings module or the store: callers and shields are built from the values
handed in, so the settings can import the rate-limit rules to validate them. The counting against
the store is `pharmabot.api.rate_limits`; the pure text checks are `pharmabot.safety`.
`rate_limiter.check_rate_limit` and `sanitizer.sanitize_input` keep the names of the original design.
"""
