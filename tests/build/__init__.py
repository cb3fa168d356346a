"""One build: the engine, publishing, assets, the offline copy, serve (src/strongback/build/)."""
