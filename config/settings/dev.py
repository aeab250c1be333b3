from .base import *  # noqa: F403
from .base import env_bool, os

# `make run` sets it off so that the demo shows the site's own 404 and 500 pages.
DEBUG = env_bool("DEBUG", True)
PATTERN_LIBRARY = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-change-me")
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
ALLOWED_HOSTS = ["*"]
