import spotipy
import tkinter as tk

sp = spotipy.Spotify()
widget = {"label": tk.Label()}
text = widget["label"]  # not read from an album
