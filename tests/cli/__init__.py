"""The strongback command (src/strongback/cli/)."""
