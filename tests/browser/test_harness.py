"""The harness on the foundation's own page type: an editor writes a page and
submits it, a reviewer approves it, readers see it."""

from playwright.sync_api import expect

from home.models import StandardPage
from roles.setup import EDITORS, REVIEWERS

from .admin import admin_login, page_action


def test_editor_writes_reviewer_approves_standard_page(page, roles, member, login, settings):
    # Wagtail 8 autosaves drafts every half second; a draft autosaved while the
    # action is clicked would make this create the page twice (slug taken). The
    # journey is about the editor's choices, so no autosave here.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    home_fr, _home_en = roles
    member(EDITORS, "redactrice")
    reviewer = member(REVIEWERS, "relecteur")

    admin_login(page, "redactrice")
    page.goto(f"/admin/pages/add/home/standardpage/{home_fr.pk}/")
    page.fill("#id_title", "Notre méthode")
    page.fill("#id_intro", "Comment nous travaillons, pas à pas.")
    page_action(page, "Soumettre à Relecture avant publication")
    expect(page.locator(".messages")).to_contain_text("Notre méthode")
    created = StandardPage.objects.get(title="Notre méthode")
    assert not created.live

    login(reviewer)
    page.goto(f"/admin/pages/{created.pk}/edit/")
    page_action(page, "Approuver et Publier")
    expect(page.locator(".messages")).to_contain_text("Notre méthode")

    page.goto(created.url if created.url else "/fr/notre-methode/")
    expect(page.locator("h1")).to_have_text("Notre méthode")
    assert StandardPage.objects.get(pk=created.pk).live
