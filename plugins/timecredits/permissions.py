"""Who administers which time-credits scheme.

Each scheme has a Wagtail group, "Time credits administrators: <site>", created the first
time it is asked for. Its members may use the admin and run that scheme: its partners,
offers, allocations, ledger corrections and reports. Superusers run every scheme. The
group is found by its name, so renaming a site starts a new (empty) group for it.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from .models import Scheme, Wallet

ADMIN_PERMISSIONS = ("wagtailadmin.access_admin",)


def group_name(scheme):
    """The name of ``scheme``'s administrators' group."""
    site = scheme.site
    return f"Time credits administrators: {site.site_name or site.hostname}"


@transaction.atomic
def scheme_admins(scheme):
    """Return ``scheme``'s administrators' group, creating it (with admin access) if needed."""
    group, created = Group.objects.get_or_create(name=group_name(scheme))
    if created:
        for name in ADMIN_PERMISSIONS:
            app_label, codename = name.split(".")
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
    return group


def administered_schemes(user):
    """The schemes ``user`` may run in the admin (every scheme for a superuser)."""
    if not user.is_authenticated or not user.is_active:
        return Scheme.objects.none()
    if user.is_superuser:
        return Scheme.objects.all()
    names = set(user.groups.values_list("name", flat=True))
    ids = [
        scheme.pk for scheme in Scheme.objects.select_related("site") if group_name(scheme) in names
    ]
    return Scheme.objects.filter(pk__in=ids)


def is_credits_admin(user):
    """Whether ``user`` runs any scheme (cached on the user for the request)."""
    if not user.is_authenticated:
        return False
    cached = getattr(user, "_timecredits_is_admin", None)
    if cached is None:
        cached = user.is_superuser or administered_schemes(user).exists()
        user._timecredits_is_admin = cached
    return cached


def administered_wallets(user, *kinds):
    """The wallets of ``user``'s schemes, of the given ``kinds`` (all kinds if none)."""
    wallets = Wallet.objects.filter(scheme__in=administered_schemes(user))
    if kinds:
        wallets = wallets.filter(kind__in=kinds)
    return wallets


def partner_wallets(user):
    """The earn and spend partners of ``user``'s schemes."""
    return administered_wallets(user, Wallet.Kind.EARN_PARTNER, Wallet.Kind.SPEND_PARTNER)
