"""Staff sessions end after two hours without a request (they lasted 14 days)."""

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.utils import timezone

pytestmark = pytest.mark.django_db

IDLE_LIMIT = 2 * 60 * 60


def test_each_admin_request_renews_two_hours(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert response.cookies["sessionid"]["max-age"] == IDLE_LIMIT
    expiry = Session.objects.get().expire_date
    assert timedelta(seconds=IDLE_LIMIT - 60) < expiry - timezone.now() <= timedelta(seconds=IDLE_LIMIT)


def test_two_idle_hours_sign_the_staff_out(admin_client):
    assert admin_client.get("/admin/").status_code == 200
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    response = admin_client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_readers_without_a_session_get_no_cookie(client, homes):
    assert "sessionid" not in client.get("/fr/").cookies
