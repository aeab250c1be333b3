"""The admin's sidebar and the page editor say what each thing is."""

import pytest

from tests.kit.html import soup

from .test_synonyms import menu_labels

pytestmark = pytest.mark.django_db


def test_wagtails_reports_menu_is_not_named_like_the_reports_section(client, reviewer):
    client.force_login(reviewer)
    labels = menu_labels(client.get("/admin/"))
    assert '"Suivi"' in labels
    assert '"Rapports"' not in labels


def test_the_promotion_tab_offers_no_show_in_menus_box(client, editor, roles):
    home_fr, _home_en = roles
    client.force_login(editor)
    response = client.get(f"/admin/pages/add/home/standardpage/{home_fr.pk}/")
    parsed = soup(response.content)
    assert parsed.select_one("input[name=slug]") is not None
    assert parsed.select_one("input[name=show_in_menus]") is None


def test_inline_panels_have_a_plural_heading_and_singular_rows(client, editor, roles):
    from tests.news.factories import index_pages

    news = index_pages(roles[0])["news"]
    client.force_login(editor)
    response = client.get(f"/admin/pages/add/news/newsarticlepage/{news.pk}/")
    parsed = soup(response.content)
    add_topic = parsed.select_one("#id_page_topics-ADD").get_text(" ", strip=True)
    assert "Thème" in add_topic
    assert "Thèmes" not in add_topic
    assert parsed.find(string="Thèmes") is not None
