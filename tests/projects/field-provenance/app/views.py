from app.client import playlist_entries, sp


def describe(track):
    # a parameter whose only call site passes a response
    return f"{track['name']} ({track['popularity']})"  # expect: SPT240


def entry_name(entry):
    return entry.get("track", {}).get("name")  # expect: SPT248


def page(playlist_id):
    names = [entry_name(playlist_entries(playlist_id)[0])]
    return names, describe(sp.track("x"))


def card(name, popularity):
    data = {"name": name, "popularity": popularity}
    return render(data)


def render(data):
    # called only with a dict the code built: not a response
    return f"{data['name']}: {data['popularity']}"


def album_card(album_id):
    from app.lib.format import stars

    return stars(sp.album(album_id))
