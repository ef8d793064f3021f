"""Who sees which help requests: each site's team (the group named in its help-request
settings), and superusers, who see every site's."""

from wagtail.models import Site
from wagtail.permission_policies import BasePermissionPolicy

from .models import SupportRequest, SupportSettings


def handled_sites(user):
    """The sites whose requests ``user`` answers (every site, for a superuser)."""
    if not user.is_authenticated or not user.is_active:
        return Site.objects.none()
    if user.is_superuser:
        return Site.objects.all()
    teams = SupportSettings.objects.filter(team__in=user.groups.values("pk"))
    return Site.objects.filter(pk__in=teams.values("site_id"))


def handles_requests(user):
    """Whether ``user`` answers some site's requests (superusers always do)."""
    return handled_sites(user).exists()


def requests_for(user):
    """The requests ``user`` may read and update."""
    if user.is_authenticated and user.is_active and user.is_superuser:
        return SupportRequest.objects.all()
    return SupportRequest.objects.filter(site__in=handled_sites(user).values("pk"))


class SupportRequestPermissionPolicy(BasePermissionPolicy):
    """Teams *view* and *change* (status and note) their sites' requests. Nobody adds one in
    the admin (people ask through the form) or deletes one (erasure pseudonymises)."""

    actions = frozenset({"view", "change"})

    def user_has_permission(self, user, action):
        return action in self.actions and handles_requests(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.instances_user_has_permission_for(user, action).filter(pk=instance.pk).exists()

    def instances_user_has_permission_for(self, user, action):
        if action not in self.actions:
            return SupportRequest.objects.none()
        return requests_for(user)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.actions.intersection(actions):
            return SupportRequest.objects.none()
        return requests_for(user)

    def users_with_any_permission(self, actions):
        raise NotImplementedError("Help-request permissions are per site; ask per user.")


support_request_policy = SupportRequestPermissionPolicy(SupportRequest)
