"""A Flask app keeping its database on flask.g."""

from flask import Flask, g, jsonify

from store import TrackStore

app = Flask(__name__)


@app.before_request
def open_db():
    g.db = TrackStore("tracks.db")


@app.route("/tracks")
def tracks():
    return jsonify(g.db.tracks())


@app.route("/picks")
def picks():
    return jsonify(g.db.recommendations())
