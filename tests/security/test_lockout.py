"""Lockouts after wrong passwords: the admin login (per account and per
client) and password-protected pages, with a way for an administrator to unlock."""

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from home.models import StandardPage
from tests.kit.html import soup
from tests.kit.roles import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _axes_on(settings):
    settings.AXES_ENABLED = True


def login(client, username, password, address="192.0.2.10", language="fr"):
    return client.post(
        "/admin/login/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        HTTP_ACCEPT_LANGUAGE=language,
    )


def logged_in(client):
    return client.get("/admin/").status_code == 200


def alert(response):
    return soup(response.content).select_one("[role=alert]").text


def test_forty_wrong_passwords_lock_the_account_then_unlock(client, editor):
    for _attempt in range(40):
        assert login(client, "redactrice", "mauvais").status_code in (200, 429)
    refused = login(client, "redactrice", PASSWORD)
    assert refused.status_code == 429
    assert "Trop de mots de passe erronés" in alert(refused)
    assert not logged_in(client)

    call_command("axes_reset_username", "redactrice")
    assert login(client, "redactrice", PASSWORD).status_code == 302
    assert logged_in(client)


def test_lockout_is_per_account_from_any_address(client, editor, settings):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        login(client, "redactrice", "mauvais", address=f"198.51.100.{attempt}")
    assert login(client, "redactrice", PASSWORD, address="203.0.113.1").status_code == 429


def test_lockout_is_per_client_whatever_the_account(client, editor, settings):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        login(client, f"inconnu{attempt}", "mauvais")
    assert login(client, "redactrice", PASSWORD).status_code == 429
    # Another client still logs in.
    assert login(client, "redactrice", PASSWORD, address="203.0.113.1").status_code == 302


def test_lockout_message_in_english(client, editor, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        login(client, "redactrice", "wrong", language="en")
    assert "Too many wrong passwords" in alert(login(client, "redactrice", PASSWORD, language="en"))


def test_client_behind_trusted_proxy_is_locked_not_the_proxy(client, editor, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            "/admin/login/",
            {"username": f"inconnu{attempt}", "password": "x"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR="203.0.113.66",
        )
    assert AccessAttempt.objects.filter(ip_address="203.0.113.66").exists()
    other = client.post(
        "/admin/login/",
        {"username": "redactrice", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.5",
    )
    assert other.status_code == 302


def test_administrator_unlocks_from_the_admin(client, editor, superuser, settings):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        login(client, "redactrice", "mauvais", address=f"198.51.100.{attempt}")
    client.force_login(superuser)
    page = client.get("/admin/securite/verrouillages/")
    rows = soup(page.content).select("table.listing tbody tr")
    assert "redactrice" in rows[0].text
    action = rows[0].select_one("form")["action"]
    assert client.post(action).status_code == 302
    client.logout()
    assert login(client, "redactrice", PASSWORD, address="198.51.100.1").status_code == 302


def test_lockouts_screen_is_for_superusers_only(client, editor):
    client.force_login(editor)
    response = client.get("/admin/securite/verrouillages/")
    assert (response.status_code, response.url) == (302, "/admin/")


@pytest.fixture
def protected(home_fr):
    page = StandardPage(title="Réservé", slug="reserve", locale=home_fr.locale)
    home_fr.add_child(instance=page)
    page.save_revision().publish()
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="le-bon-mot"
    )
    return page, restriction


def password_form(response):
    return soup(response.content).select_one("input[name=password]") is not None


def enter_page_password(client, protected, password, address="192.0.2.20"):
    page, restriction = protected
    url = f"/fr/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"
    return client.post(url, {"password": password, "return_url": page.url}, REMOTE_ADDR=address)


def test_page_password_locks_out_after_forty_failures_then_unlock(client, protected):
    for _attempt in range(40):
        enter_page_password(client, protected, "mauvais")
    refused = enter_page_password(client, protected, "le-bon-mot")
    assert refused.status_code == 429
    assert "Trop de mots de passe erronés" in alert(refused)
    assert password_form(client.get(protected[0].url))

    call_command("axes_reset")
    assert enter_page_password(client, protected, "le-bon-mot").status_code == 302
    assert not password_form(client.get(protected[0].url))


def test_page_password_wrong_attempts_show_the_form_again(client, protected):
    response = enter_page_password(client, protected, "mauvais")
    assert response.status_code == 200
    assert password_form(response)
