"""The words readers see in URLs, in each language: sub-page segments
(`/fr/rapports/flux/rss/`, `/en/reports/feed/rss/`), query parameters
(`?theme=` / `?topic=`) and anchors (`#inscription` / `#register`).

`WORDS` is the one table: routes (`localized_path`), links
(`LocalizedRoutesMixin.reverse_subpage`, the `url_word` template tag), filters
(`editorial.listing`) and the redirects of the other language's words
(`LocalizedRoutesMixin.route`, `ForeignQueryParamsMiddleware`) all read it.
A key absent from the table is the same word in every language (`?type=`,
`?format=`, `?role=`, `?page=`).

Usage on a page::

    class ArticleIndexPage(LocalizedRoutesMixin, SectionIndexPage):
        @localized_path("{feed}/rss/", name="rss")
        def rss(self, request): ...

    # template: {% routablepageurl page 'rss' %} gives the page language's URL.
"""

from django.conf import settings
from django.http import HttpResponsePermanentRedirect, QueryDict
from django.urls import NoReverseMatch
from django.utils.translation import get_language, get_language_from_path
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.url_routing import RouteResult

WORDS = {
    "feed": {"fr": "flux", "en": "feed"},
    "cite": {"fr": "citer", "en": "cite"},
    "calendar": {"fr": "calendrier", "en": "calendar"},
    "register": {"fr": "inscription", "en": "register"},
    "confirmed": {"fr": "confirmee", "en": "confirmed"},
    "topic": {"fr": "theme", "en": "topic"},
    "year": {"fr": "annee", "en": "year"},
    "series": {"fr": "collection", "en": "series"},
    "status": {"fr": "statut", "en": "status"},
    "reports": {"fr": "rapports", "en": "reports"},
    "sessions": {"fr": "interventions", "en": "talks"},
    # Filter values (`editorial.listing.choice_filter`, `page_type_filter`): the
    # stored value is the key.
    "report": {"fr": "rapport", "en": "report"},
    "policy_brief": {"fr": "note-de-synthese", "en": "policy-brief"},
    "summit": {"fr": "sommet", "en": "summit"},
    "round_table": {"fr": "table-ronde", "en": "round-table"},
    "workshop": {"fr": "atelier", "en": "workshop"},
    "webinar": {"fr": "webinaire", "en": "webinar"},
    "hearing": {"fr": "audition", "en": "hearing"},
    "organiser": {"fr": "organisateur", "en": "organiser"},
    "co_organiser": {"fr": "co-organisateur", "en": "co-organiser"},
    "participant": {"fr": "intervenant", "en": "participant"},
    "open": {"fr": "ouverte", "en": "open"},
    "closed": {"fr": "close", "en": "closed"},
    "finished": {"fr": "terminee", "en": "finished"},
    "reportpage": {"fr": "rapport", "en": "report"},
    "eventpage": {"fr": "evenement", "en": "event"},
    "newsarticlepage": {"fr": "actualite", "en": "news"},
    "initiativepage": {"fr": "initiative", "en": "initiative"},
}


def word(key, language=None):
    """`key`'s word in `language` (default: the active language)."""
    words = WORDS.get(key)
    if words is None:
        return key
    return words.get(language or get_language()) or words[settings.LANGUAGE_CODE]


def words_of(key):
    """Every language's word for `key` (none when it is the same word everywhere)."""
    return tuple(WORDS.get(key, {}).values())


def source_words(language):
    """{source-language (French) word: `language`'s word} for the words that differ."""
    source = settings.LANGUAGE_CODE
    return {
        words[source]: words[language]
        for words in WORDS.values()
        if language in words and words[language] != words[source]
    }


def localized_path(pattern, name):
    """A route per language: `pattern`'s `{key}` placeholders filled with that
    language's words, named `<name>.<language>`."""

    def decorator(view_func):
        for language, _name in settings.LANGUAGES:
            words = {key: word(key, language) for key in WORDS}
            path(pattern.format(**words), name=f"{name}.{language}")(view_func)
        return view_func

    return decorator


def translated_query(query, language):
    """`query` (a QueryDict) with the French parameter names renamed to
    `language`'s, or None when it has none."""
    renames = source_words(language)
    if not any(key in renames for key in query):
        return None
    renamed = QueryDict(mutable=True)
    for key, values in query.lists():
        renamed.setlist(renames.get(key, key), values)
    return renamed


def reverse_route(model, name, language, args=(), kwargs=None):
    """The sub-path of the route `name` of a routable page `model` in `language`."""
    resolver = model.get_resolver()
    try:
        return resolver.reverse(f"{name}.{language}", *args, **(kwargs or {}))
    except NoReverseMatch:
        return resolver.reverse(name, *args, **(kwargs or {}))


class LocalizedRoutesMixin(RoutablePageMixin):
    """Sub-page URLs in the page's language; the other language's words answer
    with a permanent redirect to this language's (query string kept)."""

    def reverse_subpage(self, name, args=None, kwargs=None):
        return reverse_route(type(self), name, self.locale.language_code, args or (), kwargs)

    def route(self, request, path_components):
        result = super().route(request, path_components)
        match = getattr(request, "routable_resolver_match", None)
        if result.page is not self or match is None or not result.args:
            return result
        name, _dot, language = (match.url_name or "").rpartition(".")
        if not name or language == self.locale.language_code:
            return result

        def redirect(request):
            target = self.get_url(request) + self.reverse_subpage(name, match.args, match.kwargs)
            query = request.GET.urlencode()
            return HttpResponsePermanentRedirect(f"{target}?{query}" if query else target)

        return RouteResult(self, args=(redirect, [], {}))


class ForeignQueryParamsMiddleware:
    """A translated page asked with the French query parameters it had before
    they were translated (`/en/events/?theme=x`) is redirected (301) to its own
    (`?topic=x`), the other parameters kept. French pages are left alone: the
    search page reads `?topic=` and `?year=` in every language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = get_language_from_path(request.path_info)
        if language and request.method in ("GET", "HEAD"):
            renamed = translated_query(request.GET, language)
            if renamed is not None:
                return HttpResponsePermanentRedirect(f"{request.path}?{renamed.urlencode()}")
        return self.get_response(request)
