import tekore as tk

spotify = tk.Spotify("t")
chapter = spotify.chapter("a")


def toc(book):
    return book.chapters()
