"""Translation catalogues: <lang>/LC_MESSAGES/<domain>.po (sources) and .mo (built by ./dev)."""
