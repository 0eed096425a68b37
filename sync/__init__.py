"""Sync: the station's client (``sync.client``) and the reference central server (``sync.server``)."""
