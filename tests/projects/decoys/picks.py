"""Imports the local recommender function."""

from ranking import recommendations


def daily(history):
    return recommendations(history, limit=30)
