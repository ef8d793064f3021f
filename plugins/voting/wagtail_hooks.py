"""Wagtail admin glue for voting: the Voting menu and its screens, for co-op secretaries.

The ballots' permission policy is registered at import, before anything asks Wagtail for
it (which would otherwise create a default one from model permissions). The voting
settings are a Wagtail site setting, registered here rather than with the decorator in the
models, because their permission policy builds on the models.
"""

from django.urls import include, path
from wagtail import hooks
from wagtail.contrib.settings.registry import register_setting
from wagtail.permissions import register_permission_policy

from .admin import urls as admin_urls
from .admin.menu import voting_menu_item
from .admin.policies import ballot_policy
from .admin.viewsets import BallotViewSet
from .models import Ballot, VotingSettings

register_permission_policy(Ballot, ballot_policy)
register_setting(VotingSettings, icon="cog")


@hooks.register("register_admin_viewset")
def register_voting_viewsets():
    return [BallotViewSet()]


@hooks.register("register_admin_urls")
def register_voting_admin_urls():
    return [path("voting/", include(admin_urls, namespace="voting_admin"))]


@hooks.register("register_admin_menu_item")
def register_voting_menu_item():
    return voting_menu_item()
