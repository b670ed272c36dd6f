"""Nightly jobs: refresh cached track data and browse pages."""

import json
from pathlib import Path

import auth
from auth import login, make_client

CACHE = Path("cache")


def refresh_features(ids):
    client = make_client()
    features = client.audio_features(ids)  # expect: SPT103
    (CACHE / "features.json").write_text(json.dumps(features))


def browse():
    sp, user_id = login()
    categories = sp.categories(limit=50)  # expect: SPT208
    profile = sp.user(user_id)  # expect: SPT214
    return categories, profile


def albums(ids):
    return auth.make_client().albums(ids)  # expect: SPT205


def saved(limit=50):
    sp, _ = login()
    return sp.current_user_saved_tracks(limit=limit)
