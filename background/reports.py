"""The admin report of the background tasks waiting, running or failed."""

import django_filters
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from .retry import ATTEMPT, ATTEMPTS, LABELS

STATUSES = {
    TaskResultStatus.READY: pgettext_lazy("tâche", "En attente"),
    TaskResultStatus.RUNNING: pgettext_lazy("tâche", "En cours"),
    TaskResultStatus.FAILED: pgettext_lazy("tâche", "Échouée"),
}


# Wagtail's own tasks, queued with ours.
WAGTAIL_LABELS = {
    "wagtail.images.tasks.set_image_focal_point_task": _("Point focal d'une image"),
    "wagtail.tasks.update_reference_index_task": _("Index des références"),
    "wagtail.tasks.delete_file_from_storage_task": _("Suppression d'un fichier remplacé"),
}


def task_label(result):
    label = LABELS.get(result.task_path) or WAGTAIL_LABELS.get(result.task_path)
    return label or result.task_path.rsplit(".", 1)[-1]


def attempt(result):
    return (result.args_kwargs.get("kwargs") or {}).get(ATTEMPT, 1)


def status(result):
    if result.status != TaskResultStatus.FAILED:
        return STATUSES[result.status]
    if attempt(result) < ATTEMPTS.get(result.task_path, 1):
        return _("Échouée, nouvelle tentative prévue")
    return _("Échouée, abandonnée")


def attempts(result):
    return f"{attempt(result)} / {ATTEMPTS.get(result.task_path, 1)}"


def error(result):
    """The exception's last line: what went wrong, without the stack."""
    lines = result.traceback.strip().splitlines()
    return lines[-1] if lines else ""


class TaskFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("État"), choices=list(STATUSES.items()), empty_label=_("Tous"))

    class Meta:
        model = DBTaskResult
        fields = ["status"]


class BackgroundTasksReportView(ReportView):
    """Every task not done yet, and every failure with its error: staff see
    what the worker still has to do and what it could not."""

    page_title = _("Tâches en arrière-plan")
    header_icon = "cogs"
    index_url_name = "background_tasks"
    index_results_url_name = "background_tasks_results"
    permission_policy = ModelPermissionPolicy(DBTaskResult)
    permission_required = "view"
    filterset_class = TaskFilterSet
    columns = [
        Column("task", label=_("Tâche"), accessor=task_label),
        Column("status", label=_("État"), accessor=status),
        Column("attempt", label=_("Tentative"), accessor=attempts),
        DateColumn("enqueued_at", label=_("Mise en file")),
        DateColumn("run_after", label=_("Prévue à partir de")),
        Column("error", label=_("Erreur"), accessor=error),
    ]

    def get_queryset(self):
        return DBTaskResult.objects.exclude(status=TaskResultStatus.SUCCESSFUL).order_by("-enqueued_at")
