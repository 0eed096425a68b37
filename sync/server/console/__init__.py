"""Head office's web console on the central server: what every station sent, seen in one place.

Its own room beside the station API, with its own people: head-office accounts with roles, a
session cookie (never a station's bearer credential) and an audit log of every change. Pages are
rendered on the server (Jinja2, server-drawn SVG charts), so every asset is served by the server
itself and the console works on a LAN with no outside host. ``mount`` adds it to the FastAPI app.
"""

from sync.server.console.web import mount

__all__ = ["mount"]
