"""The surveys plugin's Chorus hook implementations (called only where surveys is on)."""

from chorus.plugins import hookimpl

from .results_access import VIEW_RESPONDENTS


@hookimpl
def chorus_sees_personal_data(user):
    """Staff with ``surveys.view_response`` see who answered identified surveys (their email
    addresses, in the exports)."""
    return user.has_perm(VIEW_RESPONDENTS)
