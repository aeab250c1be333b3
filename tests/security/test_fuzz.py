"""Fuzzing every public URL and form of the demo site with hostile values
(tests/security/fuzz_corpus.py): no answer may be a 5xx, and nothing a form
refuses is stored. Runs in the normal suite; meant for PostgreSQL, which
refuses NUL bytes in text (SQLite would hide that class of error)."""

import io
import itertools
from urllib.parse import urlencode, urlsplit

import pytest
from django.core.cache import cache
from django.core.management import call_command
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Page

from events.models import EventPage, Registration
from home.models import StandardPage
from tests.kit.html import soup
from tests.kit.pages import make_private

from .fuzz_corpus import CORE_VALUES, HOSTILE_VALUES, PAGE_QUERIES, PATH_SUFFIXES, RAW_QUERIES

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]

# Routes of routable pages, beyond the page itself, as readers reach them.
SEARCH_ENDPOINTS = ["/fr/recherche/", "/en/search/", "/api/search/", "/api/search/suggest/"]
SEARCH_PARAMETERS = ["q", "page", "locale", "type", "sort", "theme", "topic", "annee", "year"]
FIXED_URLS = ["/", "/robots.txt", "/sitemap.xml", "/manifest.webmanifest", "/fr/", "/en/", "/documents/1/x.pdf"]


class Fuzzer:
    """Sends requests and keeps every answer a reader should never get."""

    def __init__(self, client):
        self.client = client
        self.sent = 0
        self.failures = []

    def request(self, method, url, data=None, **extra):
        self.sent += 1
        try:
            response = (
                getattr(self.client, method)(url, data, **extra)
                if data is not None
                else getattr(self.client, method)(url, **extra)
            )
        except Exception as error:  # noqa: BLE001 - the test client re-raises what a server would turn into a 500
            self.failures.append((method, url, repr(data)[:200], f"{type(error).__name__}: {error}"[:300]))
            return None
        if response.status_code >= 500:
            self.failures.append((method, url, repr(data)[:200], response.status_code))
        return response

    def get(self, url, **extra):
        return self.request("get", url, **extra)

    def post(self, url, data):
        return self.request("post", url, data)


def public_urls(with_forms):
    """One live page of each type in each language (every URL pattern of the
    page tree), the pages `with_forms`, and the routes of routable pages."""
    urls = []
    seen = set()
    pages = list(Page.objects.live().filter(depth__gt=1).specific().order_by("path"))
    for page in pages:
        kind = (type(page), page.locale_id)
        if kind in seen and page.pk not in with_forms:
            continue
        seen.add(kind)
        url = page.url
        if not url:
            continue
        urls.append(url)
        resolver = getattr(page, "get_resolver", None)
        if resolver is not None:
            for pattern in resolver().url_patterns:
                route = str(pattern.pattern)
                if route and "<" not in route:
                    urls.append(url + route)
                elif "<slug:slug>" in route:
                    urls.append(url + route.replace("<slug:slug>", "inconnu"))
    return sorted(set(urls))


def get_forms(html):
    """The GET forms of a page (search boxes, listing filters): action and field names."""
    parsed = soup(html)
    for form in parsed.select("form"):
        if (form.get("method") or "get").lower() != "get":
            continue
        names = sorted({field["name"] for field in form.select("[name]") if field.get("name")})
        if names:
            yield urlsplit(form.get("action") or "").path, names


def post_forms(html):
    """The POST forms of a page with their fields, filled as a reader would."""
    parsed = soup(html)
    for form in parsed.select("form[method=post], form[method=POST]"):
        fields = {}
        for field in form.select("input[name], textarea[name], select[name]"):
            name = field["name"]
            if name in {"csrfmiddlewaretoken", "website"}:
                continue
            kind = field.get("type", "text")
            if kind == "checkbox":
                fields[name] = "on"
            elif kind == "email" or "mail" in name:
                fields[name] = "lecteur@example.org"
            elif field.name == "select":
                option = field.select_one("option[value]:not([value=''])")
                fields[name] = option["value"] if option else ""
            else:
                fields[name] = field.get("value") or "Texte ordinaire"
        yield form.get("action"), fields


