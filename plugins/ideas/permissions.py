"""Who moderates which idea boards.

Each site has a Wagtail group, "Idea moderators: <site>", created the first time it is asked
for. Its members may use the admin and moderate that site's boards: the queue, decisions,
reports and statuses. Superusers moderate every board. The group is found by its name.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from chorus.plugins import sites_with

ADMIN_PERMISSIONS = ("wagtailadmin.access_admin",)


def group_name(site):
    """The name of ``site``'s moderators' group."""
    return f"Idea moderators: {site.site_name or site.hostname}"


@transaction.atomic
def moderators(site):
    """Return ``site``'s moderators' group, creating it (with admin access) if needed."""
    group, created = Group.objects.get_or_create(name=group_name(site))
    if created:
        for name in ADMIN_PERMISSIONS:
            app_label, codename = name.split(".")
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
    return group


def moderated_sites(user):
    """The sites with ideas on whose boards ``user`` moderates (every such site for a
    superuser): a site where ideas is off shows nothing in the admin."""
    if not user.is_authenticated or not user.is_active:
        return []
    sites = sites_with("ideas")
    if user.is_superuser:
        return sites
    names = set(user.groups.values_list("name", flat=True))
    return [site for site in sites if group_name(site) in names]


def moderated_boards(user):
    """The boards ``user`` moderates."""
    from .models import IdeaBoardPage

    boards = IdeaBoardPage.objects.none()
    for site in moderated_sites(user):
        boards = boards | IdeaBoardPage.objects.descendant_of(site.root_page, inclusive=True)
    return boards


def is_moderator(user):
    """Whether ``user`` moderates any site's boards (cached on the user for the request)."""
    if not user.is_authenticated:
        return False
    cached = getattr(user, "_ideas_is_moderator", None)
    if cached is None:
        cached = bool(moderated_sites(user))
        user._ideas_is_moderator = cached
    return cached
