"""Lockouts after repeated failed passwords, through django-axes: the admin
login (axes' backend and middleware) and Wagtail's password-protected pages
(below), so one list of attempts, one unlock (`manage.py axes_reset`, the
admin's "Verrouillages" screen)."""

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off
from django.contrib.auth.signals import user_login_failed
from django.shortcuts import render
from wagtail.views import authenticate_with_password as wagtail_authenticate_with_password


def lockout_response(request, original_response=None, credentials=None):
    """What a locked-out client sees, in its language (AXES_LOCKOUT_CALLABLE)."""
    cool_off = get_cool_off(request)
    minutes = int(cool_off.total_seconds() // 60) if cool_off else None
    return render(request, "security/lockout.html", {"minutes": minutes}, status=429)


def page_password_credentials(page_view_restriction_id):
    # Each protected section counts as one account.
    return {"username": f"page-password:{page_view_restriction_id}"}


def authenticate_with_password(request, page_view_restriction_id, page_id):
    """Wagtail's page-password form, refused once the client or the page has had
    too many wrong passwords."""
    if request.method != "POST":
        return wagtail_authenticate_with_password(request, page_view_restriction_id, page_id)
    credentials = page_password_credentials(page_view_restriction_id)
    if not AxesProxyHandler.is_allowed(request, credentials):
        return lockout_response(request, credentials=credentials)
    response = wagtail_authenticate_with_password(request, page_view_restriction_id, page_id)
    # Wagtail redirects on the right password and shows the form again otherwise.
    if response.status_code != 302:
        user_login_failed.send(sender=__name__, credentials=credentials, request=request)
    return response
