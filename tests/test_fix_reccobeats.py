"""The ReccoBeats compat functions against a local fake ReccoBeats (order, None placement,
batching, throttling, timeouts, target mapping, Spotify's shapes)."""

from __future__ import annotations

import time
import warnings

import pytest

from fake_reccobeats import FakeReccoBeats
from fakes import FakeSpotify
from spotlint.fix.templates import reccobeats
from spotlint.fix.templates.reccobeats import ReccoBeatsError

FEATURES = {"a": {"danceability": 0.5, "energy": 0.7, "tempo": 120.0, "key": 5},
            "c": {"danceability": 0.2, "energy": 0.1, "tempo": 98.5, "key": 0}}


@pytest.fixture
def service(monkeypatch):
    monkeypatch.setenv("no_proxy", "127.0.0.1")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    with FakeReccoBeats(features=dict(FEATURES), recommended=["r1", "r1", "r2", "r3"]) as fake:
        monkeypatch.setattr(reccobeats, "RECCOBEATS_URL", fake.url)
        yield fake


def test_audio_features_keep_the_order_with_none_where_the_service_has_none(service):
    asked = ["spotify:track:a", "b", "https://open.spotify.com/track/c", "a"]
    rows = reccobeats.audio_features(FakeSpotify(), asked)
    assert [row and row["id"] for row in rows] == ["a", None, "c", "a"]
    first = rows[0]
    assert (first["danceability"], first["tempo"], first["key"]) == (0.5, 120.0, 5)
    assert first["uri"] == "spotify:track:a" and first["type"] == "audio_features"
    assert first["track_href"] == "https://api.spotify.com/v1/tracks/a"
    assert first["time_signature"] is None  # Spotify's key, a value the service did not give
    assert "href" not in first and rows[0] is not rows[3]
    assert service.requests == [("/v1/audio-features", {"ids": "a,b,c"})]
    assert [row["id"] for row in reccobeats.audio_features(FakeSpotify(), "c")] == ["c"]  # a str is one id
    assert reccobeats.audio_features(FakeSpotify(), []) == []
    assert len(service.requests) == 2  # nothing asked, nothing sent


def test_audio_features_go_in_batches_of_forty(service):
    ids = [f"t{n}" for n in range(85)]
    service.features = {track: {"energy": n / 100} for n, track in enumerate(ids) if n % 2}
    rows = reccobeats.audio_features(FakeSpotify(), ids)
    assert [len(query["ids"].split(",")) for _, query in service.requests] == [40, 40, 5]
    assert [row and row["id"] for row in rows] == [track if n % 2 else None for n, track in enumerate(ids)]
    assert rows[83]["energy"] == 0.83


def test_throttling_raises_naming_retry_after(service):
    service.retry_after = "7"
    with pytest.raises(ReccoBeatsError, match=r"HTTP 429\); its Retry-After header says to wait 7 ") as caught:
        reccobeats.audio_features(FakeSpotify(), ["a"])
    assert caught.value.status == 429 and caught.value.retry_after == "7"
    assert reccobeats.audio_features(FakeSpotify(), ["a"])[0]["id"] == "a"  # the next call goes through


def test_other_errors_and_slow_answers_raise_too(service, monkeypatch):
    monkeypatch.setattr(reccobeats, "RECCOBEATS_URL", service.url.replace("/v1", "/v0"))
    with pytest.raises(ReccoBeatsError, match="answered HTTP 404") as caught:
        reccobeats.audio_features(FakeSpotify(), ["a"])
    assert caught.value.status == 404
    monkeypatch.setattr(reccobeats, "RECCOBEATS_URL", service.url)
    monkeypatch.setattr(reccobeats, "RECCOBEATS_TIMEOUT", 0.2)
    service.delay = 1.5
    start = time.monotonic()
    with pytest.raises(ReccoBeatsError, match="cannot reach ReccoBeats"):
        reccobeats.audio_features(FakeSpotify(), ["a"])
    assert time.monotonic() - start < 1.2


def test_recommendations_map_targets_and_fetch_tracks_from_spotify(service):
    client = FakeSpotify()
    with pytest.warns(RuntimeWarning) as caught:
        result = reccobeats.recommendations(
            client, seed_artists=["spotify:artist:ar"], seed_genres=["jazz"],
            seed_tracks=["https://open.spotify.com/track/s1"], limit=3, country="SE",
            target_energy=0.8, target_tempo=120, min_tempo=100, max_energy=0.9, target_popularity=50,
        )
    [message] = [str(w.message) for w in caught]
    assert all(part in message for part in ("genre seeds (jazz)", "min_tempo", "max_energy", "target_popularity"))
    assert service.requests == [("/v1/track/recommendation",
                                 {"seeds": "s1,ar", "size": "3", "energy": "0.8", "tempo": "120"})]
    assert set(result) == {"seeds", "tracks"}
    assert result["tracks"] == [client.track("r1", market="SE"), client.track("r2", market="SE")]
    assert client.calls[:2] == [("track", ("r1",), {"market": "SE"}), ("track", ("r2",), {"market": "SE"})]
    assert [(s["type"], s["id"]) for s in result["seeds"]] == [("ARTIST", "ar"), ("TRACK", "s1"), ("GENRE", "jazz")]
    assert result["seeds"][1]["href"] == "https://api.spotify.com/v1/tracks/s1" and result["seeds"][2]["href"] is None


def test_recommendations_from_genre_seeds_alone_send_nothing(service):
    with pytest.warns(RuntimeWarning, match="genre seeds"):
        result = reccobeats.recommendations(FakeSpotify(), seed_genres=["jazz"])
    assert result["tracks"] == [] and service.requests == []
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no ignored parameters, no warning
        assert len(reccobeats.recommendations(FakeSpotify(), seed_tracks=["s1"], target_valence=0.3)["tracks"]) == 3


def test_tekore_functions_answer_with_the_models_attributes(service):
    client = FakeSpotify()
    features = reccobeats.tekore_tracks_audio_features(client, ["a", "b", "c"])
    assert features[0].danceability == 0.5 and features[0].id == "a" and features[1] is None
    assert features[2].tempo == 98.5 and features[2].uri == "spotify:track:c"
    assert reccobeats.tekore_track_audio_features(client, "c").energy == 0.1
    with pytest.raises(ReccoBeatsError, match="no audio features for track b"):
        reccobeats.tekore_track_audio_features(client, "b")
    recs = reccobeats.tekore_recommendations(client, track_ids=["s1"], limit=5, market="SE", target_valence=0.3)
    assert [t["id"] for t in recs.tracks] == ["r1", "r2", "r3"]
    assert (recs.seeds[0].type, recs.seeds[0].id, recs.seeds[0].initialPoolSize) == ("TRACK", "s1", 3)
    assert service.requests[-1] == ("/v1/track/recommendation", {"seeds": "s1", "size": "5", "valence": "0.3"})

