"""Station logic: pick what plays next."""


def next_up(queue, played):
    return [track for track in queue if track not in played][:1]
