"""WSGI entry point: ``gunicorn dashboard.wsgi:server``."""

from .app import create_app

server = create_app().server
