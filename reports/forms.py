"""What a report needs before it goes to review or is published, said plainly."""

from django.utils.translation import gettext_lazy as _

SUMMARY_MISSING = _(
    "Un rapport ne peut pas être publié sans résumé : il est repris dans les listes, les flux et les aperçus."
)
TOPIC_MISSING = _("Un rapport ne peut pas être publié sans au moins un thème : ajoutez-en un.")


def report_requirements(data, topics):
    """(field or None, message) for what `data` (the form's cleaned data) and
    `topics` (its topic rows) lack; the page editor's form shows them."""
    requirements = []
    if not (data.get("summary") or "").strip():
        requirements.append(("summary", SUMMARY_MISSING))
    if not any(row.get("topic") for row in topics):
        requirements.append((None, TOPIC_MISSING))
    return requirements
