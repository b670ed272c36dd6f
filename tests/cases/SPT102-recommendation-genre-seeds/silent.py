class Catalog:
    def recommendation_genre_seeds(self):
        return ["rock"]


def genres(catalog):
    # no Spotify anywhere in this module
    return catalog.recommendation_genre_seeds()


print(genres(Catalog()))
