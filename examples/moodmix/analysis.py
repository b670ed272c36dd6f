"""Pure data helpers: no Spotify calls in here."""

import csv
from statistics import mean


def audio_features(rows):
    """Average the feature columns of a CSV export."""
    return {key: mean(float(r[key]) for r in rows) for key in ("energy", "valence")}


def load_rows(path):
    with open(path, newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [r for r in rows if r["preview_url"]]


def mood_of(features):
    return "happy" if features["valence"] > 0.5 else "calm"
