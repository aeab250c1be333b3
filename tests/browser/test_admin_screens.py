"""The admin edit pages a French editor works in, at 1280 px: each saved as a
screenshot under var/admin-screenshots/ for a person to read, and checked for
what a screenshot showed wrong once (name fields without a label)."""

from pathlib import Path

from playwright.sync_api import expect

from roles.setup import EDITORS
from tests.roles.test_admin_walk import content as walk_content

from .admin import admin_login

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "admin-screenshots"

content = walk_content


def test_admin_edit_pages_at_1280_px(page, roles, member, content):
    pages, _english, topic, person, organisation = content
    member(EDITORS, "redactrice")
    admin_login(page, "redactrice")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    screens = {
        **{kind: f"/admin/pages/{item.pk}/edit/" for kind, item in pages.items()},
        "person": f"/admin/snippets/people/person/edit/{person.pk}/",
        "organisation": f"/admin/snippets/people/organisation/edit/{organisation.pk}/",
        "topic": f"/admin/snippets/topics/topic/edit/{topic.pk}/",
    }
    for name, url in screens.items():
        page.goto(url)
        expect(page.locator("main")).to_be_visible()
        page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)
        if name == "report":
            # Each recommendation's panel carries the number readers see.
            headings = page.locator("[data-contentpath=recommendations] [data-streamfield-child] .c-sf-block__type")
            expect(headings).to_have_text(["Recommandation 1", "Recommandation 2"])
            page.locator("[data-contentpath=recommendations] [data-streamfield-action=MOVE_DOWN]").first.click()
            expect(headings).to_have_text(["Recommandation 1", "Recommandation 2"])
            expect(
                page.locator("[data-contentpath=recommendations] [data-streamfield-child] .c-sf-block__title")
            ).to_have_text(["Recommandation numéro 2", "Recommandation numéro 1"])
        if name in ("person", "organisation", "topic"):
            expect(page.locator("label[for=id_name]")).to_be_visible()
            expect(page.locator("label[for=id_name]")).to_contain_text("Nom")
