"""Old name of the client, kept for modules not migrated yet."""

from app.clients import public

spotify = public
