"""The partnerships app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnershipsConfig(AppConfig):
    name = "partnerships"
    label = "partnerships"
    verbose_name = _("Partnerships")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # What a site's cached menus and panels offer depends on whether it keeps a register
        # of members ("Have your say", say): a new cache generation makes them notice one
        # being added or removed.
        from django.db.models.signals import post_delete, post_save

        from chorus.caching import generation

        from .models import MemberRegister

        post_save.connect(
            generation.bump, sender=MemberRegister, dispatch_uid="member-register-saved"
        )
        post_delete.connect(
            generation.bump, sender=MemberRegister, dispatch_uid="member-register-deleted"
        )
        # Pages showing partner organisations follow them (see ``freshness``).
        from . import freshness

        freshness.connect()
