import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        # The browser tests allow async-unsafe calls in this process; a deployment never would.
        env={
            **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            **env,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_real_secret_key():
    result = run_manage("check", SECRET_KEY="")
    assert result.returncode != 0
    assert "real SECRET_KEY" in result.stderr


def test_production_deploy_check_is_clean():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        # A random key: a repeated one ("..." * 2) is refused since security.config.
        SECRET_KEY=secrets.token_urlsafe(60),
        ALLOWED_HOSTS="example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.django_db
def test_security_headers(client, homes):
    response = client.get("/fr/")
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_admin_is_usable_in_french(client, django_user_model):
    django_user_model.objects.create_superuser("chef", "chef@example.org", "motdepasse-solide")
    client.login(username="chef", password="motdepasse-solide")
    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200
    assert 'lang="fr"' in response.text
    assert "Tableau de bord" in response.text
