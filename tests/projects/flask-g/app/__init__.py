"""The web application."""

from flask import Flask


def create_app():
    app = Flask(__name__)
    app.secret_key = "dev"
    from .hooks import bp

    from . import views  # noqa: F401  (registers the routes on bp)

    app.register_blueprint(bp)
    return app
