"""Drafts save with whatever is typed; submitting for review or publishing
needs what the page type requires (a topic for every content page)."""

import pytest
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

from news.models import NewsArticlePage
from tests.kit.factories import TopicFactory
from tests.kit.html import soup
from tests.news.factories import index_pages

pytestmark = pytest.mark.django_db

TOPIC_NEEDED = "Ajoutez au moins un thème avant de soumettre cette page à relecture ou de la publier."


@pytest.fixture
def news_index(roles):
    return index_pages(roles[0])["news"]


def article_form(action, topics=(), summary="Un résumé."):
    data = nested_form_data(
        {
            "title": "Une actualité",
            "slug": "une-actualite",
            "date": "2025-10-23",
            "author": "",
            "byline": "",
            "summary": summary,
            "cover_alt": "",
            "page_topics": inline_formset([{"topic": topic.pk} for topic in topics]),
            "body": streamfield([("paragraph", rich_text("<p>Texte.</p>"))]),
            "source_organisation": "",
            "source_name": "",
            "source_title": "",
            "source_url": "",
            "source_date": "",
            "related_pins": inline_formset([]),
            "seo_title": "",
            "search_description": "",
        }
    )
    data[action] = "1"
    return data


def errors(response):
    parsed = soup(response.content)
    return " ".join(
        node.get_text(" ", strip=True) for node in parsed.select(".messages, .help-critical, .error-message")
    )


def test_the_add_form_has_no_required_topic_row(client, editor, news_index):
    client.force_login(editor)
    response = client.get(f"/admin/pages/add/news/newsarticlepage/{news_index.pk}/")
    parsed = soup(response.content)
    assert parsed.select_one("input[name='page_topics-TOTAL_FORMS']")["value"] == "0"
    assert parsed.select_one("input[name='page_topics-MIN_NUM_FORMS']")["value"] == "0"


def test_a_draft_saves_without_topic_or_summary(client, editor, news_index):
    client.force_login(editor)
    url = f"/admin/pages/add/news/newsarticlepage/{news_index.pk}/"
    response = client.post(url, article_form("action-save", summary=""))
    assert response.status_code == 302
    page = NewsArticlePage.objects.get()
    assert not page.live


def test_submitting_without_topic_says_one_is_needed(client, editor, news_index):
    client.force_login(editor)
    url = f"/admin/pages/add/news/newsarticlepage/{news_index.pk}/"
    response = client.post(url, article_form("action-submit"))
    assert response.status_code == 200
    assert TOPIC_NEEDED in errors(response)
    assert not NewsArticlePage.objects.exists()
    assert soup(response.content).select_one("input[name='title']")["value"] == "Une actualité"


def test_the_message_follows_the_editor_language(client, editor, news_index):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(editor)
    response = client.post(f"/admin/pages/add/news/newsarticlepage/{news_index.pk}/", article_form("action-submit"))
    assert "Add at least one topic before submitting this page for review or publishing it." in errors(response)


def test_submitting_with_a_topic_starts_the_review(client, editor, news_index):
    client.force_login(editor)
    url = f"/admin/pages/add/news/newsarticlepage/{news_index.pk}/"
    response = client.post(url, article_form("action-submit", topics=[TopicFactory()]))
    assert response.status_code == 302
    page = NewsArticlePage.objects.get()
    assert not page.live
    assert WorkflowState.objects.filter(object_id=str(page.pk), status="in_progress").exists()


def test_bulk_publish_publishes_nothing_while_a_page_misses_a_requirement(client, reviewer, roles):
    from editorial.models import PageTopic
    from reports.models import ReportPage
    from tests.reports.factories import report, report_index

    index = report_index(roles[0])
    ready = report(index, "Prêt", publish=False)
    missing = report(index, "Sans thème", topics=[], publish=False)
    client.force_login(reviewer)

    url = f"/admin/bulk/wagtailcore/page/publish/?id={ready.pk}&id={missing.pk}&next=/admin/pages/{index.pk}/"
    response = client.post(url, {"include_descendants": ""}, follow=True)
    assert "Rien n'a été publié" in errors(response)
    assert "« Sans thème » : Un rapport ne peut pas être publié sans au moins un thème" in errors(response)
    assert not ReportPage.objects.filter(live=True).exists()

    missing.page_topics = [PageTopic(topic=TopicFactory(), locale=missing.locale)]
    missing.save_revision()
    client.post(url, {"include_descendants": ""})
    assert ReportPage.objects.filter(live=True).count() == 2
