import spotipy


class Recommender:
    def recommendations(self, user_id):
        return []


engine = Recommender()
engine.recommendations("u1")


def suggest(model, user):
    # a generic name on an unknown receiver, without Spotify-only arguments
    return model.recommendations(user, top_n=10)


sp = spotipy.Spotify()
sp.current_user_top_tracks(limit=20)
