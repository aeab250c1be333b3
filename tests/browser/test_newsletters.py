"""The subscription in Chromium: the footer's form on a topic page, the error
summary taking the focus, the manage page, and the newsletter e-mail as a mail
client shows it; screenshots at 390 and 1280 px under var/screenshots/newsletters/."""

from pathlib import Path

from django.conf import settings
from playwright.sync_api import expect

from newsletters.links import manage_token
from newsletters.models import NewsletterIssue, NewsletterItem, Subscriber
from newsletters.rendering import render_issue
from tests.kit.factories import TopicFactory
from tests.reports.factories import report, report_index
from topics.models import TopicIndexPage

SHOTS = Path(settings.BASE_DIR) / "var" / "screenshots" / "newsletters"


def shoot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=SHOTS / f"{name}-{width}.png", full_page=True)


def test_subscribe_manage_and_the_email(page, homes, live_server):
    home_fr, _home_en = homes
    topic = TopicFactory(name="Travail", slug="travail", description="Le numérique au travail.")
    TopicFactory(name="Démocratie", slug="democratie")
    topics_index = TopicIndexPage(title="Thèmes", slug="themes", locale=home_fr.locale)
    home_fr.add_child(instance=topics_index)
    topics_index.save_revision().publish()
    report(report_index(home_fr), "Sobriété numérique", topics=[topic])

    page.goto("/fr/themes/travail/")
    follow = page.locator("main form.subscribe-form")
    expect(follow.get_by_role("button", name="Suivre ce thème")).to_be_visible()
    shoot(page, "topic-page-and-footer")

    page.goto("/fr/lettre/")
    page.locator("main").get_by_role("button", name="S'abonner").click()
    expect(page.locator("#form-errors")).to_be_focused()
    page.locator("main").get_by_label("Adresse e-mail").fill("ada@example.org")
    page.locator("main").get_by_label("Travail").check()
    shoot(page, "subscribe-page")
    page.locator("main").get_by_role("button", name="S'abonner").click()
    expect(page.get_by_role("heading", name="Vérifiez votre messagerie")).to_be_visible()

    subscriber = Subscriber.objects.get(email="ada@example.org")
    subscriber.status = "active"
    subscriber.save()
    page.goto(f"/fr/lettre/gerer/{manage_token(subscriber)}/")
    expect(page.locator("main").get_by_label("Travail")).to_be_checked()
    shoot(page, "manage-page")

    issue = NewsletterIssue.objects.create(
        subject="La lettre de mars", intro="<p>Bonjour, voici nos travaux du mois.</p>", locale=home_fr.locale
    )
    for number, item in enumerate(topic.page_links.all()):
        NewsletterItem.objects.create(issue=issue, page=item.page, sort_order=number, locale=home_fr.locale)
    _subject, _text, html = render_issue(issue, live_server.url + "/")
    page.set_content(html.replace("{{ unsubscribe_url }}", "#"))
    expect(page.get_by_role("link", name="Sobriété numérique")).to_be_visible()
    shoot(page, "newsletter-email")
