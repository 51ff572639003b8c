"""``chronicler serve``: the REST API and the browser dashboard over the event store."""

from .app import create_app

__all__ = ["create_app"]
