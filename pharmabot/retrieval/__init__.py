"""Label retrieval: the Retriever protocol, backend-neutral query understanding, and the backends."""
