"""Settings of the worker the newsletter tests start: the test settings,
sending through the SMTP server the test runs (EMAIL_HOST, EMAIL_PORT)."""

import os

from config.settings.test import *  # noqa: F403

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ["EMAIL_HOST"]
EMAIL_PORT = int(os.environ["EMAIL_PORT"])
NEWSLETTERS_SEND_RATE = float(os.environ.get("NEWSLETTERS_SEND_RATE", "0"))
