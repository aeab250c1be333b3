"""Accent folding and typo tolerance for Wagtail's database backend on PostgreSQL
(modelsearch's `Fuzzy(..., unaccent=True)`: pg_trgm, unaccent and its immutable
f_unaccent() wrapper, as modelsearch's enable_trigram and enable_unaccent commands
set them up). Both extensions are trusted: the database's owner may create them.
Other databases have no such search and are left alone."""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    """CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS
    $func$ SELECT public.unaccent('public.unaccent', $1) $func$""",
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in FORWARD:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0003_external_promotions_per_language")]

    operations = [
        # Kept when going back: modelsearch's own commands make the same ones.
        migrations.RunPython(forward, migrations.RunPython.noop),
    ]
