"""Per-request set-up: a Spotify client and the database on flask.g."""

import sqlite3

import spotipy
from flask import Blueprint, g, session

bp = Blueprint("music", __name__)


@bp.before_request
def load():
    g.sp = spotipy.Spotify(auth=session.get("token"))
    g.db = sqlite3.connect("plays.db")
    g.library = None


@bp.teardown_request
def close(exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()
