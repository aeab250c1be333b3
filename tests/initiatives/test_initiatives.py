import pytest
from wagtail.blocks import StructBlockValidationError

from editorial.localize import translate
from initiatives.blocks import ContactBlock, LinkActionBlock
from initiatives.models import InitiativeIndexPage
from tests.initiatives.factories import initiative
from tests.kit.html import soup, text_of
from tests.kit.pages import make_private
from tests.news.factories import add_child

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home_fr):
    return add_child(home_fr, InitiativeIndexPage(title="Initiatives", slug="initiatives"))


def test_initiative_page_shows_everything(client, index):
    page = initiative(index)
    html = client.get(page.url).text
    for text in (
        "Concertations territoriales de l&#x27;IA",
        "Ouverte",
        "France urbaine",
        "<h2>À qui s&#x27;adresse-t-elle ?</h2>",
        "<h2>Comment ça marche ?</h2>",
        "Inscrire mon territoire",
        "Camille Martin",
        'href="mailto:camille.martin@example.org"',
        'href="tel:+33123456789"',
        "Métropole pilote",
        "1 participant",
        '<time datetime="2025-03-10">10 mars 2025</time>',
    ):
        assert text in html, text
    form = soup(html).select_one("form[method=post]")
    assert form is not None and form.select_one("[name=organisation]") is not None


def test_link_call_to_action(client, index, home_fr):
    page = initiative(
        index,
        call_to_action=[("link", {"label": "S'inscrire", "page": None, "url": "https://example.org/inscription"})],
    )
    html = client.get(page.url).text
    doc = soup(html)
    [button] = [a for a in doc.find_all("a") if a.get_text(strip=True) == "S'inscrire"]
    assert button["href"] == "https://example.org/inscription" and "button" in button["class"]
    assert doc.select("main form[method=post]") == [], "the page itself has no form (the footer's subscription aside)"


def test_block_validation():
    with pytest.raises(StructBlockValidationError):
        LinkActionBlock().clean({"label": "Go", "page": None, "url": ""})
    with pytest.raises(StructBlockValidationError) as error:
        ContactBlock().clean({"person": None, "name": "", "role": "", "email": "", "phone": ""})
    assert set(error.value.block_errors) == {"name", "email"}


def test_index_lists_live_public_initiatives_of_its_language_by_status(client, homes):
    home_fr, _ = homes
    index = add_child(home_fr, InitiativeIndexPage(title="Initiatives", slug="initiatives"))
    initiative(index, "Ouverte à tous", slug="ouverte")
    initiative(index, "Déjà finie", status="finished", slug="finie")
    initiative(index, "Brouillon", slug="brouillon", publish=False)
    make_private(initiative(index, "Privée", slug="privee"))
    index_en = translate(index, {"initiatives": "initiatives-en"})
    initiative(index_en, "Only in English", slug="english")
    html = client.get(index.url).text
    assert "Ouverte à tous" in html and "Déjà finie" in html
    for hidden in ("Brouillon", "Privée", "Only in English"):
        assert hidden not in html
    filtered = client.get(index.url + "?statut=terminee").text
    assert "Déjà finie" in filtered and "Ouverte à tous" not in filtered
    assert client.get(index.url + "?statut=inconnu").status_code == 404


def test_editors_find_the_initiative_fields_labelled_in_french(admin_client, index):
    page = initiative(index)
    for url in (f"/admin/pages/add/initiatives/initiativepage/{index.pk}/", f"/admin/pages/{page.pk}/edit/"):
        labels = text_of(admin_client.get(url), "#page-edit-form").lower()
        for label in (
            "partenaires",
            "sections",
            "appel à l'action",
            "champs du formulaire",
            "dates clés",
            "participants",
        ):
            assert label in labels, (url, label)
    edit = soup(admin_client.get(f"/admin/pages/{page.pk}/edit/"))
    assert edit.select_one("#page-edit-form [name=title]")["value"] == "Concertations territoriales de l'IA"
