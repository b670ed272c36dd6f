"""moodmix: build mood-based mixes from a Spotify library."""
