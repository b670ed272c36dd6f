import spotipy


class CachedSpotify(spotipy.Spotify):
    def artist_related_artists(self, artist_id):
        """Overridden: served from a local cache, no request is sent."""
        return {"artists": []}

    def neighbours(self, artist_id):
        return self.artist_related_artists(artist_id)


class Graph:
    def artist_related_artists(self, artist_id):
        return []


Graph().artist_related_artists("x")
CachedSpotify().artist_related_artists("x")
