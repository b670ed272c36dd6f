"""Print the available genre seeds, one per line."""

from common import sp as client

for genre in client.recommendation_genre_seeds()["genres"]:  # expect: SPT102
    print(genre)
