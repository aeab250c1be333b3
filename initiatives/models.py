"""Initiatives: calls for participation and projects, with their sections,
partners, call to action (a link or a form built into the page), contact,
participants and key dates."""

from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.db import models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.forms.models import AbstractFormField, FormMixin, FormSubmission
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.blocks import SnippetChooserBlock
from wagtail_localize.fields import SynchronizedField, TranslatableField

from editorial.cards import Badge, Card
from editorial.listing import Listing, choice_filter
from editorial.models import EditorialPage, SectionIndexPage

from .blocks import CallToActionBlock, ContactBlock, KeyDateBlock, ParticipantBlock, SectionsBlock
from .jsonld import initiative_json_ld
from .replies import CONSENT, LANGUAGE, REPLY_SENT, ReplyFormBuilder, acknowledge, notify_contact


class InitiativeIndexPage(SectionIndexPage):
    """The initiatives of one language, filtered by status."""

    subpage_types = ["initiatives.InitiativePage"]

    class Meta:
        verbose_name = _("index des initiatives")
        verbose_name_plural = pgettext_lazy("pluriel", "index des initiatives")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        initiatives = InitiativePage.objects.live().public().child_of(self).filter(locale_id=self.locale_id)
        context["listing"] = Listing(
            request,
            initiatives.order_by("-first_published_at", "-pk"),
            filters=[choice_filter("status", _("Statut"), "status", InitiativePage.Status.choices)],
            per_page=12,
            cache_key=f"page-{self.pk}",
        )
        return context


