"""The Wagtail permission policies for ballots and voting settings, built on the co-ops'
secretaries' groups.

Secretaries hold no Django model permissions: what they may do depends on the co-op.
They *view*, *add* and *change* the ballots of the co-ops they keep where voting is on, and
*delete* only drafts (a ballot that has been scheduled is a record of the co-op's
decisions). Whether a ballot's rules may still change is the edit view's business.
"""

from django.db.models import Q
from wagtail.models import Site
from wagtail.permission_policies import BasePermissionPolicy
from wagtail.permission_policies.sites import SitePermissionPolicy

from .. import permissions
from ..models import Ballot


class BallotPermissionPolicy(BasePermissionPolicy):
    """Ballots: their co-op's secretaries run them; only drafts are ever deleted."""

    actions = frozenset({"view", "add", "change", "delete"})

    def user_has_permission(self, user, action):
        return action in self.actions and permissions.runs_voting(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.instances_user_has_permission_for(user, action).filter(pk=instance.pk).exists()

    def instances_user_has_permission_for(self, user, action):
        if action not in self.actions:
            return Ballot.objects.none()
        ballots = permissions.ballots_for(user)
        if action == "delete":
            ballots = ballots.filter(status=Ballot.Status.DRAFT)
        return ballots

    def instances_user_has_any_permission_for(self, user, actions):
        result = Ballot.objects.none()
        for action in actions:
            result = result | self.instances_user_has_permission_for(user, action)
        return result.distinct()

    def users_with_any_permission(self, actions):
        raise NotImplementedError("Voting permissions are per co-op; ask per user.")


ballot_policy = BallotPermissionPolicy(Ballot)


class VotingSettingsPermissionPolicy(SitePermissionPolicy):
    """Voting settings: a co-op's secretaries *change* them, as well as whoever Wagtail's
    site permissions allow (superusers, groups given "voting settings" for a site).

    The framework narrows this to the sites where voting is on.
    """

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, actions) or (
            "change" in actions and permissions.runs_voting(user)
        )

    def user_has_any_permission_for_instance(self, user, actions, instance):
        site_id = instance.pk if isinstance(instance, Site) else instance.site_id
        return super().user_has_any_permission_for_instance(user, actions, instance) or (
            "change" in actions and permissions.voting_sites(user).filter(pk=site_id).exists()
        )

    def sites_user_has_any_permission_for(self, user, actions):
        sites = super().sites_user_has_any_permission_for(user, actions)
        if "change" not in actions:
            return sites
        kept = permissions.voting_sites(user).values("pk")
        return Site.objects.filter(Q(pk__in=sites.values("pk")) | Q(pk__in=kept))
