"""Codemods: rewrite restricted Spotify calls into calls of a compat module in the project.

``templates`` indexes the function templates, ``plan`` decides what to rewrite (pure),
``transform`` rewrites a libcst tree, ``compat`` renders and merges the compat module, and
``apply`` does the file I/O.
"""
