"""Loading: YAML, positions, validation and the loader (src/strongback/load/)."""