def stored_count():
    return Registration.objects.count() + FormSubmission.objects.count()


@pytest.fixture
def demo_site(db, settings):
    call_command("load_demo", stdout=io.StringIO())
    # A page behind a password, so that its form is fuzzed too.
    private = StandardPage.objects.live().filter(locale__language_code="fr").order_by("path").last()
    make_private(private, password="mot-de-passe-2030")
    registering = EventPage.objects.live().filter(registration_mode="form").values_list("pk", flat=True)
    return {private.pk, *registering}
    # The rate limits would answer 429 before the forms see the values.
    settings.EVENTS_REGISTRATION_RATE_LIMIT = (1_000_000, 600)
    settings.INITIATIVES_REPLY_RATE_LIMIT = (1_000_000, 600)
    cache.clear()


def fuzz_post_form(fuzzer, url, fields):
    """Each field in turn gets each hostile value, then fields go missing and
    come twice; what is refused stores nothing."""
    variants = []
    for name, value in itertools.product(fields, CORE_VALUES):
        variants.append({**fields, name: value})
    for name in fields:
        variants.append({key: value for key, value in fields.items() if key != name})
        variants.append({**fields, name: [fields[name], "seconde valeur"]})
    variants.append({})
    for data in variants:
        before = stored_count()
        response = fuzzer.post(url, data)
        if response is None:
            continue
        if response.status_code >= 400 and stored_count() != before:
            fuzzer.failures.append(("post", url, repr(data)[:200], f"{response.status_code} but stored"))


def test_fuzz_every_public_url_and_form(client, demo_site, capsys):
    fuzzer = Fuzzer(client)
    pages = public_urls(with_forms=demo_site)
    assert len(pages) > 30

    for url in FIXED_URLS:
        fuzzer.get(url)
        fuzzer.get(f"{url}?{RAW_QUERIES[0]}")

    forms = {}
    posts = {}
    for url in pages:
        response = fuzzer.get(url)
        if response is not None and response.status_code == 200 and "html" in response.get("Content-Type", ""):
            html = response.content.decode()
            for action, names in get_forms(html):
                forms.setdefault(action or url, set()).update(names)
            for action, fields in post_forms(html):
                posts.setdefault(action or url, fields)
        for query in PAGE_QUERIES:
            fuzzer.get(f"{url}?{query}")
    for url, suffix in zip(pages, itertools.cycle(PATH_SUFFIXES), strict=False):
        fuzzer.get(url + suffix)

    # Every GET form (search boxes, listing filters) and the search endpoints.
    for endpoint in SEARCH_ENDPOINTS:
        forms.setdefault(endpoint, set()).update(SEARCH_PARAMETERS)
    for action, names in sorted(forms.items()):
        for name in sorted(names):
            for value in HOSTILE_VALUES if name == "q" else CORE_VALUES:
                fuzzer.get(action + "?" + urlencode({name: value, "locale": "fr"}))
            fuzzer.get(action + "?" + urlencode([(name, "a"), (name, "b")]))
        for raw in RAW_QUERIES:
            fuzzer.get(f"{action}?{raw}")

    # Every POST form: registration, initiative replies, page passwords.
    assert EventPage.objects.filter(registration_mode="form").exists(), "the demo has a registration form"
    actions = sorted(posts)
    assert len(actions) >= 5, actions  # registration and initiative reply in each language, page password
    for action, fields in posts.items():
        fuzz_post_form(fuzzer, action, fields)

    with capsys.disabled():
        print(
            f"\n[fuzz] {fuzzer.sent} requests: {len(pages)} pages, {len(forms)} GET forms,"
            f" {len(posts)} POST forms ({', '.join(actions)}); {len(fuzzer.failures)} failures"
        )
    assert fuzzer.failures == []
