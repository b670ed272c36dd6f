"""Entry point for ``python -m spotlint``."""

from spotlint.cli import main

main()
