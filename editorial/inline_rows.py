"""One row per thing in a page's inline lists (topics, pins, authors).

Wagtail's autosave of a draft writes the inline rows to the database and sends
their ids back to the open editor; a "Publish" clicked before that answer
arrives posts the same rows without ids, and they were written a second time
(two `page_topics` rows for one topic). Each inline model declares a
`UniqueConstraint` on its parent and what it links to; before the parent is
saved, rows of one list naming the same thing are merged into one: the row the
editor just submitted, under the id (and translation key) of the row already
saved, so the database is updated instead of refusing the second row."""

from django.db import models


def unique_keys(child_model, parent_field):
    """The other fields of each of `child_model`'s unique constraints on `parent_field`."""
    return [
        [name for name in constraint.fields if name != parent_field]
        for constraint in child_model._meta.constraints
        if isinstance(constraint, models.UniqueConstraint) and parent_field in constraint.fields
    ]


def merge_duplicate_rows(instance):
    """Merges, in `instance`'s inline lists changed in memory (not yet committed),
    the rows a unique constraint would refuse."""
    changed = getattr(instance, "_cluster_related_objects", {})
    for relation in instance._meta.related_objects:
        rows = changed.get(relation.name)
        if not rows:
            continue
        for key in unique_keys(relation.related_model, relation.field.name):
            rows[:] = merged(rows, key)


def merged(rows, key):
    """`rows` with one row per value of the `key` fields, where the first of them was."""
    attributes = [rows[0]._meta.get_field(name).attname for name in key]
    groups = {}
    for row in rows:
        groups.setdefault(tuple(getattr(row, attribute) for attribute in attributes), []).append(row)
    result = []
    for group in groups.values():
        kept = next((row for row in group if row.pk is None), group[0])
        saved = next((row for row in group if row.pk is not None), None)
        if saved is not None and kept.pk is None:
            kept.pk = saved.pk
            if hasattr(saved, "translation_key"):
                kept.translation_key = saved.translation_key
        result.append(kept)
    return result
