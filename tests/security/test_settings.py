"""Safe by default: what a deployment gets without extra configuration."""

import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings

BASE = str(settings.BASE_DIR)


def production(code="from django.conf import settings; print(settings.DEBUG)", **env):
    """Runs `code` under the production settings in a fresh interpreter with `env`."""
    environment = {key: value for key, value in os.environ.items() if key not in {"SECRET_KEY", "DEBUG"}}
    environment.update(DJANGO_SETTINGS_MODULE="config.settings.production", ALLOWED_HOSTS="example.org", **env)
    code = f"import django; django.setup(); {code}"
    return subprocess.run([sys.executable, "-c", code], cwd=BASE, env=environment, capture_output=True, text=True)


@pytest.mark.parametrize("module", ["config/wsgi.py", "config/asgi.py"])
def test_servers_default_to_production_settings(module):
    source = (settings.BASE_DIR / module).read_text()
    assert 'os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")' in source


@pytest.mark.parametrize(
    "key",
    ["", "short-but-random-Xq9", "abcde" * 12, "abcdefghijklmnopqrstuvwxyz" * 2, "dev-" + secrets.token_urlsafe(60)],
)
def test_production_refuses_weak_secret_keys(key):
    result = production(SECRET_KEY=key)
    assert result.returncode != 0
    assert "Production needs a real SECRET_KEY" in result.stderr


@pytest.mark.parametrize("key", [secrets.token_urlsafe(60), secrets.token_hex(32)])
def test_production_accepts_random_secret_keys(key):
    result = production(SECRET_KEY=key)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_production_refuses_debug():
    result = production(SECRET_KEY=secrets.token_urlsafe(60), DEBUG="1")
    assert result.returncode != 0
    assert "DEBUG must stay off in production" in result.stderr


def test_admin_password_must_pass_the_password_validators(db):
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.core.management.base import CommandError

    os.environ["ADMIN_PASSWORD"] = "123456"
    try:
        with pytest.raises(CommandError, match="too weak"):
            call_command("ensure_admin")
        assert not User.objects.filter(username="admin").exists()
        os.environ["ADMIN_PASSWORD"] = "Une-phrase-de-passe-solide-42"
        call_command("ensure_admin")
    finally:
        del os.environ["ADMIN_PASSWORD"]
    assert User.objects.get(username="admin").check_password("Une-phrase-de-passe-solide-42")


def test_production_frames_pages_one_way_in_both_headers():
    """X-Frame-Options DENY contradicted CSP's frame-ancestors 'self' (which
    browsers follow, and the admin's preview panel needs)."""
    code = (
        "from django.test import Client; r = Client().get('/healthz', secure=True, HTTP_HOST='example.org');"
        "print(r['X-Frame-Options']); print(r['Content-Security-Policy'])"
    )
    result = production(code, SECRET_KEY=secrets.token_urlsafe(60))
    frame_options, policy = result.stdout.strip().splitlines()
    frame_ancestors = next(part.split()[1:] for part in policy.split(";") if part.split()[:1] == ["frame-ancestors"])
    assert (frame_options, frame_ancestors) == ("SAMEORIGIN", ["'self'"])
