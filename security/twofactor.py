"""Two-factor authentication (TOTP, django-otp) for the admin: a second step
after Wagtail's login for staff who turned it on, and for superusers when
REQUIRE_2FA_FOR_ADMINS is set."""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice


def has_device(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()


def is_required(user):
    return settings.REQUIRE_2FA_FOR_ADMINS and user.is_superuser


def needs_second_factor(user):
    """True for a user who logged in with a password but still owes a code."""
    return user.is_authenticated and not user.is_verified() and (is_required(user) or has_device(user))


class TwoFactorMiddleware:
    """Sends admin requests of a user who owes a code to the code step (or, for
    a superuser without a device yet, to its setup). Needs django-otp's
    OTPMiddleware before it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if path.startswith(reverse("wagtailadmin_home")) and needs_second_factor(request.user):
            exempt = (
                reverse("security_2fa_verify"),
                reverse("security_2fa_setup"),
                reverse("wagtailadmin_logout"),
                reverse("wagtailadmin_javascript_catalog"),
            )
            if not path.startswith(exempt):
                step = "security_2fa_verify" if has_device(request.user) else "security_2fa_setup"
                return redirect(f"{reverse(step)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
