"""Topic alerts: a publication editors choose to announce ("Publier et
prévenir les abonnés") reaches the subscribers following one of its topics,
in their language, once; subscribers of a language the page does not exist in
yet are told when its translation is published. Readers choose one e-mail per
publication or a daily digest (`manage.py send_alert_digests`)."""

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, override
from wagtail.models import Page

from background.retry import retried
from editorial.models import EditorialPage, PageTopic

from .delivery import bulk_message, send_each
from .models import Alert, AlertFrequency, PendingAlert, Subscriber, SubscriberStatus


def is_public(page):
    return page.live and not page.get_view_restrictions().exists()


def announce(page, base_url=None):
    """Queue the alerts of `page` for the subscribers of its language, unless
    that language was told already or the page is not public."""
    if not isinstance(page.specific, EditorialPage) or not is_public(page):
        return 0
    language = page.locale.language_code
    with transaction.atomic():
        alert, _created = Alert.objects.select_for_update().get_or_create(translation_key=page.translation_key)
        if language in alert.languages_sent:
            return 0
        alert.languages_sent = [*alert.languages_sent, language]
        alert.save(update_fields=["languages_sent"])
        topic_keys = PageTopic.objects.filter(page=page).values("topic__translation_key")
        followers = list(
            Subscriber.objects.filter(
                status=SubscriberStatus.ACTIVE, language=language, topics__translation_key__in=topic_keys
            )
            .distinct()
            .values_list("pk", "alert_frequency")
        )
        PendingAlert.objects.bulk_create(
            [PendingAlert(subscriber_id=pk, page=page) for pk, _frequency in followers], ignore_conflicts=True
        )
    at_once = [pk for pk, frequency in followers if frequency == AlertFrequency.EACH]
    base_url = base_url or settings.WAGTAILADMIN_BASE_URL
    size = settings.NEWSLETTERS_BATCH_SIZE
    for start in range(0, len(at_once), size):
        batch = at_once[start : start + size]
        transaction.on_commit(lambda batch=batch: send_alerts.enqueue(batch, base_url))
    return len(followers)


def announce_when_published(page):
    """An editor without the right to publish asked, on submitting the page for
    review, that its publication be announced: the reviewer's approval, which
    publishes it, then announces it like any language published after the
    announcement (`announce_translation`)."""
    Alert.objects.get_or_create(translation_key=page.translation_key)


def announce_translation(page):
    """A page published in another language after its announcement, or a page
    whose announcement was asked for at its submission for review."""
    if Alert.objects.filter(translation_key=page.translation_key).exists():
        announce(page)


@retried(_("Envoi d'alertes sur les thèmes"))
def send_alerts(subscriber_ids, base_url):
    """Each subscriber's pending alerts in one e-mail (one page, or a digest);
    each sent alert is deleted, so an attempt tried again sends only the rest."""
    # Imported here: rendering reads the page models.
    from .rendering import email_item, render_email

    subscribers = Subscriber.objects.filter(
        pk__in=subscriber_ids, status=SubscriberStatus.ACTIVE, pending_alerts__isnull=False
    ).distinct()

    def compose(subscriber, connection):
        pending = list(subscriber.pending_alerts.order_by("created_at"))
        pages = Page.objects.filter(pk__in=[alert.page_id for alert in pending]).specific()
        # Still public, and still in the subscriber's language.
        pages = [page for page in pages if is_public(page) and page.locale.language_code == subscriber.language]
        subscriber.sent_alert_ids = [alert.pk for alert in pending]
        if not pages:
            return None
        with override(subscriber.language):
            items = [email_item(page, base_url) for page in pages]
            if len(pages) == 1:
                subject = pages[0].title
            else:
                subject = ngettext(
                    "%(count)d nouveauté sur vos thèmes", "%(count)d nouveautés sur vos thèmes", len(pages)
                ) % {"count": len(pages)}
        text, html = render_email("alert", {"items": items, "subject": subject}, subscriber.language, base_url)
        return bulk_message(subscriber, subject=subject, text=text, html=html, base_url=base_url, connection=connection)

    def record(subscriber, error):
        PendingAlert.objects.filter(pk__in=subscriber.sent_alert_ids).delete()

    send_each(subscribers, compose, record)
