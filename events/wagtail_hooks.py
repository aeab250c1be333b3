"""Admin hooks of the events: the registrations viewset and the registrations
officer's dashboard panel."""

from django.urls import path
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import Registration
from .registrations_admin import RegistrationPermissionPolicy, RegistrationViewSet, promote
from .registrations_panel import UpcomingRegistrationsPanel

register_permission_policy(Registration, RegistrationPermissionPolicy(Registration))


@hooks.register("register_admin_viewset")
def register_registration_viewset():
    return RegistrationViewSet("registrations")


@hooks.register("construct_homepage_panels")
def add_upcoming_registrations_panel(request, panels):
    if request.user.has_perm("events.view_registration"):
        panels.append(UpcomingRegistrationsPanel())


@hooks.register("register_admin_urls")
def register_promote_url():
    return [path("registrations/<int:pk>/promote/", promote, name="registration_promote")]
