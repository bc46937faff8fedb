"""Drug knowledge: FDA label records, drug names, the label index."""
