"""Loading: YAML -> positioned values -> validated models and a source map, every error at once
at its file:line:col, in an author's words. The loader is `strongback.load.loader.loader`."""
