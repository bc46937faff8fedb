"""What the tests share: the fixtures plugin (`fixtures`), small indexes, local stand-in servers, test routes."""
