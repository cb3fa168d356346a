"""The content models (src/strongback/model/)."""
