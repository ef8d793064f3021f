"""Every URL route of the project, as text, and how to fill its placeholders.

Used by the security tests that walk every URL: Wagtail's admin is left out (it is for
staff, and has its own tests); everything else, including each plugin's ``/plugins/<name>/``
routes, is listed, so a new route is covered as soon as it exists.
"""

import re

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern

COOPERATIVE = "sharing-care.localhost"
PARTNERSHIP = "medway-swale.localhost"
SKIPPED_PREFIXES = ("admin/",)
# How the regex routes of Wagtail (page serving, documents) read as placeholders.
REGEX_PLACEHOLDERS = {
    r"((?:[\w\-]+/)*)": "<pages:path>",
    r"(\d+)": "<int:id>",
    r"(.*)": "<str:filename>",
}
PLACEHOLDER = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")


def _route(pattern):
    if isinstance(pattern, LocalePrefixPattern):
        return ""
    if isinstance(pattern, RoutePattern):
        return str(pattern)
    assert isinstance(pattern, RegexPattern), pattern
    route = str(pattern).removeprefix("^").removesuffix("$").removesuffix(r"\Z")
    for regex, placeholder in REGEX_PLACEHOLDERS.items():
        route = route.replace(regex, placeholder)
    assert not re.search(r"[\\()\[\]^$*+?]", route), f"Teach tests/security this route: {route}"
    return route


def routes(resolver=None, prefix=""):
    """Every URL route outside the admin, as text with ``<converter:name>`` placeholders."""
    for entry in (resolver or get_resolver()).url_patterns:
        route = prefix + _route(entry.pattern)
        if route.startswith(SKIPPED_PREFIXES):
            continue
        if isinstance(entry, URLResolver):
            yield from routes(entry, route)
        else:
            assert isinstance(entry, URLPattern)
            yield route


def fill(route, values):
    """The address of ``route`` with each placeholder given its value from ``values``."""

    def value(match):
        name = match["name"]
        assert name in values, f"Seed a real value for <{name}> in {route}"
        return str(values[name])

    return "/" + PLACEHOLDER.sub(value, route)


def host(route):
    """The site to ask for ``route``: the co-op's for voting and members, else Medway's."""
    return COOPERATIVE if route.startswith(("plugins/voting/", "members/")) else PARTNERSHIP
