from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail import hooks


@hooks.register("insert_editor_js")
def recommendation_numbers():
    return format_html(
        '<script src="{}" data-label="{}"></script>',
        static("reports/recommendation_numbers.js"),
        _("Recommandation %(number)s"),
    )
