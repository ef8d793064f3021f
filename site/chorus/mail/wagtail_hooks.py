"""Wagtail admin glue for the outbox: the outgoing-email screen under Settings."""

from wagtail import hooks

from .admin_outbox import OutboxViewSet


@hooks.register("register_admin_viewset")
def register_outbox_viewset():
    return OutboxViewSet()
