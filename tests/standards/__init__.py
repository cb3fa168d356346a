"""The content-standards check and the review trail (src/strongback/standards/)."""
