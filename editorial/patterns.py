"""The pattern page (`/patterns/`, while `settings.PATTERN_LIBRARY` is on, as
under DEBUG): every component of the pages, in both languages, drawn from
fixed data without the database, so that a change of a card, a badge or a body
block is seen in one place (tests/browser/test_patterns.py screenshots it)."""

import datetime
import zoneinfo

from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.utils import translation

from .blocks import BodyBlock, Outline
from .cards import Badge, Card

PARIS = zoneinfo.ZoneInfo("Europe/Paris")

# Fixed texts of the samples, in the two languages of the site.
TEXTS = {
    "fr": {
        "report": "Sobriété numérique dans les services publics",
        "report_kind": "Rapport",
        "series": "Note n° 12",
        "authors": "Claire Martin, Yanis Benali",
        "summary": "Ce que coûtent en énergie les services en ligne de l'État, et dix mesures pour les alléger sans rien "
        "retirer aux usagers.",
        "topics": ("Sobriété", "Administration"),
        "event": "Conférence : l'IA au service des collectivités",
        "event_kind": "Conférence",
        "participating": "Nous y participons",
        "cancelled": "Annulé",
        "event_when": "12 mars 2026, 14:00 – 17:30",
        "city": "Lyon",
        "article": "Le règlement européen sur l'IA entre en application",
        "article_kind": "Actualité",
        "initiative": "Consultation : vos usages de l'IA générative",
        "initiative_kind": "Consultation",
        "open": "Ouverte",
        "topic": "Sobriété numérique",
        "topic_count": "14 contenus",
        "person": "Claire Martin",
        "role": "Directrice des études, INR",
        "callout_title": "À retenir",
        "callout": "Trois quarts de l'empreinte viennent des terminaux, non des centres de données.",
        "figures_title": "Chiffres clés",
        "figure_label": "de l'empreinte carbone de la France",
        "quote": "La sobriété n'est pas une privation, c'est une conception.",
        "quote_by": "Claire Martin",
        "references_title": "Références",
        "reference": "ADEME et Arcep, Évaluation de l'impact environnemental du numérique en France, 2023.",
    },
    "en": {
        "report": "Digital sufficiency in public services",
        "report_kind": "Report",
        "series": "Note no. 12",
        "authors": "Claire Martin, Yanis Benali",
        "summary": "What the State's online services cost in energy, and ten measures to lighten them without taking "
        "anything away from their users.",
        "topics": ("Sufficiency", "Public administration"),
        "event": "Conference: AI serving local authorities",
        "event_kind": "Conference",
        "participating": "We take part",
        "cancelled": "Cancelled",
        "event_when": "12 March 2026, 14:00 – 17:30",
        "city": "Lyon",
        "article": "The European AI Act comes into force",
        "article_kind": "News",
        "initiative": "Consultation: how you use generative AI",
        "initiative_kind": "Consultation",
        "open": "Open",
        "topic": "Digital sufficiency",
        "topic_count": "14 items",
        "person": "Claire Martin",
        "role": "Head of research, INR",
        "callout_title": "Key point",
        "callout": "Three quarters of the footprint come from devices, not from data centres.",
        "figures_title": "Key figures",
        "figure_label": "of France's carbon footprint",
        "quote": "Sufficiency is not deprivation, it is design.",
        "quote_by": "Claire Martin",
        "references_title": "References",
        "reference": "ADEME and Arcep, Assessing the environmental impact of digital technology in France, 2023.",
    },
}


def sample_cards(text):
    """One card of each kind, as the page types' `card_meta` make them."""
    start = datetime.datetime(2026, 3, 12, 14, tzinfo=PARIS)
    return [
        Card(
            title=text["report"],
            url="#report",
            eyebrow=(text["report_kind"],),
            series=text["series"],
            day=datetime.date(2026, 1, 20),
            byline=(text["authors"],),
            summary=text["summary"],
            topics=text["topics"],
            modifier="report-card",
        ),
        Card(
            title=text["event"],
            url="#event",
            eyebrow=(text["event_kind"], text["participating"]),
            day=start,
            date_text=text["event_when"],
            byline=(text["city"],),
            summary=text["summary"],
            summary_words=24,
            calendar_day=start,
            modifier="event-card",
        ),
        Card(
            title=text["event"],
            url="#event-over",
            eyebrow=(text["event_kind"],),
            badges=(Badge(text["cancelled"], "badge--cancelled"),),
            day=start,
            date_text=text["event_when"],
            byline=(text["city"],),
            calendar_day=start,
            modifier="event-card event-card--over",
        ),
        Card(
            title=text["article"],
            url="#article",
            eyebrow=(text["article_kind"],),
            day=datetime.date(2026, 2, 2),
            byline=(text["authors"].split(",")[0],),
            summary=text["summary"],
            modifier="article-card",
        ),
        Card(
            title=text["initiative"],
            url="#initiative",
            eyebrow=(text["initiative_kind"],),
            badges=(Badge(text["open"], "status status--open"),),
            summary=text["summary"],
            modifier="initiative-card",
        ),
        Card(title=text["topic"], url="#topic", meta_text=text["topic_count"], summary=text["summary"]),
        Card(title=text["person"], url="#person", meta_text=text["role"], modifier="person-card"),
    ]


def sample_body(text):
    """The body blocks readers meet in reports and articles, without images or embeds (they need the database)."""
    body = BodyBlock().to_python(
        [
            {"type": "heading", "value": {"text": text["figures_title"], "level": "h2"}},
            {
                "type": "key_figures",
                "value": {"title": "", "figures": [{"figure": "4,4 %", "label": text["figure_label"], "source": ""}]},
            },
            {"type": "paragraph", "value": f"<p>{text['summary']}</p>"},
            {
                "type": "callout",
                "value": {"title": text["callout_title"], "text": f"<p>{text['callout']}</p>", "tone": "key"},
            },
            {"type": "quote", "value": {"quote": text["quote"], "attribution": text["quote_by"]}},
            {
                "type": "references",
                "value": {"title": text["references_title"], "references": [{"text": text["reference"], "url": ""}]},
            },
        ]
    )
    return {"body": body, "outline": Outline(body)}


def patterns(request):
    if not settings.PATTERN_LIBRARY:
        raise Http404
    languages = []
    for code, name in settings.LANGUAGES:
        with translation.override(code):
            text = TEXTS[code]
            languages.append({"code": code, "name": name, "cards": sample_cards(text), **sample_body(text)})
    return render(request, "editorial/patterns.html", {"languages": languages})
