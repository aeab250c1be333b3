"""Subscribing (double opt-in), confirming, changing and leaving, and what the
admin does for GDPR (export, erasure). The page a reader sees never says
whether an address was already subscribed: only the e-mail to it does."""

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from background.mail import send_mail

from .links import subscriber_url
from .models import Subscriber, SubscriberStatus


def render_mail(template, context, language):
    with translation.override(language):
        subject = " ".join(render_to_string(f"newsletters/email/{template}_subject.txt", context).split())
        body = render_to_string(f"newsletters/email/{template}_body.txt", context)
    return subject, body


def request_subscription(request, *, email, language, newsletter, topics, alert_frequency, consent_text, source):
    """Record a request and mail the address: a confirmation link, or, if it is
    already subscribed, its manage link (its choices are left as they are: only
    its owner changes them)."""
    with transaction.atomic():
        subscriber, _created = Subscriber.objects.select_for_update().get_or_create(
            email=email, defaults={"language": language}
        )
        if subscriber.status == SubscriberStatus.ACTIVE:
            template = "already"
        else:
            template = "confirm"
            subscriber.status = SubscriberStatus.PENDING
            subscriber.language = language
            subscriber.newsletter = newsletter
            subscriber.alert_frequency = alert_frequency
            subscriber.consent_text = str(consent_text)
            subscriber.consent_page = source
            subscriber.created_at = timezone.now()
            subscriber.save()
            subscriber.topics.set(topics)
    context = {
        "subscriber": subscriber,
        "confirm_url": subscriber_url(request, "confirm", subscriber),
        "manage_url": subscriber_url(request, "manage", subscriber),
    }
    send_mail.enqueue(*render_mail(template, context, subscriber.language), [subscriber.email])
    return subscriber


def confirm(subscriber):
    """The click in the confirmation e-mail: the moment consent is given."""
    if subscriber.status != SubscriberStatus.ACTIVE:
        subscriber.status = SubscriberStatus.ACTIVE
        subscriber.confirmed_at = timezone.now()
        subscriber.unsubscribed_at = None
        subscriber.save(update_fields=["status", "confirmed_at", "unsubscribed_at"])


def update_choices(subscriber, *, language, newsletter, topics, alert_frequency):
    subscriber.language = language
    subscriber.newsletter = newsletter
    subscriber.alert_frequency = alert_frequency
    if subscriber.status == SubscriberStatus.UNSUBSCRIBED:
        # Its owner, through the signed link, comes back.
        subscriber.status = SubscriberStatus.ACTIVE
        subscriber.unsubscribed_at = None
    subscriber.save()
    subscriber.topics.set(topics)


def unsubscribe(subscriber):
    """Nothing is sent to the address any more; it is kept (without its choices)
    for the retention period, to honour the unsubscription, then purged."""
    if subscriber.status != SubscriberStatus.UNSUBSCRIBED:
        subscriber.status = SubscriberStatus.UNSUBSCRIBED
        subscriber.unsubscribed_at = timezone.now()
        subscriber.save(update_fields=["status", "unsubscribed_at"])
        subscriber.topics.clear()


def export(subscriber):
    """Everything kept about `subscriber`, for an access request (GDPR art. 15)."""
    return {
        "email": subscriber.email,
        "language": subscriber.language,
        "status": subscriber.status,
        "newsletter": subscriber.newsletter,
        "topics": sorted(topic.name for topic in subscriber.topics.all()),
        "alert_frequency": subscriber.alert_frequency,
        "created_at": subscriber.created_at.isoformat(),
        "confirmed_at": subscriber.confirmed_at.isoformat() if subscriber.confirmed_at else None,
        "unsubscribed_at": subscriber.unsubscribed_at.isoformat() if subscriber.unsubscribed_at else None,
        "consent_text": subscriber.consent_text,
        "consent_page": subscriber.consent_page,
        "deliveries": [
            {"issue": str(sent.delivery.issue), "sent_at": sent.sent_at.isoformat()}
            for sent in subscriber.sent_messages.select_related("delivery__issue")
        ],
    }
