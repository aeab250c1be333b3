"""Report-specific body blocks: numbered recommendations addressed to audiences."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from editorial.blocks import PARAGRAPH_FEATURES, BodyBlock

from .notes import FEATURE as NOTE_FEATURE

# A report's text may carry footnotes (reports/notes.py).
REPORT_TEXT_FEATURES = [*PARAGRAPH_FEATURES, NOTE_FEATURE]


class Audience:
    GOVERNMENT = "government"
    SCHOOLS = "schools"
    LOCAL_AUTHORITIES = "local_authorities"
    COMPANIES = "companies"
    CIVIL_SOCIETY = "civil_society"

    CHOICES = [
        (GOVERNMENT, _("Gouvernement et administrations")),
        (SCHOOLS, _("Établissements d'enseignement")),
        (LOCAL_AUTHORITIES, _("Collectivités territoriales")),
        (COMPANIES, _("Entreprises")),
        (CIVIL_SOCIETY, _("Société civile")),
    ]
    LABELS = dict(CHOICES)


def audience_labels(codes):
    return [Audience.LABELS[code] for code in codes or [] if code in Audience.LABELS]


def recommendation_anchor(number):
    """The anchor of recommendation `number`: the same in every language, so a
    link to a recommendation survives switching language."""
    return f"recommandation-{number}"


class RecommendationBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre de la recommandation"), max_length=255)
    body = blocks.RichTextBlock(label=_("Texte"), features=REPORT_TEXT_FEATURES)
    audiences = blocks.MultipleChoiceBlock(
        label=_("Destinataires"),
        choices=Audience.CHOICES,
        help_text=_("À qui s'adresse la recommandation ; cochez-en une ou plusieurs."),
        widget=forms.CheckboxSelectMultiple,
    )


class RecommendationsBlock(blocks.StructBlock):
    """A list of recommendations, numbered across the whole report."""

    title = blocks.CharBlock(label=_("Titre de la partie"), default=_("Nos recommandations"))
    intro = blocks.RichTextBlock(label=_("Introduction"), required=False, features=PARAGRAPH_FEATURES)
    recommendations = blocks.ListBlock(RecommendationBlock(), label=_("Recommandations"), min_num=1)

    class Meta:
        icon = "list-ol"
        label = _("Recommandations")
        template = "reports/blocks/recommendations.html"

    def toc_title(self, value):
        return value["title"]

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        page = context.get("page")
        numbers = page.recommendation_numbers if hasattr(page, "recommendation_numbers") else {}
        request = context.get("request")
        citation = page.citation(request) if request is not None and hasattr(page, "citation") else None
        items = []
        for position, item in enumerate(value["recommendations"].bound_blocks, start=1):
            # Outside a report (block preview), number within the block.
            number = numbers.get(item.id, position)
            items.append(
                {
                    "number": number,
                    "anchor": recommendation_anchor(number),
                    "value": item.value,
                    "audiences": audience_labels(item.value["audiences"]),
                    "citation": citation.recommendation_text(number, recommendation_anchor(number)) if citation else "",
                    "url": f"{citation.url}#{recommendation_anchor(number)}" if citation else "",
                }
            )
        context["items"] = items
        return context


class ReportBodyBlock(BodyBlock):
    paragraph = blocks.RichTextBlock(label=_("Paragraphe"), features=REPORT_TEXT_FEATURES, icon="pilcrow")
    recommendations = RecommendationsBlock()
