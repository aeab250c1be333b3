from django.db import migrations, models


def fill_topic_row_dates(apps, schema_editor):
    """Each topic row takes its page's date. The current models, not the historical
    ones: the date is an expression over every page type's own table, which only
    the page types know (`listing_date_field`); a database without topic rows
    (a new one, migrated before the page types' tables exist) has nothing to copy."""
    from editorial.models import PageTopic, copy_page_dates

    if PageTopic.objects.exists():
        copy_page_dates(PageTopic.objects.all())


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0007_one_row_per_linked_thing"),
        ("topics", "0005_plural_names"),
    ]

    operations = [
        migrations.AddField(
            model_name="pagetopic",
            name="shown_date",
            field=models.DateField(editable=False, null=True),
        ),
        migrations.AddIndex(
            model_name="pagetopic",
            index=models.Index(fields=["topic", "-shown_date", "-page"], name="topic_newest_first"),
        ),
        migrations.RunPython(fill_topic_row_dates, migrations.RunPython.noop),
    ]
