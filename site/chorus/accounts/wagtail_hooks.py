"""Wagtail admin glue for accounts: the sign-in lockouts screen under Settings."""

from wagtail import hooks

from .admin_lockouts import LockoutViewSet


@hooks.register("register_admin_viewset")
def register_lockout_viewset():
    return LockoutViewSet()
