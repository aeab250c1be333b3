"""Roles once the home pages exist: page permissions and the review workflow."""

from roles.setup import apply_roles


def load(context):
    apply_roles()
