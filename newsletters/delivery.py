"""Bulk e-mail done properly: each message names its list and how to leave it
in one click (List-Unsubscribe, List-Unsubscribe-Post, RFC 8058), carries its
own Message-ID and its language; sending runs in the worker, in batches, at a
bounded rate, and a batch tried again after a failure skips whom it reached.

The connection is Django's: SMTP by default, or any provider of
django-anymail chosen by EMAIL_BACKEND alone (docs/newsletters.md)."""

import time
from email.utils import make_msgid
from smtplib import SMTPRecipientsRefused

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from background.retry import retried

from .links import subscriber_url
from .models import Delivery, DeliveryStatus, SentMessage, Subscriber, SubscriberStatus


def sender_domain():
    address = settings.DEFAULT_FROM_EMAIL.rsplit("<", 1)[-1].rstrip(">")
    return address.rsplit("@", 1)[-1] or "localhost"


def bulk_message(subscriber, *, subject, text, html, base_url, connection=None):
    """One subscriber's copy of a bulk e-mail, with its own unsubscribe link."""
    unsubscribe = subscriber_url(None, "unsubscribe", subscriber, base_url=base_url)
    links = [f"<{unsubscribe}>"]
    if settings.NEWSLETTERS_UNSUBSCRIBE_MAILTO:
        links.append(f"<mailto:{settings.NEWSLETTERS_UNSUBSCRIBE_MAILTO}?subject=unsubscribe>")
    headers = {
        "List-Unsubscribe": ", ".join(links),
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Message-ID": make_msgid(domain=sender_domain()),
        "Content-Language": subscriber.language,
    }
    text = text.replace("{{ unsubscribe_url }}", unsubscribe)
    message = EmailMultiAlternatives(subject, text, to=[subscriber.email], headers=headers, connection=connection)
    if html:
        message.attach_alternative(html.replace("{{ unsubscribe_url }}", unsubscribe), "text/html")
    return message


class Throttle:
    """At most `rate` messages a second from this task."""

    def __init__(self, rate):
        self.interval = 1 / rate if rate > 0 else 0
        self.next_at = time.monotonic()

    def wait(self):
        now = time.monotonic()
        if now < self.next_at:
            time.sleep(self.next_at - now)
        self.next_at = max(now, self.next_at) + self.interval


def send_each(subscribers, compose, record):
    """Send `compose(subscriber, connection)` (None: nothing to send) to each subscriber through one
    connection, at the configured rate; `record(subscriber, error)` after each.
    An address the server refuses is recorded, not retried; a failing server
    raises, so the task is tried again."""
    throttle = Throttle(settings.NEWSLETTERS_SEND_RATE)
    with get_connection() as connection:
        for subscriber in subscribers:
            throttle.wait()
            error = ""
            message = compose(subscriber, connection)
            if message is None:
                record(subscriber, error)
                continue
            try:
                message.send()
            except SMTPRecipientsRefused as refused:
                error = str(refused.recipients)[:500]
            record(subscriber, error)


def start_delivery(issue, *, base_url, started_by=""):
    """Queue the sending of `issue` to the active subscribers of its language
    who want the newsletter, in batches; returns the Delivery that tracks it."""
    recipients = Subscriber.objects.filter(
        status=SubscriberStatus.ACTIVE, newsletter=True, language=issue.locale.language_code
    ).order_by("pk")
    ids = list(recipients.values_list("pk", flat=True))
    size = settings.NEWSLETTERS_BATCH_SIZE
    batches = [ids[start : start + size] for start in range(0, len(ids), size)]
    delivery = Delivery.objects.create(issue=issue, total=len(ids), batches_total=len(batches), started_by=started_by)

    def enqueue():
        for batch in batches:
            send_delivery_batch.enqueue(delivery.pk, batch, base_url)
        if not batches:
            finish_if_done(delivery.pk)

    transaction.on_commit(enqueue)
    return delivery


def finish_if_done(delivery_id):
    Delivery.objects.filter(pk=delivery_id, batches_done__gte=F("batches_total")).exclude(
        status=DeliveryStatus.DONE
    ).update(status=DeliveryStatus.DONE, finished_at=timezone.now())


@retried(_("Envoi d'une lettre d'information"))
def send_delivery_batch(delivery_id, subscriber_ids, base_url):
    # Imported here: rendering imports the models of pages, which import the tasks' modules.
    from .rendering import render_issue

    delivery = Delivery.objects.select_related("issue__locale").get(pk=delivery_id)
    Delivery.objects.filter(pk=delivery_id, status=DeliveryStatus.QUEUED).update(status=DeliveryStatus.SENDING)
    reached = set(delivery.messages.filter(subscriber_id__in=subscriber_ids).values_list("subscriber_id", flat=True))
    # Whoever left (or was erased) since the delivery started is skipped.
    subscribers = list(
        Subscriber.objects.filter(pk__in=set(subscriber_ids) - reached, status=SubscriberStatus.ACTIVE).order_by("pk")
    )
    subject, text, html = render_issue(delivery.issue, base_url)

    def compose(subscriber, connection):
        return bulk_message(subscriber, subject=subject, text=text, html=html, base_url=base_url, connection=connection)

    def record(subscriber, error):
        try:
            with transaction.atomic():
                SentMessage.objects.create(delivery=delivery, subscriber=subscriber, error=error)
        except IntegrityError:
            pass  # another attempt of this batch recorded it first

    send_each(subscribers, compose, record)
    Delivery.objects.filter(pk=delivery_id).update(batches_done=F("batches_done") + 1)
    finish_if_done(delivery_id)
