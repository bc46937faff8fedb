"""HTTP routers: thin translations of requests into service calls."""
