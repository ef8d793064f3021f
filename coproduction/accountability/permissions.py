"""What each editor sees of "You said, we did", scoped as the register is.

Network staff and superusers (:func:`~coproduction.register.permissions.sees_everyone`) see
every site's recommendations. A partnership's team sees those of its own sites and those about
its places (:func:`~coproduction.register.permissions.places_for`). Adding and changing them
also needs the Django permissions ``coproduction.add_recommendation`` /
``change_recommendation`` (and the same for commitments), given to a group in Settings →
Groups.
"""

from django.db.models import Q
from wagtail.models import Site
from wagtail.permission_policies import ModelPermissionPolicy

from coproduction.models import Commitment, Recommendation
from coproduction.register.permissions import places_for, sees_everyone, team_sites


def sites_for(user):
    """The sites whose recommendations ``user`` may add."""
    if sees_everyone(user):
        return Site.objects.all()
    return team_sites(user)


def recommendations_for(user):
    """The recommendations ``user`` sees in the admin."""
    if sees_everyone(user):
        return Recommendation.objects.all()
    if not (user.is_authenticated and user.is_active):
        return Recommendation.objects.none()
    places = places_for(user).values("pk")
    ids = Recommendation.objects.filter(Q(site__in=team_sites(user)) | Q(places__in=places)).values(
        "pk"
    )
    return Recommendation.objects.filter(pk__in=ids)


def commitments_for(user):
    """The commitments ``user`` sees: those answering the recommendations they see."""
    return Commitment.objects.filter(recommendation__in=recommendations_for(user).values("pk"))


class ScopedPolicy(ModelPermissionPolicy):
    """Django's model permissions, narrowed to the editor's sites and places."""

    def __init__(self, model, scoped):
        super().__init__(model)
        self.scoped = scoped

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model.objects.none()
        return self.scoped(user)

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])

    def user_has_permission_for_instance(self, user, action, instance):
        return self.instances_user_has_permission_for(user, action).filter(pk=instance.pk).exists()


recommendation_policy = ScopedPolicy(Recommendation, recommendations_for)
commitment_policy = ScopedPolicy(Commitment, commitments_for)
