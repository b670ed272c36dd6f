"""The JSON routes; the client and the database come from flask.g."""

from flask import g, jsonify, request

from .hooks import bp
from .library import LibraryDB


@bp.route("/features")
def features():
    ids = request.args.getlist("id")
    return jsonify(g.sp.audio_features(ids))  # expect: SPT103


@bp.route("/categories")
def categories():
    return jsonify(g.sp.categories(limit=20))  # expect: SPT208


@bp.route("/track/<track_id>")
def track(track_id):
    return jsonify(g.sp.track(track_id))


@bp.route("/local")
def local():
    rows = g.db.tracks()
    picks = g.db.recommendations()
    return jsonify({"rows": rows, "picks": picks})


@bp.route("/library")
def library():
    g.library = LibraryDB("plays.db")
    return jsonify({"tracks": g.library.tracks(), "picks": g.library.recommendations()})
