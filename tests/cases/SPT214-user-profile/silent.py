import getpass

import spotipy

me = spotipy.Spotify().current_user()


def owner(request):
    return request.user()


print(getpass.getuser())
