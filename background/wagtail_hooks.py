from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .reports import BackgroundTasksReportView


class TasksMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("django_tasks_database.view_dbtaskresult")


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("reports/background-tasks/", BackgroundTasksReportView.as_view(), name="background_tasks"),
        path(
            "reports/background-tasks/results/",
            BackgroundTasksReportView.as_view(results_only=True),
            name="background_tasks_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return TasksMenuItem(_("Tâches en arrière-plan"), reverse("background_tasks"), icon_name="cogs", order=902)
