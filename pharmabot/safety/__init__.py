"""The pure text checks every chat message passes, in code: emergencies, prompt attacks, refused requests.

No I/O and no model: `red_flags` (with its clinical model in `red_flag_model`), `injection` (attack rules)
and `harmful` (the harmful-request policy) take text and answer from rules compiled once per process.
"""
