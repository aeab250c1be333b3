from django.conf import settings
from django.shortcuts import redirect
from django.utils.translation import get_language_from_request


def language_redirect(request):
    """`/` sends readers to their language: cookie, then Accept-Language, else French."""
    language = get_language_from_request(request, check_path=False)
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    return redirect(f"/{language}/")