class InitiativePage(FormMixin, EditorialPage):
    """An initiative; when its call to action is the built-in form, readers'
    replies go through `wagtail.contrib.forms` (Forms section of the admin)."""

    def get_submissions_list_view_class(self):
        # Imported here: Wagtail's admin views import the page models.
        from .replies_export import RepliesListView

        return RepliesListView

    class Status(models.TextChoices):
        OPEN = "open", _("ouverte")
        CLOSED = "closed", _("inscriptions closes")
        FINISHED = "finished", _("terminée")

    status = models.CharField(
        _("statut"),
        max_length=10,
        choices=Status.choices,
        default=Status.OPEN,
        help_text=_(
            "« Ouverte » : on peut encore rejoindre l'initiative (le formulaire est affiché). « Inscriptions closes » : "
            "l'initiative continue sans nouveaux participants. « Terminée » : elle reste en ligne comme archive."
        ),
    )
    partners = StreamField(
        [("partner", SnippetChooserBlock("people.Organisation", label=_("Organisation")))],
        verbose_name=_("partenaires"),
        blank=True,
        help_text=_("Les organisations associées, avec leur logo ; créez-en une depuis le sélecteur si besoin."),
    )
    sections = StreamField(SectionsBlock(), verbose_name=_("sections"))
    body_field = "sections"
    call_to_action = StreamField(
        CallToActionBlock(),
        verbose_name=_("appel à l'action"),
        blank=True,
        help_text=_("Un bouton vers un lien, ou un formulaire intégré à la page."),
    )
    contact = StreamField([("contact", ContactBlock())], verbose_name=_("contact"), blank=True, max_num=1)
    participants = StreamField(
        [("participant", ParticipantBlock())],
        verbose_name=_("participants"),
        blank=True,
        help_text=_("Par exemple les territoires déjà engagés ; complétez la liste au fil du temps."),
    )
    key_dates = StreamField(
        [("key_date", KeyDateBlock())],
        verbose_name=_("dates clés"),
        blank=True,
        help_text=_("Les étapes passées et à venir, dans l'ordre où elles doivent s'afficher."),
    )

    content_panels = (
        Page.content_panels
        + [FieldPanel("status")]
        + EditorialPage.editorial_panels
        + [
            FieldPanel("partners"),
            FieldPanel("sections"),
            FieldPanel("call_to_action"),
            InlinePanel(
                "form_fields",
                heading=_("Champs du formulaire"),
                label=_("Champ du formulaire"),
                help_text=_(
                    "Les questions du formulaire intégré, suivies d'une case de consentement toujours présente."
                ),
            ),
            FieldPanel("contact"),
            FieldPanel("participants"),
            FieldPanel("key_dates"),
        ]
        + EditorialPage.related_panels
    )
    translatable_fields = EditorialPage.translatable_fields + [
        SynchronizedField("status"),
        TranslatableField("partners"),
        TranslatableField("sections"),
        TranslatableField("call_to_action"),
        TranslatableField("form_fields"),
        TranslatableField("contact"),
        TranslatableField("participants"),
        TranslatableField("key_dates"),
    ]
    view_prefetched = EditorialPage.view_prefetched + ("form_fields",)
    view_loaded = ("partner_organisations", "contact_value")
    search_fields = EditorialPage.search_fields + [
        index.SearchField("sections"),
        index.SearchField("participants"),
        index.FilterField("status"),
        index.FilterField("locale_id"),
    ]

    parent_page_types = ["initiatives.InitiativeIndexPage"]
    subpage_types = []
    form_builder = ReplyFormBuilder
    # FormMixin's "landing" preview would be the redirect back to the page.
    preview_modes = [("", _("Page"))]

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        permissions = [("view_replies", _("Peut lire et exporter les réponses aux initiatives"))]

    def ld_entity(self, context):
        return initiative_json_ld(self, context["request"])

    def card_meta(self, request):
        return Card(
            title=self.title,
            url=self.get_url(request),
            eyebrow=(self.type_label,),
            badges=(Badge(self.get_status_display(), f"status status--{self.status}"),),
            summary=self.summary,
            modifier="initiative-card",
        )

    @property
    def form_action(self):
        """The built-in form block, when the call to action is one."""
        for block in self.call_to_action:
            if block.block_type == "form":
                return block.value
        return None

    @property
    def accepts_responses(self):
        return self.status == self.Status.OPEN and self.form_action is not None

    @cached_property
    def partner_organisations(self):
        """The partners' organisations, those deleted since left out."""
        return [block.value for block in self.partners if block.value]

    @cached_property
    def contact_value(self):
        """The contact (person, name, role, e-mail, phone) as a dict, or None: a
        dict, unlike Wagtail's block value, is kept with the routed page."""
        return dict(self.contact[0].value) if self.contact else None

    @property
    def sorted_key_dates(self):
        return sorted((block.value for block in self.key_dates), key=lambda value: value["date"])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.accepts_responses:
            context["form"] = self.get_form(page=self, user=request.user)
            context["reply_sent"] = next(
                (message for message in messages.get_messages(request) if REPLY_SENT in message.tags), None
            )
        return context

    def get_data_fields(self):
        return super().get_data_fields() + [(CONSENT, _("Consentement")), (LANGUAGE, _("Langue"))]

    def serve(self, request, *args, **kwargs):
        # Not FormMixin.serve: a closed initiative or a link takes no reply, a
        # reply is counted by the rate limit, and a sent reply redirects.
        if request.method != "POST" or not self.accepts_responses:
            return super(FormMixin, self).serve(request, *args, **kwargs)
        form = self.get_form(request.POST, page=self, user=request.user)
        if form.over_rate_limit(request):
            status = 429
        elif form.is_valid():
            if form.is_spam:
                return self.render_landing_page(request)
            submission = self.process_form_submission(form)
            acknowledge(self, form, request)
            return self.render_landing_page(request, submission)
        else:
            status = 400
        context = {**self.get_context(request, *args, **kwargs), "form": form}
        return TemplateResponse(request, self.get_template(request, *args, **kwargs), context, status=status)

    def process_form_submission(self, form):
        submission = self.get_submission_class().objects.create(
            page=self, form_data={**form.reply_data, LANGUAGE: self.locale.language_code}
        )
        notify_contact(self, form)
        return submission

    def render_landing_page(self, request, form_submission=None, *args, **kwargs):
        """Back to the page, with the confirmation shown once in place of the form,
        where the reader is (`#confirmation`, which takes the focus), so reloading
        does not post again."""
        messages.success(request, self.form_action["confirmation"], extra_tags=REPLY_SENT)
        return redirect(f"{self.url}#confirmation")


class InitiativeFormField(TranslatableMixin, AbstractFormField):
    """A field of an initiative's reply form. Labels, help texts and choices are
    translated; the name under which replies are stored is shared by every language."""

    page = ParentalKey(InitiativePage, on_delete=models.CASCADE, related_name="form_fields")

    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("help_text"),
        TranslatableField("choices"),
        TranslatableField("default_value"),
        SynchronizedField("clean_name"),
        SynchronizedField("field_type"),
        SynchronizedField("required"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("champ du formulaire")
        verbose_name_plural = _("champs du formulaire")
        ordering = ["sort_order"]
        unique_together = [("translation_key", "locale")]


def reply_retention_days():
    """Days replies are kept (manage.py purge_initiative_replies); a year unless set."""
    return getattr(settings, "INITIATIVES_REPLY_RETENTION_DAYS", 365)


def expired_replies(days=None):
    """Replies to initiatives received more than the retention period ago."""
    days = reply_retention_days() if days is None else days
    return FormSubmission.objects.filter(
        page__in=InitiativePage.objects.values("pk"), submit_time__lt=timezone.now() - timedelta(days=days)
    )
