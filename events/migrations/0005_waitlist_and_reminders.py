import uuid

from django.db import migrations, models


def give_keys(apps, schema_editor):
    Registration = apps.get_model("events", "Registration")
    for registration in Registration.objects.filter(key__isnull=True).only("pk"):
        Registration.objects.filter(pk=registration.pk).update(key=uuid.uuid4())


class Migration(migrations.Migration):
    dependencies = [("events", "0004_date_index")]

    operations = [
        migrations.AddField(
            model_name="registration",
            name="status",
            field=models.CharField(
                choices=[("registered", "Inscrit"), ("offered", "Place proposée"), ("waiting", "En liste d'attente")],
                db_index=True,
                default="registered",
                max_length=20,
                verbose_name="statut",
            ),
        ),
        migrations.AddField(
            model_name="registration",
            name="offer_expires_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="offre valable jusqu'au"),
        ),
        migrations.AddField(
            model_name="registration",
            name="reminded_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="rappel envoyé le"),
        ),
        migrations.AddField(
            model_name="registration",
            name="key",
            field=models.UUIDField(editable=False, null=True, verbose_name="clé"),
        ),
        migrations.RunPython(give_keys, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="registration",
            name="key",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True, verbose_name="clé"),
        ),
    ]
