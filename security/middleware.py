import re

from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import HttpResponseBadRequest
from django.template.loader import render_to_string
from django.utils.translation import gettext

# C0 controls and DEL, except tab, line feed and carriage return, which
# multi-line fields legitimately send. PostgreSQL refuses NUL in text outright.
# And Unicode's bidirectional embeddings, overrides and isolates (U+202A-U+202E,
# U+2066-U+2069): a name with U+202E shows reversed in the admin and the
# exports ("moc.elpmaxe@..."). The marks U+200E/U+200F, which right-to-left
# text legitimately carries, stay allowed.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


class PermissionsPolicyMiddleware:
    """Django has no Permissions-Policy setting; every response gets ours."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


def fields_with_control_characters(data):
    """Names of the fields (query parameters or form fields) that carry control characters."""
    return [
        CONTROL_CHARACTERS.sub("", key)
        for key in data
        if CONTROL_CHARACTERS.search(key) or any(CONTROL_CHARACTERS.search(v) for v in data.getlist(key))
    ]


def refusal(request, problem, fields, posted):
    """The 400 page, styled like the site but built without the database (as
    the 500 page is): it says what is wrong and which fields to fix, and links
    back to the form, where the browser's back button usually keeps what was typed."""
    path_is_clean = not CONTROL_CHARACTERS.search(request.path_info)
    context = {
        "problem": problem,
        "fields": fields,
        "posted": posted,
        "back_url": request.path if posted and path_is_clean else None,
    }
    return HttpResponseBadRequest(render_to_string("security/refused.html", context, request=request))


def control_characters_refusal(request, fields, posted):
    problem = gettext(
        "Votre saisie contient des caractères de contrôle invisibles (par exemple un octet nul), que nous "
        "n'acceptons pas. Retirez-les, par exemple en retapant le texte au lieu de le coller, puis réessayez."
    )
    return refusal(request, problem, fields, posted)


def posted_data(request):
    """`request.POST`, or None when the form came in an encoding other than
    UTF-8 (`charset=latin-1`: Django refuses to read it). Every later reader of
    `request.POST` (views, error handlers) then gets an empty form instead of
    the same exception again."""
    try:
        return request.POST
    except BadRequest:
        request._mark_post_parse_error()
        return None


class ControlCharactersMiddleware:
    """Refuses a request whose path, query parameters or form fields carry
    control characters, before any view, search or database sees them: the one
    place where such input is handled, whatever the form or view."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        posted = []
        if request.method == "POST":
            data = posted_data(request)
            if data is None:
                problem = gettext(
                    "Le formulaire est arrivé dans un encodage de caractères que nous ne lisons pas (seul "
                    "l'UTF-8 est accepté). Renvoyez-le depuis la page du site, avec un navigateur à jour."
                )
                return refusal(request, problem, [], posted=True)
            posted = fields_with_control_characters(data)
        if posted:
            return control_characters_refusal(request, posted, posted=True)
        in_query = fields_with_control_characters(request.GET)
        if in_query or CONTROL_CHARACTERS.search(request.path_info):
            return control_characters_refusal(request, in_query, posted=False)
        return self.get_response(request)
