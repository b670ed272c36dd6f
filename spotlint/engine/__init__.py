"""The per-file pipeline: screen, prefilter, parse, analyse, position, suppress, cache. This package imports no parser itself."""
