"""Replies move from InitiativeResponse to wagtail.contrib.forms: every initiative
whose call to action is the built-in form gets the fields of the former fixed
form (in its page's language, under the same names), and every reply becomes a
FormSubmission with the same data, language and date."""

import uuid

from django.db import migrations
from django.utils import translation

from initiatives.replies import CONSENT, LANGUAGE, default_reply_fields

REPLY_FIELDS = ("name", "email", "organisation", "message")


def has_form(page):
    return any(block.block_type == "form" for block in page.call_to_action)


def forward(apps, schema_editor):
    InitiativePage = apps.get_model("initiatives", "InitiativePage")
    InitiativeFormField = apps.get_model("initiatives", "InitiativeFormField")
    InitiativeResponse = apps.get_model("initiatives", "InitiativeResponse")
    FormSubmission = apps.get_model("wagtailforms", "FormSubmission")

    for page in InitiativePage.objects.select_related("locale"):
        if not has_form(page) or InitiativeFormField.objects.filter(page=page).exists():
            continue
        with translation.override(page.locale.language_code):
            fields = default_reply_fields()
        for field in fields:
            InitiativeFormField.objects.create(
                page=page,
                locale=page.locale,
                # The same key in every language, as wagtail-localize links translations.
                translation_key=uuid.uuid5(page.translation_key, field["clean_name"]),
                **field,
            )

    for response in InitiativeResponse.objects.all():
        data = {name: getattr(response, name) for name in REPLY_FIELDS}
        data[CONSENT] = response.consent
        data[LANGUAGE] = response.language
        submission = FormSubmission.objects.create(page_id=response.page_id, form_data=data)
        # submit_time is auto_now_add: set the original date afterwards.
        FormSubmission.objects.filter(pk=submission.pk).update(submit_time=response.created_at)


class Migration(migrations.Migration):
    dependencies = [
        ("initiatives", "0002_reply_form_fields"),
        ("wagtailforms", "0005_alter_formsubmission_form_data"),
    ]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
