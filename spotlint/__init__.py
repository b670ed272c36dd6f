"""spotlint: find and fix uses of Spotify Web API endpoints that Spotify has restricted."""

__version__ = "0.1.0"
