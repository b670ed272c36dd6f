"""Objects the command-line tools share, filled in by boot()."""


class State:
    pass


shared = State()
