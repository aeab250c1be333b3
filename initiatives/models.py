"""Initiatives: calls for participation and projects, with their sections,
partners, call to action (a link or a form built into the page), contact,
participants and key dates."""

from django import forms
from django.contrib import messages
from django.core.mail import send_mail
from django.db import models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail.snippets.blocks import SnippetChooserBlock
from wagtail_localize.fields import SynchronizedField, TranslatableField

from editorial.blocks import outline
from editorial.listing import Listing, choice_filter
from editorial.models import EditorialPage, SectionIndexPage

from .blocks import CallToActionBlock, ContactBlock, KeyDateBlock, ParticipantBlock, SectionsBlock


class InitiativeIndexPage(SectionIndexPage):
    """The initiatives of one language, filtered by status."""

    subpage_types = ["initiatives.InitiativePage"]

    class Meta:
        verbose_name = _("index des initiatives")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        initiatives = InitiativePage.objects.live().public().child_of(self).filter(locale_id=self.locale_id)
        context["listing"] = Listing(
            request,
            initiatives.order_by("-first_published_at", "-pk"),
            filters=[choice_filter("statut", _("Statut"), "status", InitiativePage.Status.choices)],
            per_page=12,
        )
        return context


class InitiativePage(EditorialPage):
    class Status(models.TextChoices):
        OPEN = "open", _("ouverte")
        CLOSED = "closed", _("inscriptions closes")
        FINISHED = "finished", _("terminée")

    status = models.CharField(_("statut"), max_length=10, choices=Status.choices, default=Status.OPEN)
    partners = StreamField(
        [("partner", SnippetChooserBlock("people.Organisation", label=_("Organisation")))],
        verbose_name=_("partenaires"),
        blank=True,
    )
    sections = StreamField(SectionsBlock(), verbose_name=_("sections"))
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
    key_dates = StreamField([("key_date", KeyDateBlock())], verbose_name=_("dates clés"), blank=True)

    content_panels = (
        Page.content_panels
        + [FieldPanel("status")]
        + EditorialPage.editorial_panels
        + [
            FieldPanel("partners"),
            FieldPanel("sections"),
            FieldPanel("call_to_action"),
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
        TranslatableField("contact"),
        TranslatableField("participants"),
        TranslatableField("key_dates"),
    ]
    search_fields = EditorialPage.search_fields + [
        index.SearchField("sections"),
        index.SearchField("participants"),
        index.FilterField("status"),
        index.FilterField("locale_id"),
    ]

    parent_page_types = ["initiatives.InitiativeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")

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

    @property
    def contact_value(self):
        return self.contact[0].value if self.contact else None

    @property
    def sorted_key_dates(self):
        return sorted((block.value for block in self.key_dates), key=lambda value: value["date"])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["outline"] = outline(self.sections)
        if self.accepts_responses and "response_form" not in context:
            context["response_form"] = ResponseForm()
        return context

    def serve(self, request, *args, **kwargs):
        if request.method == "POST" and self.accepts_responses:
            form = ResponseForm(request.POST)
            if form.is_valid():
                response = form.save(commit=False)
                response.page = self
                response.language = translation.get_language() or ""
                response.save()
                self.notify_contact(response)
                messages.success(request, self.form_action["confirmation"])
                return redirect(f"{self.url}#formulaire")
            context = self.get_context(request, *args, **kwargs)
            context["response_form"] = form
            return TemplateResponse(request, self.get_template(request, *args, **kwargs), context)
        return super().serve(request, *args, **kwargs)

    def notify_contact(self, response):
        contact = self.contact_value
        if contact and contact.get("email"):
            send_mail(
                subject=f"[{self.title}] {response.name}",
                message=(
                    f"{response.name} <{response.email}>\n{response.organisation}\n\n{response.message}\n\n{self.full_url}"
                ),
                from_email=None,
                recipient_list=[contact["email"]],
                fail_silently=True,
            )


class InitiativeResponse(models.Model):
    """A reply to an initiative's built-in form (for example a territory signing up)."""

    page = models.ForeignKey(
        InitiativePage, verbose_name=_("initiative"), on_delete=models.CASCADE, related_name="responses"
    )
    name = models.CharField(_("nom et prénom"), max_length=150)
    email = models.EmailField(_("adresse e-mail"))
    organisation = models.CharField(
        _("collectivité ou structure"),
        max_length=200,
        help_text=_("Par exemple « Métropole de Lyon »."),
    )
    message = models.TextField(_("message"), blank=True, max_length=3000)
    consent = models.BooleanField(
        _("consentement"),
        default=False,
        help_text=_("La personne accepte d'être recontactée au sujet de cette initiative."),
    )
    language = models.CharField(_("langue"), max_length=10, blank=True)
    created_at = models.DateTimeField(_("reçue le"), auto_now_add=True)

    class Meta:
        verbose_name = _("réponse à une initiative")
        verbose_name_plural = _("réponses aux initiatives")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} ({self.organisation})"


class ResponseForm(forms.ModelForm):
    consent = forms.BooleanField(
        label=_("J'accepte que ces informations servent uniquement à me recontacter au sujet de cette initiative."),
        error_messages={"required": _("Cochez cette case pour envoyer le formulaire.")},
    )

    class Meta:
        model = InitiativeResponse
        fields = ["name", "email", "organisation", "message", "consent"]
        error_messages = {
            "name": {"required": _("Indiquez votre nom.")},
            "email": {
                "required": _("Indiquez votre adresse e-mail."),
                "invalid": _("Cette adresse e-mail n'est pas valide."),
            },
            "organisation": {"required": _("Indiquez votre collectivité ou structure.")},
        }
