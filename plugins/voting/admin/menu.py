"""The admin's "Voting" menu: where the plugin is on, for the co-ops' secretaries."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem

from chorus.plugins import PluginMenuItem

from ..models import Comment
from ..permissions import comments_for, runs_voting


class SecretaryMenuItem(MenuItem):
    """A link in the Voting menu, for secretaries of a co-op where voting is on."""

    def is_shown(self, request):
        return runs_voting(request.user)


class CommentsMenuItem(SecretaryMenuItem):
    """ "Comments", with how many wait for moderation on the secretary's ballots."""

    def render_component(self, request):
        waiting = comments_for(request.user).filter(status=Comment.Status.PENDING).count()
        label = (
            _("Comments (%(waiting)d waiting)") % {"waiting": waiting}
            if waiting
            else str(self.label)
        )
        return LinkMenuItem(
            self.name, label, self.url, icon_name=self.icon_name, classname=self.classname
        )


class VotingMenuItem(PluginMenuItem, SubmenuMenuItem):
    """The "Voting" submenu: hidden where voting is off for the site answering the admin,
    and (through its items) from anyone who is not a secretary of a co-op that votes."""

    def __init__(self, menu, **kwargs):
        super().__init__(
            "voting", gettext_lazy("Voting"), menu, permission_check=runs_voting, **kwargs
        )


def voting_menu_item():
    """Build the menu: ballots, proposals, comments to moderate and settings."""
    links = [
        (SecretaryMenuItem, gettext_lazy("Ballots"), reverse("voting_ballots:index"), "tasks"),
        (
            SecretaryMenuItem,
            gettext_lazy("Proposals"),
            reverse("voting_admin:proposals"),
            "doc-full",
        ),
        (CommentsMenuItem, gettext_lazy("Comments"), reverse("voting_admin:comments"), "comment"),
        # Wagtail's settings screen, for the co-op of the admin's site (or the first they keep).
        (
            SecretaryMenuItem,
            gettext_lazy("Settings"),
            reverse("wagtailsettings:edit", args=["voting", "votingsettings"]),
            "cog",
        ),
    ]
    items = [
        kind(label, url, icon_name=icon, order=(number + 1) * 100)
        for number, (kind, label, url, icon) in enumerate(links)
    ]
    return VotingMenuItem(Menu(items=items), name="voting", icon_name="tasks", order=280)
