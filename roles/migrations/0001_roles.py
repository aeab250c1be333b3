from django.db import migrations


def create_roles(apps, schema_editor):
    from roles.setup import apply_roles

    apply_roles(apps)


class Migration(migrations.Migration):
    """The Editors, Reviewers, Translators and Registrations groups and the
    review workflow. Page permissions and the workflow's assignment need the
    home pages: `setup_roles` (run by `load_demo`) attaches them once they exist."""

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("topics", "0001_initial"),
        ("people", "0001_initial"),
        ("navigation", "0001_initial"),
        ("events", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
