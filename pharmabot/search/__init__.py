"""Label search: `POST /api/search` over the configured retriever."""
