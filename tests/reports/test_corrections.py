"""Corrections in the open: the note on the page, the version it replaced at a
stable address (read-only, superseded, not indexed), in the reader's
language; drafts and unreferenced revisions never served."""

import datetime
import io

import pytest
from pypdf import PdfReader

from editorial.localize import translate
from reports.models import ReportCorrection, ReportPage
from tests.kit.factories import TopicFactory
from tests.kit.html import soup

from .factories import report, report_index
from .test_admin import add_url, form

pytestmark = pytest.mark.django_db

CORRECTION = "Le taux du tableau 2 était erroné : 12 % et non 21 %."


def corrected(page, text="<p>Le taux est de 12 %.</p>", note=CORRECTION, publish=True):
    """`page` edited as an editor does: a new text and a correction note in one revision."""
    draft = page.get_latest_revision_as_object()
    draft.body = [("paragraph", text)]
    draft.corrections = [
        *draft.corrections.all(),
        ReportCorrection(date=datetime.date(2025, 11, 3), text=note, locale=page.locale),
    ]
    revision = draft.save_revision()
    if publish:
        revision.publish()
    page.refresh_from_db()
    return revision


@pytest.fixture
def page(homes):
    page = report(report_index(homes[0]), "Chiffres", body=[("paragraph", "<p>Le taux est de 21 %.</p>")])
    page.refresh_from_db()
    return page


def version_link(html):
    return html.select_one(".report__corrections a")["href"]


def test_a_correction_shows_on_the_page_with_the_earlier_version_one_click_away(client, page):
    first_revision = page.live_revision_id
    corrected(page)
    html = soup(client.get(page.url))
    corrections = html.select_one("#corrections")
    assert CORRECTION in corrections.text
    assert "Corrigé le 3 novembre 2025" in corrections.text
    assert html.select_one('.report__header a[href="#corrections"]').text.strip() == "Corrigé le 3 novembre 2025"
    assert "12 %" in html.select_one(".body").text
    link = version_link(html)
    assert link == f"{page.url}version/{first_revision}/"

    old = client.get(link)
    old_html = soup(old)
    assert "21 %" in old_html.select_one(".body").text and "12 %" not in old_html.select_one(".body").text
    notice = old_html.select_one(".notice--superseded")
    assert "Ancienne version" in notice.text
    assert notice.a["href"] == page.url
    assert old_html.select_one('meta[name="robots"]')["content"].startswith("noindex")
    assert old["X-Robots-Tag"] == "noindex"
    # Read-only: no PDF of today's version offered as the old one's.
    assert not old_html.select(".report__pdf")
    # The current page is indexed as usual.
    assert not soup(client.get(page.url)).select_one('meta[name="robots"][content^="noindex"]')


def test_the_json_ld_and_the_pdf_carry_the_correction(client, page):
    corrected(page)
    html = soup(client.get(page.url))
    assert CORRECTION in html.select_one('script[type="application/ld+json"]').text
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(client.get(f"{page.url}pdf/").content)).pages)
    assert "Corrigé le 3 novembre 2025" in text and "12 % et non 21 %" in text


def test_a_draft_correction_is_not_shown_and_no_other_revision_is_served(client, page):
    first_revision = page.live_revision_id
    draft = corrected(page, publish=False)
    html = soup(client.get(page.url))
    assert not html.select("#corrections") and CORRECTION not in html.text
    # Neither the draft nor the live version nor a published version no correction points to.
    for revision_id in (draft.pk, first_revision, 999999):
        assert client.get(f"{page.url}version/{revision_id}/").status_code == 404


def test_removing_the_correction_withdraws_its_earlier_version(client, page):
    corrected(page)
    link = version_link(soup(client.get(page.url)))
    draft = page.get_latest_revision_as_object()
    draft.corrections = []
    draft.save_revision().publish()
    assert client.get(link).status_code == 404


def test_two_corrections_each_link_to_the_version_they_replaced(client, page):
    first_revision = page.live_revision_id
    corrected(page)
    second_revision = page.live_revision_id
    corrected(page, text="<p>Le taux est de 12 % (2025).</p>", note="Année ajoutée.")
    links = [a["href"] for a in soup(client.get(page.url)).select(".report__corrections a")]
    # Newest first (same date: page order kept).
    assert sorted(links) == sorted([f"{page.url}version/{first_revision}/", f"{page.url}version/{second_revision}/"])
    assert "12 %" in soup(client.get(f"{page.url}version/{second_revision}/")).select_one(".body").text


def test_the_english_reader_gets_the_correction_and_the_old_version_in_english(client, page):
    translate(page.topics[0], {})
    translate(page.author_links()[0].person, {})
    translate(page.get_parent(), {"Rapports": "Reports", "rapports": "reports"})
    english = translate(page, {"Le taux est de 21 %.": "The rate is 21%."})
    corrected(page)
    english = translate(page, {"Le taux est de 12 %.": "The rate is 12%.", CORRECTION: "Table 2 was wrong."})
    html = soup(client.get(english.url))
    assert "Corrected on 3 November 2025" in html.select_one("#corrections").text
    assert "Table 2 was wrong." in html.select_one("#corrections").text
    old = soup(client.get(version_link(html)))
    assert "The rate is 21%." in old.select_one(".body").text
    assert "Earlier version" in old.select_one(".notice--superseded").text
    assert old.html["lang"] == "en"


def test_the_editor_records_a_correction_in_the_admin(client, superuser, homes):
    client.force_login(superuser)
    index = report_index(homes[0])
    topic = TopicFactory()
    assert client.post(add_url(index), form(topics=[topic], text="Le taux est de 21 %.")).status_code == 302
    page = ReportPage.objects.get()
    response = client.post(
        f"/admin/pages/{page.pk}/edit/",
        form(
            topics=[topic],
            text="Le taux est de 12 %.",
            corrections=[{"date": "2025-11-03", "text": CORRECTION}],
        ),
    )
    assert response.status_code == 302
    html = soup(client.get(page.url))
    assert CORRECTION in html.select_one("#corrections").text
    assert "21 %" in soup(client.get(version_link(html))).select_one(".body").text


def test_a_version_saved_before_corrections_existed_shows_none(client, page):
    first = page.live_revision
    # Revisions from before the corrections field have no "corrections" key.
    first.content.pop("corrections")
    first.save(update_fields=["content"])
    corrected(page)
    old = soup(client.get(f"{page.url}version/{first.pk}/"))
    assert not old.select("#corrections") and CORRECTION not in old.text
