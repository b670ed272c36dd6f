import requests

book = requests.get("https://openlibrary.org/books/x.json").json()
publisher = book["publisher"]
