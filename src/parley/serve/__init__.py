"""The web page and the HTTP API over one store.

Entry point: ``create_app(settings)`` builds the FastAPI application that
``parley serve`` runs; read-only unless ``settings.token`` is set.
"""
from parley.serve.app import create_app

__all__ = ["create_app"]
