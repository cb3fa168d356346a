"""The generated pages: catalogue -> Markdown through templates/pages/, the finder, JSON-LD, the
Jinja environment and how doses and sessions read."""
