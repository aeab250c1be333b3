from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("initiatives", "0003_replies_to_form_submissions"),
    ]

    operations = [
        migrations.DeleteModel(
            name="InitiativeResponse",
        ),
    ]
