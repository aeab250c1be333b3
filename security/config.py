"""Checks the settings modules run at import time, so that a misconfigured
production refuses to start rather than run unsafely. No Django import here:
settings are not loaded yet when these run."""

import math
from collections import Counter

from django.core.exceptions import ImproperlyConfigured

SECRET_KEY_MIN_LENGTH = 50
# Measured on the key's own characters, 50 random hex characters score 165-190
# bits and 50 URL-safe ones about 230, while "abcde" * 12 scores 139: 150 lets
# every random key through and refuses keys built from a handful of characters.
SECRET_KEY_MIN_BITS = 150
SECRET_KEY_PLACEHOLDER_PREFIXES = ("dev-", "test-", "django-insecure")


def estimated_entropy_bits(text):
    """Shannon entropy of the characters of `text`, times its length."""
    counts = Counter(text)
    per_char = -sum(n / len(text) * math.log2(n / len(text)) for n in counts.values()) if text else 0.0
    return per_char * len(text)


def is_periodic(text):
    """True when `text` is one shorter chunk repeated ("abc" * 20)."""
    return any(
        text == (text[:period] * (len(text) // period + 1))[: len(text)] for period in range(1, len(text) // 2 + 1)
    )


def require_strong_secret_key(key):
    if (
        len(key) < SECRET_KEY_MIN_LENGTH
        or key.startswith(SECRET_KEY_PLACEHOLDER_PREFIXES)
        or estimated_entropy_bits(key) < SECRET_KEY_MIN_BITS
        or is_periodic(key)
    ):
        raise ImproperlyConfigured(
            f"Production needs a real SECRET_KEY in the environment: {SECRET_KEY_MIN_LENGTH}+ random characters, "
            "e.g. from python -c 'import secrets; print(secrets.token_urlsafe(60))'."
        )
    return key


def require_debug_off(debug):
    if debug:
        raise ImproperlyConfigured("DEBUG must stay off in production: it shows settings and code to visitors.")
    return False


def redis_cache(url, key_prefix="thinktank"):
    """The cache every worker and server shares when REDIS_URL is set: rate
    limits count one client's posts wherever they land."""
    return {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url, "KEY_PREFIX": key_prefix}
    }
