def stars(album):
    # no Spotify word in this module: it matters because a response is passed in
    return "*" * (album["popularity"] // 20)  # expect: SPT240
