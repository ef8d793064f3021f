"""A hook implementation with a typo ("navigaton"), which pluggy must reject."""

from plugins.manager import hookimpl


@hookimpl
def chorus_register_navigaton_items(site, request):
    return []
