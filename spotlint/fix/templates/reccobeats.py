"""ReccoBeats replacements for audio features and recommendations (template for compat modules).

The opt-in ``reccobeats`` strategy: these functions send Spotify track and artist ids to
ReccoBeats, a free, keyless third-party service, and return its answer in the shape of the
restricted Spotify call. spotipy's keep spotipy's names and return dicts; tekore's return
objects with the attribute names of tekore's models (SimpleNamespace: the compat module
imports only the standard library, so they are not pydantic models).
"""

from __future__ import annotations

import json
import warnings
from types import SimpleNamespace
from typing import Any
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import Request, urlopen

# The ReccoBeats API these functions call (no key needed). Point it at a mirror or a proxy of
# your own if you have one; the routes `/audio-features` and `/track/recommendation` are
# appended to it.
RECCOBEATS_URL = "https://api.reccobeats.com/v1"

# Seconds a request to ReccoBeats may take before it fails with ReccoBeatsError.
RECCOBEATS_TIMEOUT = 10.0

# Track ids per `GET /audio-features` request.
RECCOBEATS_BATCH = 40

_FEATURE_KEYS = ("acousticness", "danceability", "energy", "instrumentalness", "key", "liveness", "loudness",
                 "mode", "speechiness", "tempo", "valence", "duration_ms", "time_signature")
_TARGETS = frozenset({"acousticness", "danceability", "energy", "instrumentalness", "liveness", "speechiness",
                      "tempo", "valence"})


class ReccoBeatsError(RuntimeError):
    """ReccoBeats gave no data: it throttled the request (HTTP 429; ``retry_after`` holds its
    Retry-After header), answered another HTTP error, could not be reached in time or sent a
    body that is not JSON."""

    def __init__(self, message: str, status: int | None = None, retry_after: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after


def _reccobeats_get(route: str, query: dict[str, Any]) -> Any:
    """``GET RECCOBEATS_URL/route?query`` as JSON, within RECCOBEATS_TIMEOUT seconds."""
    url = f"{RECCOBEATS_URL.rstrip('/')}/{route}?{urlencode(query, safe=',')}"
    request = Request(url, headers={"Accept": "application/json"})
    try:
        with urlopen(request, timeout=RECCOBEATS_TIMEOUT) as response:
            body = response.read()
    except HTTPError as error:
        retry_after = error.headers.get("Retry-After") if error.headers is not None else None
        error.close()
        if error.code == 429:
            wait = f"its Retry-After header says to wait {retry_after}" if retry_after else "it sent no Retry-After"
            raise ReccoBeatsError(f"ReccoBeats is throttling requests (HTTP 429); {wait} before calling again: {url}",
                                  429, retry_after) from None
        raise ReccoBeatsError(f"ReccoBeats answered HTTP {error.code}: {url}", error.code) from None
    except OSError as error:  # refused, unresolvable, or slower than RECCOBEATS_TIMEOUT
        reason = getattr(error, "reason", None) or error
        raise ReccoBeatsError(f"cannot reach ReccoBeats ({reason}): {url}") from None
    try:
        return json.loads(body.decode("utf-8"))
    except ValueError:
        raise ReccoBeatsError(f"ReccoBeats sent a body that is not JSON: {url}") from None


def _ids(values: Any) -> list[Any]:
    if values is None:
        return []
    if isinstance(values, str):
        return [values]
    return list(values)


def _reccobeats_rows(payload: Any) -> list[dict[str, Any]]:
    rows = payload.get("content") if isinstance(payload, dict) else payload
    return [row for row in rows or [] if isinstance(row, dict)]


def _spotify_id_of(row: dict[str, Any]) -> str:
    """The Spotify id a ReccoBeats row is about: the last path segment of its ``href`` (its
    own ``id`` is ReccoBeats')."""
    href = str(row.get("href") or "").split("?", 1)[0].split("#", 1)[0]
    return href.rstrip("/").rsplit("/", 1)[-1]


def _features_by_id(track_ids: list[str]) -> dict[str, dict[str, Any]]:
    """`GET /audio-features?ids=…`, RECCOBEATS_BATCH ids a request, as Spotify's audio
    features objects keyed by track id. ReccoBeats leaves out the tracks it has nothing for."""
    wanted = list(dict.fromkeys(track_ids))
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(wanted), RECCOBEATS_BATCH):
        batch = wanted[start:start + RECCOBEATS_BATCH]
        for row in _reccobeats_rows(_reccobeats_get("audio-features", {"ids": ",".join(batch)})):
            track_id = _spotify_id_of(row)
            if track_id in batch:
                features = {key: row.get(key) for key in _FEATURE_KEYS}
                features.update(id=track_id, uri=f"spotify:track:{track_id}", type="audio_features",
                                track_href=f"https://api.spotify.com/v1/tracks/{track_id}",
                                analysis_url=f"https://api.spotify.com/v1/audio-analysis/{track_id}")
                found[track_id] = features
    return found


