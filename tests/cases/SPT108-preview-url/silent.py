import csv

# A CSV export with a preview_url column, in a module with no Spotify use.
with open("tracks.csv", newline="") as handle:
    for row in csv.DictReader(handle):
        print(row["preview_url"], row.get("preview_url"))
