"""Third module of the cycle a -> b -> c -> a, importing a lazily."""


def artists_of(ids):
    from a import client

    return client.artists(ids)  # expect: SPT206


def owner(user_id):
    from b import a  # the module a, as b imported it

    return a.client.user(user_id)  # expect: SPT214
