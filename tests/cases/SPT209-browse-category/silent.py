import tekore as tk


class Blog:
    def category(self, slug):
        return slug


Blog().category("party")
tk.Spotify("t").track("x")
