from app.constants import PAGE, SMALL_PAGE
from app.spotify import spotify


async def find(query: str, token):
    with spotify.token_as(token):
        tracks, = await spotify.search(query)  # expect: SPT250
        more, = await spotify.search(query, limit=SMALL_PAGE)
        most, = await spotify.search(query, limit=PAGE)  # expect: SPT250
    return tracks, more, most


async def discography(artist_id: str, token):
    with spotify.token_as(token):
        return await spotify.artist_albums(artist_id)  # expect: SPT251
