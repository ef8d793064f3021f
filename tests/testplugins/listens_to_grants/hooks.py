"""A plain (not optional) implementation of a hook that only the grants plugin declares."""

from chorus.plugins import hookimpl


@hookimpl
def chorus_on_grant_awarded(award):
    return None
