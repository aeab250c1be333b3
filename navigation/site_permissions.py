"""Who may edit the site settings (Settings → Institut), in a form PostgreSQL
accepts with the project's server-side parameter binding."""

from wagtail.models import Site
from wagtail.permission_policies.sites import SitePermissionPolicy


class SubquerySitePermissionPolicy(SitePermissionPolicy):
    """Wagtail's policy takes the sites a group may edit with `.distinct()`,
    ordered by the site manager's `CASE WHEN site_name = '' ...`. With
    server-side binding (config/settings/base.py) the `''` of that ORDER BY and
    its copy in the SELECT list become two parameters, `$1` and `$5`, which
    PostgreSQL does not take for the same expression: "for SELECT DISTINCT,
    ORDER BY expressions must appear in select list", a 500 on the settings
    page for every member of a group. The same sites, picked by a subquery,
    need no DISTINCT."""

    def sites_user_has_any_permission_for(self, user, actions):
        sites = super().sites_user_has_any_permission_for(user, actions)
        if not sites.query.distinct:
            return sites
        return Site.objects.filter(pk__in=sites.order_by().values("pk"))
