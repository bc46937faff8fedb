"""Request and response models: the API's contract, with examples for the OpenAPI page."""
