"""What an admin user does with the mouse, shared by the journeys."""

import re

from playwright.sync_api import expect

from .conftest import PASSWORD


def admin_login(page, username):
    """Through the login form, as a new user would."""
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    expect(page).to_have_url(re.compile(r"/admin/$"))


def page_action(page, label):
    """Click one of the page editor's actions, in the "More actions" menu unless it is the main one."""
    button = page.locator("footer").get_by_role("button", name=label, exact=True)
    if not button.is_visible():
        page.locator("footer").get_by_role("button", name="Plus d'actions").click()
    button.click()


def translate_segments(page, strings):
    """In wagtail-localize's editor: {source text: translation}, one segment after the other."""
    editor = page.locator(".js-translation-editor")
    for source, translation in strings.items():
        segment = editor.locator("li", has_text=source).last
        segment.get_by_role("button", name="Traduire").click()
        segment.locator("textarea").fill(translation)
        segment.get_by_role("button", name="Enregistrer").click()
        expect(segment).to_contain_text(translation)
