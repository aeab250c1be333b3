"""The admin's "Importer un rapport Word": a .docx becomes a French report draft."""

import zipfile

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Collection, Locale

from .models import ReportIndexPage, ReportPage
from .word_import import convert_docx

MAX_SIZE = 50 * 1024 * 1024


class WordImportForm(forms.Form):
    document = forms.FileField(
        label=gettext_lazy("Document Word (.docx)"),
        help_text=gettext_lazy(
            "Le titre (style « Titre »), les intertitres, paragraphes, listes, tableaux, images et notes "
            "deviennent un brouillon de rapport en français ; rien n'est publié."
        ),
    )

    def clean_document(self):
        upload = self.cleaned_data["document"]
        if not upload.name.lower().endswith(".docx"):
            raise forms.ValidationError(
                _("Choisissez un fichier .docx (Word, LibreOffice : « Enregistrer sous… » .docx).")
            )
        if upload.size > MAX_SIZE:
            raise forms.ValidationError(_("Le fichier dépasse 50 Mo."))
        if not zipfile.is_zipfile(upload):
            raise forms.ValidationError(
                _("Ce fichier n'est pas un document Word lisible : enregistrez-le de nouveau au format .docx.")
            )
        upload.seek(0)
        return upload


def import_parent(user):
    """The French report index `user` may add reports to, or None."""
    locale = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    for index in ReportIndexPage.objects.filter(locale=locale).order_by("path"):
        if index.permissions_for_user(user).can_add_subpage():
            return index
    return None


def _unique_slug(parent, title):
    base = slugify(title)[:70].strip("-") or "rapport"
    slug, number = base, 2
    siblings = set(parent.get_children().values_list("slug", flat=True))
    while slug in siblings:
        slug, number = f"{base}-{number}", number + 1
    return slug


def import_word(request):
    parent = import_parent(request.user)
    if parent is None:
        raise PermissionDenied
    form = WordImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["document"]
        try:
            imported = convert_docx(upload, upload.name, Collection.get_first_root_node(), request.user)
        except (KeyError, OSError, ValueError, zipfile.BadZipFile):
            form.add_error(
                "document", _("Ce document Word n'a pas pu être lu ; ouvrez-le et enregistrez-le de nouveau.")
            )
        else:
            page = ReportPage(
                title=imported.title,
                slug=_unique_slug(parent, imported.title),
                body=[{"type": name, "value": value} for name, value in imported.body],
                summary=imported.summary,
                live=False,
                owner=request.user,
            )
            parent.add_child(instance=page)
            page.save_revision(user=request.user, log_action=True)
            messages.success(
                request,
                _(
                    "Brouillon « %(title)s » créé depuis %(file)s : %(notes)s note(s), %(images)s image(s). Rien n'est publié."
                )
                % {"title": page.title, "file": upload.name, "notes": imported.notes, "images": imported.images},
            )
            if imported.warnings:
                messages.warning(
                    request,
                    format_html(
                        "{}<ul>{}</ul>",
                        _("À vérifier avant de soumettre :"),
                        format_html_join("", "<li>{}</li>", ((warning,) for warning in imported.warnings)),
                    ),
                )
            return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    return TemplateResponse(
        request,
        "reports/admin/import_word.html",
        {"form": form, "parent": parent, "page_title": _("Importer un rapport Word")},
    )
