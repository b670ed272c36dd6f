"""Old reporting code, still importing the client by its old name."""

from app.compat import spotify


def track_rows(ids):
    rows = []
    for item in spotify.tracks(ids)["tracks"]:  # expect: SPT213
        rows.append((item["id"], item["name"]))
    return rows
