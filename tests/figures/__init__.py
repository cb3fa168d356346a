"""The exercise figures (src/strongback/figures/)."""
