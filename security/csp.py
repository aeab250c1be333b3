from csp.middleware import CSPMiddleware
from django.conf import settings
from django.urls import reverse


class AdminAwareCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the directives Wagtail's admin needs
    (ADMIN_CONTENT_SECURITY_POLICY_REPLACE) under the admin only: the public
    site keeps the strict CONTENT_SECURITY_POLICY."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.replace is None and request.path_info.startswith(reverse("wagtailadmin_home")):
            parts.replace = settings.ADMIN_CONTENT_SECURITY_POLICY_REPLACE
        return parts
