"""The generated pages, JSON-LD, the finder, doses and lead-ins (src/strongback/pages/)."""
