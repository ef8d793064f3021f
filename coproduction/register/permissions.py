"""Who on the staff sees whom on the register.

Each site names a team (``RegisterSettings.team``, Settings → Involvement register):

- the team of a partnership's site sees the people who chose that partnership
  (``Person.places`` holds the site's root page);
- the team of the network's site (rooted at a ``network.NetworkHomePage``) sees everyone;
- superusers see everyone.

Other screens that show register data scope themselves with :func:`places_for` (the places a
user works for) or :func:`people_for` (the people they may see), e.g.::

    places = places_for(request.user)          # a PartnershipHomePage queryset
    segment_places = places.filter(pk__in=chosen)
    people = people_for(request.user).filter(...)

On top of seeing people, recording a sign-up needs ``coproduction.record_signup`` and
exporting contact lists ``coproduction.export_people`` (superusers have both).
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Site
from wagtail.permission_policies import BasePermissionPolicy

from coproduction.models import Person, RegisterSettings
from partnerships.models import PartnershipHomePage

RECORD_SIGNUP = "coproduction.record_signup"
EXPORT_PEOPLE = "coproduction.export_people"


def _active(user):
    return user is not None and user.is_authenticated and user.is_active


def team_sites(user):
    """The sites whose register team ``user`` is in."""
    if not _active(user):
        return Site.objects.none()
    teams = RegisterSettings.objects.filter(team__in=user.groups.values("pk"))
    return Site.objects.filter(pk__in=teams.values("site_id"))


def sees_everyone(user):
    """Whether ``user`` sees the whole register: a superuser, or in the network site's team."""
    if not _active(user):
        return False
    if user.is_superuser:
        return True
    network_home = ContentType.objects.filter(app_label="network", model="networkhomepage")
    return team_sites(user).filter(root_page__content_type__in=network_home).exists()


def places_for(user):
    """The places (``PartnershipHomePage``) whose people ``user`` may see: all of them for
    network staff and superusers, their sites' partnerships for a partnership's team, none
    for anyone else."""
    if sees_everyone(user):
        return PartnershipHomePage.objects.all()
    return PartnershipHomePage.objects.filter(pk__in=team_sites(user).values("root_page_id"))


def people_for(user):
    """The people ``user`` may see and update (everyone, for network staff and superusers;
    people who chose one of their places, for a partnership's team)."""
    if sees_everyone(user):
        return Person.objects.all()
    through = Person.places.through
    chosen = through.objects.filter(partnershiphomepage_id__in=places_for(user).values("pk"))
    return Person.objects.filter(pk__in=chosen.values("person_id"))


def works_on_register(user):
    """Whether ``user`` sees anyone on the register (a team member or a superuser)."""
    return sees_everyone(user) or team_sites(user).exists()


def can_record_signup(user):
    return works_on_register(user) and user.has_perm(RECORD_SIGNUP)


def can_export(user):
    return works_on_register(user) and user.has_perm(EXPORT_PEOPLE)


class PersonPermissionPolicy(BasePermissionPolicy):
    """Teams *view* and *change* the people they see. Nobody adds a person through the
    generic add screen (sign-ups are recorded with their consents) or deletes one (records
    are merged or erased, never deleted)."""

    actions = frozenset({"view", "change"})

    def user_has_permission(self, user, action):
        return action in self.actions and works_on_register(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.instances_user_has_permission_for(user, action).filter(pk=instance.pk).exists()

    def instances_user_has_permission_for(self, user, action):
        if action not in self.actions:
            return Person.objects.none()
        return people_for(user)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.actions.intersection(actions):
            return Person.objects.none()
        return people_for(user)

    def users_with_any_permission(self, actions):
        raise NotImplementedError("Register permissions are per site; ask per user.")


person_policy = PersonPermissionPolicy(Person)
