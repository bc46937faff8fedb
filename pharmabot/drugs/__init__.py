"""Drug lookup: `GET /api/drugs` (names, autocomplete) and `GET /api/drugs/{name}` (a drug's label)."""
