"""The local play-count database."""

import sqlite3


class LibraryDB:
    def __init__(self, path):
        self.conn = sqlite3.connect(path)

    def tracks(self):
        return self.conn.execute("SELECT id, title FROM tracks").fetchall()

    def recommendations(self):
        return self.conn.execute("SELECT id FROM plays ORDER BY count DESC LIMIT 20").fetchall()
