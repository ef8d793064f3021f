"""The "Your membership" panel on a person's dashboard (``/account/``)."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from chorus.plugins import Panel

from ..membership import register_for
from .lookups import latest_membership

PANEL_TEMPLATE = "partnerships/members/panels/membership.html"


def membership_panels(user, request):
    """The panel, for someone with a membership (of any status) of this site's register."""
    if not user.is_authenticated:
        return []
    register = register_for(Site.find_for_request(request))
    if register is None:
        return []
    membership = latest_membership(register, user)
    if membership is None:
        return []
    return [
        Panel(
            title=_("Your membership"),
            template_name=PANEL_TEMPLATE,
            context={"membership": membership, "register": register},
            order=10,
        )
    ]
