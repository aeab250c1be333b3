"""Admin screens: two-factor setup and code step, and the lockouts list."""

from base64 import b32encode

import qrcode
import qrcode.image.svg
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from .forms import TokenForm
from .twofactor import has_device, is_required


def next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, request.get_host(), request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


def verify(request):
    """The second login step: a code from the user's authenticator app."""
    form = TokenForm(request.POST or None)
    if form.is_valid():
        device = match_token(request.user, form.cleaned_data["otp_token"])
        if device is not None:
            otp_login(request, device)
            return redirect(next_url(request))
        form.add_error("otp_token", _("Code incorrect ou expiré."))
    return render(request, "security/twofactor_verify.html", {"form": form, "next": next_url(request)})


def setup(request):
    """Turns two-factor authentication on (or off, where it is not required)."""
    user = request.user
    if has_device(user):
        if not user.is_verified():
            return redirect(reverse("security_2fa_verify"))
        return render(request, "security/twofactor_enabled.html", {"can_disable": not is_required(user)})
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first() or TOTPDevice.objects.create(
        user=user, name="TOTP", confirmed=False
    )
    form = TokenForm(request.POST or None)
    if form.is_valid():
        if device.verify_token(form.cleaned_data["otp_token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            messages.success(request, _("L'authentification à deux facteurs est activée."))
            return redirect(next_url(request))
        form.add_error("otp_token", _("Code incorrect ou expiré."))
    svg = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage).to_string(encoding="unicode")
    context = {
        "form": form,
        "qr_svg": mark_safe(svg),  # noqa: S308 - paths drawn by qrcode, no text of anyone's
        "secret": b32encode(device.bin_key).decode(),
        "required": is_required(user),
        "next": next_url(request),
    }
    return render(request, "security/twofactor_setup.html", context)


@require_POST
def disable(request):
    if is_required(request.user) or not request.user.is_verified():
        raise PermissionDenied
    TOTPDevice.objects.filter(user=request.user).delete()
    messages.success(request, _("L'authentification à deux facteurs est désactivée."))
    return redirect(reverse("security_2fa_setup"))


def require_superuser(request):
    if not request.user.is_superuser:
        raise PermissionDenied


def lockouts(request):
    """Failed password attempts by account (or protected page) and client:
    AXES_FAILURE_LIMIT of them for one account or one client lock it out."""
    require_superuser(request)
    attempts = AccessAttempt.objects.order_by("-attempt_time")
    return render(request, "security/lockouts.html", {"attempts": attempts, "limit": settings.AXES_FAILURE_LIMIT})


@require_POST
def unlock(request, pk):
    require_superuser(request)
    attempt = get_object_or_404(AccessAttempt, pk=pk)
    AccessAttempt.objects.filter(username=attempt.username).delete()
    AccessAttempt.objects.filter(ip_address=attempt.ip_address).delete()
    messages.success(
        request,
        _("Blocage levé pour %(username)s (%(ip)s).") % {"username": attempt.username, "ip": attempt.ip_address},
    )
    return redirect(reverse("security_lockouts"))