def audio_features(client: Any, tracks: Any = ()) -> list[Any]:
    """Audio features from ReccoBeats (sends the track ids there): one entry per requested
    track, in order, None for a track ReccoBeats has no features for, as Spotify answered for
    unknown ids. Entries have Spotify's keys; a value ReccoBeats does not give is None."""
    track_ids = [client._get_id("track", track) for track in _ids(tracks)]
    found = _features_by_id(track_ids)
    return [dict(found[t]) if t in found else None for t in track_ids]


def tekore_tracks_audio_features(client: Any, track_ids: Any) -> list[Any]:
    """Audio features from ReccoBeats (sends the track ids there): one object per track with
    the attributes of tekore's AudioFeatures (None where ReccoBeats has none), in order."""
    wanted = list(track_ids)
    found = _features_by_id(wanted)
    return [SimpleNamespace(**found[t]) if t in found else None for t in wanted]


def tekore_track_audio_features(client: Any, track_id: str) -> Any:
    """One track's audio features from ReccoBeats (sends the id there), as an object with the
    attributes of tekore's AudioFeatures; ReccoBeatsError when it has none."""
    found = _features_by_id([track_id])
    if track_id not in found:
        raise ReccoBeatsError(f"ReccoBeats has no audio features for track {track_id}", 404)
    return SimpleNamespace(**found[track_id])


def _recommended_ids(seeds: list[str], genres: list[Any], limit: int, attributes: dict[str, Any]) -> list[str]:
    """Spotify track ids ReccoBeats recommends for track and artist seeds
    (`GET /track/recommendation`), Spotify's ``target_*`` attributes sent as its targets; genre
    seeds and the attributes it has no target for are ignored with a warning."""
    ignored = [f"genre seeds ({', '.join(map(str, genres))})"] if genres else []
    query: dict[str, Any] = {"seeds": ",".join(seeds), "size": limit}
    for name, value in attributes.items():
        prefix, _, attribute = name.partition("_")
        if prefix == "target" and attribute in _TARGETS:
            query[attribute] = value
        else:
            ignored.append(name)
    if ignored:
        warnings.warn(f"recommendations: ReccoBeats takes no {', '.join(ignored)}; ignored",
                      RuntimeWarning, stacklevel=3)
    if not seeds:
        return []
    picked: list[str] = []
    for row in _reccobeats_rows(_reccobeats_get("track/recommendation", query)):
        track_id = _spotify_id_of(row)
        if track_id and track_id not in picked:
            picked.append(track_id)
    return picked[:limit]


def _seed(kind: str, seed_id: Any, size: int) -> dict[str, Any]:
    """A seed object in Spotify's shape; the pool sizes are the tracks returned for all seeds."""
    href = None if kind == "GENRE" else f"https://api.spotify.com/v1/{kind.lower()}s/{seed_id}"
    return {"afterFilteringSize": size, "afterRelinkingSize": size, "href": href, "id": seed_id,
            "initialPoolSize": size, "type": kind}


def recommendations(client: Any, seed_artists: Any = None, seed_genres: Any = None, seed_tracks: Any = None,
                    limit: int = 20, country: str | None = None, **kwargs: Any) -> dict[str, Any]:
    """Tracks ReccoBeats recommends for the seed tracks and artists (sends their ids there),
    each then fetched from Spotify with `GET /tracks/{id}` (`client.track`), so ``tracks``
    holds Spotify's own track objects, as before. ``target_*`` attributes become ReccoBeats'
    targets; genre seeds, ``min_*``/``max_*`` and the targets it lacks are ignored with a
    warning."""
    track_ids = [client._get_id("track", t) for t in _ids(seed_tracks)]
    artist_ids = [client._get_id("artist", a) for a in _ids(seed_artists)]
    genres = _ids(seed_genres)
    picked = _recommended_ids(track_ids + artist_ids, genres, limit, kwargs)
    seeds = [_seed("ARTIST", a, len(picked)) for a in artist_ids] + [_seed("TRACK", t, len(picked)) for t in track_ids]
    seeds += [_seed("GENRE", g, 0) for g in genres]
    return {"seeds": seeds, "tracks": [client.track(t, market=country) for t in picked]}


def tekore_recommendations(client: Any, artist_ids: Any = None, genres: Any = None, track_ids: Any = None,
                           limit: int = 20, market: str | None = None, **attributes: Any) -> Any:
    """Tracks ReccoBeats recommends for the seed tracks and artists (sends their ids there),
    each fetched with `client.track` (tekore's FullTrack); ``seeds`` and the result are
    objects with the attributes of tekore's models. Genre seeds, ``min_*``/``max_*`` and the
    targets ReccoBeats lacks are ignored with a warning."""
    tracks = _ids(track_ids)
    artists = _ids(artist_ids)
    genre_list = _ids(genres)
    picked = _recommended_ids(tracks + artists, genre_list, limit, attributes)
    seeds = [_seed("ARTIST", a, len(picked)) for a in artists] + [_seed("TRACK", t, len(picked)) for t in tracks]
    seeds += [_seed("GENRE", g, 0) for g in genre_list]
    return SimpleNamespace(seeds=[SimpleNamespace(**seed) for seed in seeds],
                           tracks=[client.track(t, market=market) for t in picked])
