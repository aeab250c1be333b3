from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "newsletters"

# Under i18n_patterns (config/urls.py): /fr/lettre/..., /en/newsletter/...
urlpatterns = [
    path(_("lettre/"), views.subscribe, name="subscribe"),
    path(_("lettre/confirmer/<str:token>/"), views.confirm, name="confirm"),
    path(_("lettre/gerer/<str:token>/"), views.manage, name="manage"),
    path(_("lettre/desabonner/<str:token>/"), views.unsubscribe, name="unsubscribe"),
]
