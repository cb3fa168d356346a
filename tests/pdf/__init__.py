"""The PDFs: specs, markup, cache, fit, fonts (src/strongback/pdf/)."""
