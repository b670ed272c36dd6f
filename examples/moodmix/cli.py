"""moodmix command line."""

import argparse

from moodmix.analysis import audio_features, load_rows
from moodmix.client import make_client
from moodmix.service import LibraryService


def preview_links(service: LibraryService, ids):
    return [t["preview_url"] for t in service.popular_first(ids)]


def main(argv=None):
    parser = argparse.ArgumentParser(prog="moodmix")
    parser.add_argument("command", choices=["mix", "new", "csv"])
    parser.add_argument("--csv")
    args = parser.parse_args(argv)

    if args.command == "csv":
        print(audio_features(load_rows(args.csv)))
        return

    spotify = make_client()
    service = LibraryService(spotify)
    if args.command == "new":
        for album in spotify.new_releases(country="SE", limit=10)["albums"]["items"]:
            print(album["name"])
        return

    ids = service.saved_track_ids()
    mood = service.mood(ids)
    picks = service.suggestions(ids)
    print(f"{mood} mix:", ", ".join(t["name"] for t in picks))
    service.save_mix(f"moodmix {mood}", [t["uri"] for t in picks])


if __name__ == "__main__":
    main()
