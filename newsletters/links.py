"""The signed links a subscriber receives: confirm, manage, unsubscribe. They
carry the subscriber's random key, signed, so a key cannot be guessed nor a
confirmation link reused after a week; no account is needed."""

from django.core import signing
from django.urls import reverse
from django.utils import translation

from editorial.absolute import absolute_url

CONFIRM_SALT = "newsletters.confirm"
MANAGE_SALT = "newsletters.manage"
CONFIRM_MAX_AGE = 7 * 24 * 3600


def confirm_token(subscriber):
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(str(subscriber.key))


def manage_token(subscriber):
    return signing.Signer(salt=MANAGE_SALT).sign(str(subscriber.key))


def key_from_confirm_token(token):
    """The key in a confirmation token, or None if forged or older than a week."""
    try:
        return signing.TimestampSigner(salt=CONFIRM_SALT).unsign(token, max_age=CONFIRM_MAX_AGE)
    except signing.BadSignature:
        return None


def key_from_manage_token(token):
    try:
        return signing.Signer(salt=MANAGE_SALT).unsign(token)
    except signing.BadSignature:
        return None


def subscriber_url(request, name, subscriber, *, base_url=None):
    """The absolute URL of `name` (confirm, manage, unsubscribe) for
    `subscriber`, in the subscriber's language."""
    token = confirm_token(subscriber) if name == "confirm" else manage_token(subscriber)
    with translation.override(subscriber.language):
        path = reverse(f"newsletters:{name}", args=[token])
    if base_url:
        return base_url.rstrip("/") + path
    return absolute_url(request, path)
