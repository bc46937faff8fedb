"""PharmaBot: an AI pharmacist assistant API grounded in the official FDA drug labels."""

__version__ = "0.1.0"
