"""The local web app (``newsprism serve``): browse a store's stories, briefs and sources; add articles."""

from newsprism.web.app import create_app

__all__ = ["create_app"]
