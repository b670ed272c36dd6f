"""Imports the in-house client object from app."""

import app
from app import service


def more(ids):
    return service.audio_features(ids)


def again(seed):
    return app.service.recommendations(seed)
