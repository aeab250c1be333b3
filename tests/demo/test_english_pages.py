"""Every English page of the demo reads in English: pages of every type,
indexes and their filters, topic and person pages, feeds, calendars, citation
files and the registration e-mail show no French interface word, and no
`/en/` link carries a French URL segment or query parameter."""

import re
from urllib.parse import parse_qsl, urljoin, urlsplit

import pytest
from django.core import mail
from wagtail.models import Page

from editorial.url_words import WORDS
from tests.kit.html import soup

pytestmark = pytest.mark.django_db

# French interface words and phrases an English page never shows (content names
# such as « Numérique en Communs » are not in the list).
FRENCH_WORDS = [
    "Accueil",
    "Aller à",
    "Année",
    "Ajouter à",
    "Cette page",
    "Complet",
    "En ligne",
    "Événement",
    "Événements",
    "Inscription",
    "Inscriptions",
    "Institut du numérique responsable",
    "Lieu",
    "Mis à jour",
    "Nous contacter",
    "Organisé par",
    "Précédent",
    "Publié le",
    "Rapport",
    "Rapports",
    "Recherche",
    "Rechercher",
    "S'abonner",
    "Statut",
    "Suivant",
    "Télécharger",
    "Thème",
    "Thèmes",
    "Tous",
    "Toutes",
]
FRENCH_PATTERN = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, FRENCH_WORDS)) + r")(?![\w-])")
# French typography: a space before a colon ("Registration : closed").
SPACED_COLON = re.compile(r"[^\W\d_] :(\s|$)")
FRENCH_URL_WORDS = {words["fr"] for words in WORDS.values() if words["fr"] != words["en"]}
TEXT_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder", "content")
NON_HTML = (
    "text/calendar",
    "application/rss+xml",
    "application/atom+xml",
    "application/x-bibtex",
    "application/x-research-info-systems",
)


def french_in(text):
    found = {match.group(1) for match in FRENCH_PATTERN.finditer(text)}
    if SPACED_COLON.search(text):
        found.add(SPACED_COLON.search(text).group(0))
    return found


def visible_text(html):
    for hidden in html(["script", "style"]):
        if hidden.get("type") != "application/ld+json":
            hidden.decompose()
    texts = [html.get_text(" ")] + [script.string or "" for script in html.select('script[type="application/ld+json"]')]
    texts += [element[attribute] for attribute in TEXT_ATTRIBUTES for element in html.select(f"[{attribute}]")]
    return "\n".join(texts)


def french_in_url(url):
    parts = urlsplit(url)
    segments = set(parts.path.strip("/").split("/"))
    params = {key for key, _value in parse_qsl(parts.query, keep_blank_values=True)}
    return (segments | params | {parts.fragment}) & FRENCH_URL_WORDS


def english_links(html, base, selector="a[href], link[href]"):
    """The same-site `/en/` URLs a page links to (links and alternates, or `selector`)."""
    urls = set()
    for element in html.select(selector):
        url = urljoin(base, element.get("href") or element.get("action"))
        parts = urlsplit(url)
        if parts.netloc in ("", "testserver") and parts.path.startswith("/en/"):
            urls.add(url.split("://testserver", 1)[-1])
    return urls


def walk(client, start):
    """{url: problems} over every English page reachable from `start`; filter
    pages (with a query string) are visited but not followed further."""
    problems, seen, queue = {}, set(), list(start)
    while queue:
        url = queue.pop()
        path = url.split("#", 1)[0]
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        content_type = response["Content-Type"].split(";")[0]
        found = set()
        if content_type == "text/html":
            html = soup(response.content)
            links = english_links(html, path)
            targets = links | english_links(html, path, "form[action]")
            found |= {f"link {link}" for link in targets if french_in_url(link)}
            found |= french_in(visible_text(html))
            if "?" not in path:
                queue += links
        elif content_type in NON_HTML or content_type.startswith("text/"):
            found |= french_in(response.content.decode())
        if found:
            problems[path] = sorted(found)
    return problems, seen


def test_every_english_page_of_the_demo_reads_in_english(client, demo):
    pages = Page.objects.live().public().filter(locale__language_code="en", depth__gt=1)
    problems, seen = walk(client, [page.url for page in pages])
    assert problems == {}
    not_found = client.get("/en/no-such-page/")
    assert not_found.status_code == 404
    assert french_in(visible_text(soup(not_found.content))) == set()
    visited = " ".join(seen)
    for surface in ("/feed/rss/", "/feed/atom/", "/calendar/", "/cite/bibtex/", "/cite/ris/", "?topic=", "?year="):
        assert surface in visited, surface


def test_the_english_registration_email_reads_in_english(client, demo):
    event = next(
        page
        for page in Page.objects.live().public().filter(locale__language_code="en").specific()
        if getattr(page, "registration_mode", None) == "form"
    )
    form = soup(client.get(event.url).content).select_one("form.registration__form")
    assert urlsplit(form["action"]).path.endswith("/register/")
    values = {"name": "Ada Lovelace", "email": "ada@example.org", "organisation": "", "consent": "on"}
    response = client.post(form["action"], values)
    assert response.status_code == 302
    assert urlsplit(response["Location"]).path.endswith("/register/confirmed/")
    (message,) = mail.outbox
    assert french_in(message.subject + "\n" + message.body) == set()
    assert "Institute for Responsible Digital Policy" in message.body
    assert re.search(r"Date: \d{1,2} [A-Z][a-z]+ \d{4}", message.body)
