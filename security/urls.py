from django.urls import path

from . import views

urlpatterns = [
    path("2fa/", views.setup, name="security_2fa_setup"),
    path("2fa/code/", views.verify, name="security_2fa_verify"),
    path("2fa/desactiver/", views.disable, name="security_2fa_disable"),
    path("verrouillages/", views.lockouts, name="security_lockouts"),
    path("verrouillages/<int:pk>/lever/", views.unlock, name="security_unlock"),
]
