"""A confirmation e-mail the mail server refuses is tried again, with growing
delays, then shown to staff as failed in the admin's report of background
tasks, with its error; a mail server back in time sends it."""

import pytest
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from background.retry import FIRST_DELAY, MAX_ATTEMPTS
from roles.setup import EDITORS, REGISTRATIONS, apply_roles
from tests.events.factories import event_index, event_page
from tests.kit.html import soup
from tests.kit.roles import member_of

pytestmark = pytest.mark.django_db

REFUSED = "Connexion refusée par le serveur de messagerie"


class RefusingBackend(BaseEmailBackend):
    def send_messages(self, messages):
        raise ConnectionRefusedError(REFUSED)


@pytest.fixture
def database_queue(settings, monkeypatch):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    # The worker runs in this process, inside the test's transaction: its
    # connection must stay open (test_worker.py runs a separate worker process).
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)


@pytest.fixture
def mail_server_down(settings):
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    return settings


@pytest.fixture
def workshop(home_fr):
    return event_page(event_index(home_fr), "Atelier", slug="atelier", registration_mode="form", capacity=10)


def register(client, page):
    values = {"name": "Ada Lovelace", "email": "ada@example.org", "organisation": "", "consent": "on"}
    return client.post(page.url + page.reverse_subpage("register"), values)


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def let_retry_delays_pass():
    """Bring every waiting attempt to now; returns the delays they had, in seconds."""
    waiting = DBTaskResult.objects.filter(status=TaskResultStatus.READY)
    delays = [round((task.run_after - task.enqueued_at).total_seconds() / 10) * 10 for task in waiting]
    waiting.update(run_after=timezone.now())
    return delays


def mail_tasks():
    return DBTaskResult.objects.filter(task_path="background.mail.send_mail").order_by("enqueued_at")


def report_rows(client):
    response = client.get(reverse("background_tasks"))
    assert response.status_code == 200
    rows = soup(response.content).select("table.listing tbody tr")
    return [[cell.get_text(" ", strip=True) for cell in row.select("td")] for row in rows]


def test_refused_mail_is_retried_then_shown_failed_to_staff(
    client, workshop, database_queue, mail_server_down, mailoutbox, admin_user
):
    assert register(client, workshop).status_code == 302
    assert [task.status for task in mail_tasks()] == [TaskResultStatus.READY]

    delays = []
    for _attempt in range(MAX_ATTEMPTS):
        run_worker()
        delays += let_retry_delays_pass()
    assert mailoutbox == []
    seconds = FIRST_DELAY.total_seconds()
    assert delays == [seconds * 2**attempt for attempt in range(MAX_ATTEMPTS - 1)]
    assert [task.status for task in mail_tasks()] == [TaskResultStatus.FAILED] * MAX_ATTEMPTS

    client.force_login(admin_user)
    rows = report_rows(client)
    assert len(rows) == MAX_ATTEMPTS
    last, *earlier = rows
    assert last[:3] == ["Envoi d'un e-mail", "Échouée, abandonnée", f"{MAX_ATTEMPTS} / {MAX_ATTEMPTS}"]
    assert last[-1] == f"ConnectionRefusedError: {REFUSED}"
    assert [row[1] for row in earlier] == ["Échouée, nouvelle tentative prévue"] * (MAX_ATTEMPTS - 1)


def test_mail_goes_out_when_the_server_is_back_for_a_retry(
    client, workshop, database_queue, mail_server_down, mailoutbox, admin_user
):
    register(client, workshop)
    run_worker()
    let_retry_delays_pass()
    mail_server_down.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    run_worker()
    assert [message.to for message in mailoutbox] == [["ada@example.org"]]
    assert [task.status for task in mail_tasks()] == [TaskResultStatus.FAILED, TaskResultStatus.SUCCESSFUL]

    client.force_login(admin_user)
    [row] = report_rows(client)
    assert row[1:3] == ["Échouée, nouvelle tentative prévue", f"1 / {MAX_ATTEMPTS}"]


def test_queued_tasks_are_shown_to_registrations_staff_not_to_editors(client, workshop, database_queue):
    assert apply_roles() == []
    registrations, editor = member_of(REGISTRATIONS, "inscriptions"), member_of(EDITORS, "redactrice")
    register(client, workshop)
    client.force_login(registrations)
    assert ["Envoi d'un e-mail", "En attente", f"1 / {MAX_ATTEMPTS}"] in [row[:3] for row in report_rows(client)]

    client.force_login(editor)
    response = client.get(reverse("background_tasks"))
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def test_password_reset_mail_is_queued_and_retried(client, database_queue, mail_server_down, mailoutbox, admin_user):
    response = client.post("/admin/password_reset/", {"email": admin_user.email})
    assert response.status_code == 302 and mailoutbox == []
    assert mail_tasks().count() == 1
    run_worker()
    assert mail_tasks().filter(status=TaskResultStatus.FAILED).count() == 1
    assert mail_tasks().filter(status=TaskResultStatus.READY).count() == 1
    mail_server_down.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    let_retry_delays_pass()
    run_worker()
    [message] = mailoutbox
    assert message.to == [admin_user.email] and "/admin/password_reset/confirm/" in message.body
