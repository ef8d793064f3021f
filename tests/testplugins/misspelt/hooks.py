"""A hook implementation with a typo ("navigaton"), which pluggy must reject."""

from chorus.plugins import hookimpl


@hookimpl
def chorus_register_navigaton_items(site, request):
    return []
