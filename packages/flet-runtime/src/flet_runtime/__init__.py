"""Sessions, handler dispatch and pubsub that run flet-core pages for connected clients."""

__version__ = "0.21.2.post1"
