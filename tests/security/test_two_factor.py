"""Two-factor authentication (TOTP) through the admin login, over HTTP."""

import re
from base64 import b32decode

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.kit.html import soup
from tests.kit.roles import PASSWORD

pytestmark = pytest.mark.django_db


def log_in(client, username):
    response = client.post("/admin/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302
    return client.get("/admin/")


def code(key):
    return f"{totp(key):06d}"


def test_staff_with_a_device_must_enter_a_code(client, editor, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    device = TOTPDevice.objects.create(user=editor, name="TOTP", confirmed=True)
    step = log_in(client, "redactrice")
    assert step.status_code == 302 and step.url.startswith("/admin/securite/2fa/code/?next=")
    # Everything in the admin waits for the code.
    assert client.get("/admin/pages/").url.startswith("/admin/securite/2fa/code/")

    wrong = client.post("/admin/securite/2fa/code/", {"otp_token": "000000", "next": "/admin/pages/"})
    assert "Code incorrect ou expiré." in soup(wrong).select_one("form").text
    right = client.post("/admin/securite/2fa/code/", {"otp_token": code(device.bin_key), "next": "/admin/pages/"})
    assert (right.status_code, right.url) == (302, "/admin/pages/")
    assert client.get("/admin/").status_code == 200


def test_a_code_cannot_be_replayed(client, editor):
    device = TOTPDevice.objects.create(user=editor, name="TOTP", confirmed=True)
    token = code(device.bin_key)
    log_in(client, "redactrice")
    assert client.post("/admin/securite/2fa/code/", {"otp_token": token}).status_code == 302
    client.post("/admin/logout/")
    log_in(client, "redactrice")
    assert client.post("/admin/securite/2fa/code/", {"otp_token": token}).status_code == 200
    assert client.get("/admin/").status_code == 302


def test_staff_without_a_device_log_in_with_the_password_only(client, editor):
    assert log_in(client, "redactrice").status_code == 200


def test_staff_turn_it_on_from_their_account(client, editor):
    log_in(client, "redactrice")
    account = soup(client.get("/admin/account/"))
    link = account.find("a", string=re.compile("Authentification à deux facteurs"))
    setup = client.get(link["href"])
    key = soup(setup).select_one("code.twofactor-secret").text
    assert soup(setup).select_one(".twofactor-qr svg")
    done = client.post(link["href"], {"otp_token": code(b32decode(key))})
    assert done.status_code == 302
    assert TOTPDevice.objects.get(user=editor).confirmed
    assert "est activée" in soup(client.get(link["href"])).select_one(".twofactor-status").text
    # From the next login on, the code is asked for.
    client.post("/admin/logout/")
    assert log_in(client, "redactrice").url.startswith("/admin/securite/2fa/code/")


def test_superusers_must_set_it_up_when_required(client, superuser, settings):
    settings.REQUIRE_2FA_FOR_ADMINS = True
    step = log_in(client, superuser.username)
    assert step.url.startswith("/admin/securite/2fa/?next=")
    setup = client.get(step.url)
    assert "Les administrateurs doivent activer" in setup.text
    key = soup(setup).select_one("code.twofactor-secret").text
    done = client.post("/admin/securite/2fa/", {"otp_token": code(b32decode(key)), "next": "/admin/"})
    assert (done.status_code, done.url) == (302, "/admin/")
    assert client.get("/admin/").status_code == 200
    # Required: no way to turn it off.
    assert not soup(client.get("/admin/securite/2fa/")).select("form[action$='desactiver/']")
    assert client.post("/admin/securite/2fa/desactiver/").status_code in (302, 403)
    assert TOTPDevice.objects.filter(user=superuser, confirmed=True).exists()


def test_superusers_log_in_with_the_password_only_when_not_required(client, superuser):
    assert log_in(client, superuser.username).status_code == 200
