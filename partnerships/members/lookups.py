"""Finding a site's register and a person's membership of it, for the members' pages."""

from django.http import Http404
from django.utils.translation import gettext as _
from wagtail.models import Site

from ..membership import current_membership, register_for
from ..models import Membership


def site_register(request):
    """The register of the site being visited; 404 if the site keeps none."""
    register = register_for(Site.find_for_request(request))
    if register is None:
        raise Http404(_("This site has no register of members."))
    return register


def latest_membership(register, user):
    """``user``'s membership of ``register`` to show them: the current one, else the latest.

    A person who was declined or has left has no current membership, but should still see
    what happened (the reason they were declined, the date they left).
    """
    current = current_membership(register, user)
    if current is not None or not user.is_authenticated:
        return current
    return (
        Membership.objects.filter(register=register, user=user)
        .select_related("member_class", "register__site")
        .order_by("-applied_at", "-pk")
        .first()
    )


def directory_entries(register):
    """Active members of ``register`` who chose to be listed, by name."""
    return (
        Membership.objects.active()
        .filter(register=register, in_directory=True)
        .select_related("user", "member_class", "register")
        .order_by("user__first_name", "user__last_name", "number")
    )
