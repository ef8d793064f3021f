"""Chorus hook implementations of the partnerships core app (always on): the member register.

Core hooks run on every site; each answers nothing where the site keeps no register.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from chorus.plugins import NavigationItem, hookimpl

from .admin.permissions import is_secretary
from .members import dashboard, personal_data
from .membership import register_for


@hookimpl
def chorus_register_navigation_items(site, request):
    """Link to the member area (joining, for visitors) where the site keeps a register.

    The same link for everyone, so the cached menu can hold it; the app bumps the cache
    generation when a register is added or removed.
    """
    if register_for(site) is None:
        return []
    return [NavigationItem(label=_("Members"), url=reverse("members:home"), order=90)]


@hookimpl
def chorus_register_dashboard_panels(user, request):
    """Show "Your membership" to someone with a membership of this site's register."""
    return dashboard.membership_panels(user, request)


@hookimpl
def chorus_export_personal_data(email):
    """Export a person's memberships: class, status, number, dates, statement, history."""
    return personal_data.export(email)


# Before the accounts' erasure (``trylast``), which replaces the address used to find them.
@hookimpl
def chorus_erase_personal_data(email):
    """Clear a person's statements and directory listings; the register rows stay."""
    return personal_data.erase(email)


@hookimpl
def chorus_sees_personal_data(user):
    """A register's secretaries see its members and applications (and export them)."""
    return is_secretary(user)
