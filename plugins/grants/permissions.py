"""Who may see and do what with a site's grants.

Staff roles are per site (:class:`~plugins.grants.models.GrantTeam`): a site's *assessors*
score its applications; its *managers* also run rounds, decide and pay. Superusers may do
everything everywhere. Applicants see only their own applications.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Site

from .models import Application, GrantRound, GrantTeam

ASSESSOR_PERMISSIONS = ("wagtailadmin.access_admin", "grants.assess_application")
MANAGER_PERMISSIONS = (*ASSESSOR_PERMISSIONS, "grants.decide_application")


def _permissions(names):
    found = []
    for name in names:
        app_label, codename = name.split(".")
        found.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return found


@transaction.atomic
def grant_team(site: Site) -> GrantTeam:
    """Return ``site``'s grant team, creating its two groups the first time."""
    team = GrantTeam.objects.filter(site=site).select_related("assessors", "managers").first()
    if team is not None:
        return team
    label = site.site_name or site.hostname
    assessors, _ = Group.objects.get_or_create(name=f"Grant assessors: {label}")
    managers, _ = Group.objects.get_or_create(name=f"Grant managers: {label}")
    assessors.permissions.add(*_permissions(ASSESSOR_PERMISSIONS))
    managers.permissions.add(*_permissions(MANAGER_PERMISSIONS))
    return GrantTeam.objects.create(site=site, assessors=assessors, managers=managers)


def _team_sites(user, role):
    if not user.is_authenticated or not user.is_active:
        return Site.objects.none()
    if user.is_superuser:
        return Site.objects.all()
    roles = ("assessors", "managers") if role == "assessors" else ("managers",)
    group_ids = user.groups.values_list("pk", flat=True)
    sites = Site.objects.none()
    for field in roles:
        sites = sites | Site.objects.filter(**{f"grant_team__{field}__in": group_ids})
    return sites.distinct()


def assessable_sites(user):
    """The sites whose applications ``user`` may read and score (assessors and managers)."""
    return _team_sites(user, "assessors")


def managed_sites(user):
    """The sites whose grants ``user`` may manage: rounds, decisions, due diligence, payments."""
    return _team_sites(user, "managers")


def _rounds_in(sites):
    roots = list(sites.select_related("root_page").values_list("root_page__path", flat=True))
    rounds = GrantRound.objects.none()
    for path in roots:
        rounds = rounds | GrantRound.objects.filter(programme__path__startswith=path)
    return rounds


def assessable_rounds(user):
    """The rounds ``user`` may see in the admin and assess."""
    if user.is_superuser:
        return GrantRound.objects.all()
    return _rounds_in(assessable_sites(user))


def managed_rounds(user):
    """The rounds ``user`` may manage."""
    if user.is_superuser:
        return GrantRound.objects.all()
    return _rounds_in(managed_sites(user))


def visible_applications(user):
    """The applications ``user`` may see in the admin (drafts are the applicant's own)."""
    return Application.objects.filter(round__in=assessable_rounds(user)).exclude(
        status=Application.Status.DRAFT
    )


def can_assess(user, application) -> bool:
    """Whether ``user`` may score ``application`` (conflicts are checked separately)."""
    return assessable_rounds(user).filter(pk=application.round_id).exists()


def can_manage(user, application) -> bool:
    """Whether ``user`` may decide on, check and pay ``application``."""
    return managed_rounds(user).filter(pk=application.round_id).exists()


def can_view_application(user, application) -> bool:
    """Whether ``user`` may see ``application`` and its files: its applicant, or its staff."""
    if not user.is_authenticated:
        return False
    if application.applicant_id == user.pk:
        return True
    return application.status != Application.Status.DRAFT and can_assess(user, application)
