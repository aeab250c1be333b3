from django.db import migrations


class Migration(migrations.Migration):
    """Once created the groups and the review workflow. They are now set up after
    every `migrate` by a `post_migrate` handler (`roles.apps`), so this migration
    does nothing; it stays so that databases which applied it keep a consistent
    history."""

    dependencies = []

    operations = []
