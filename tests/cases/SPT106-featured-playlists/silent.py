class Editorial:
    def featured_playlists(self):
        return []


def home(editorial: Editorial):
    return editorial.featured_playlists()
