"""In-house helpers."""
