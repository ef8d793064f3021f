"""Wagtail permission policies for schemes and offers, built on the schemes' admin groups.

Scheme administrators hold no Django model permissions: what they may do depends on the
scheme. *view* and *change* a scheme for its administrators, *add* for superusers only
(a scheme belongs to a site); offers *view*, *add*, *change* for the administrators of the
venue's scheme; *delete* for nobody (offers have vouchers, schemes have ledgers).
"""

from wagtail.permission_policies import BasePermissionPolicy

from .. import permissions
from ..models import Offer, Scheme


class _SchemeAdminPolicy(BasePermissionPolicy):
    """Model-wide answers from the admin groups, per-instance answers from querysets."""

    actions = frozenset()

    def user_has_permission(self, user, action):
        if action == "add" and self.model is Scheme:
            return user.is_active and user.is_superuser
        return action in self.actions and permissions.is_credits_admin(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.instances_user_has_permission_for(user, action).filter(pk=instance.pk).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        result = self.model.objects.none()
        for action in actions:
            result = result | self.instances_user_has_permission_for(user, action)
        return result.distinct()

    def users_with_any_permission(self, actions):
        raise NotImplementedError("Time-credits permissions are per scheme; ask per user.")


class SchemePermissionPolicy(_SchemeAdminPolicy):
    """Schemes: their administrators see and edit them; superusers add them; none deleted."""

    actions = frozenset({"view", "change"})

    def instances_user_has_permission_for(self, user, action):
        if action in self.actions:
            return permissions.administered_schemes(user)
        return Scheme.objects.none()


class OfferPermissionPolicy(_SchemeAdminPolicy):
    """Offers: the administrators of the venue's scheme see, add and change them."""

    actions = frozenset({"view", "add", "change"})

    def instances_user_has_permission_for(self, user, action):
        if action in self.actions:
            return Offer.objects.filter(partner__scheme__in=permissions.administered_schemes(user))
        return Offer.objects.none()


scheme_policy = SchemePermissionPolicy(Scheme)
offer_policy = OfferPermissionPolicy(Offer)
