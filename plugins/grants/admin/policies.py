"""Wagtail permission policies for rounds and applications, built on the grant teams.

Grant staff are not given Django's model permissions (add/change/delete a round): what
they may do depends on the site a round belongs to. These policies answer Wagtail's
generic views in those terms: *view* for a site's assessors and managers, *add* and
*change* for its managers, *delete* for nobody (rounds and applications are records).
"""

from wagtail.permission_policies import BasePermissionPolicy

from .. import permissions
from ..models import Application, GrantRound


def is_grant_staff(user):
    """Whether ``user`` is in any site's grant team (or is a superuser)."""
    if not user.is_authenticated:
        return False
    cached = getattr(user, "_grants_is_staff", None)
    if cached is None:
        cached = user.is_superuser or permissions.assessable_sites(user).exists()
        user._grants_is_staff = cached
    return cached


def is_grant_manager(user):
    """Whether ``user`` manages grants on any site (or is a superuser)."""
    if not user.is_authenticated:
        return False
    cached = getattr(user, "_grants_is_manager", None)
    if cached is None:
        cached = user.is_superuser or permissions.managed_sites(user).exists()
        user._grants_is_manager = cached
    return cached


class _TeamPolicy(BasePermissionPolicy):
    """Shared shape: model-wide answers from team membership, per-instance from querysets."""

    def user_has_permission(self, user, action):
        if action == "view":
            return is_grant_staff(user)
        if action in self.manager_actions:
            return is_grant_manager(user)
        return False

    def user_has_permission_for_instance(self, user, action, instance):
        return self.instances_user_has_permission_for(user, action).filter(pk=instance.pk).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        querysets = [self.instances_user_has_permission_for(user, action) for action in actions]
        result = self.model.objects.none()
        for queryset in querysets:
            result = result | queryset
        return result.distinct()

    def users_with_any_permission(self, actions):
        # Not needed by any screen; answering it properly would mean walking every team.
        raise NotImplementedError("Grant permissions are per site; ask per user instead.")


class RoundPermissionPolicy(_TeamPolicy):
    """Rounds: a site's team sees them; its managers create and edit them; none are deleted."""

    manager_actions = frozenset({"add", "change"})

    def instances_user_has_permission_for(self, user, action):
        if action == "view":
            return permissions.assessable_rounds(user)
        if action in self.manager_actions:
            return permissions.managed_rounds(user)
        return GrantRound.objects.none()


class ApplicationPermissionPolicy(_TeamPolicy):
    """Applications: a site's team sees the submitted ones; only applicants create them."""

    manager_actions = frozenset()

    def instances_user_has_permission_for(self, user, action):
        if action == "view":
            return permissions.visible_applications(user)
        return Application.objects.none()


round_policy = RoundPermissionPolicy(GrantRound)
application_policy = ApplicationPermissionPolicy(Application)
