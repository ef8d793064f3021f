"""A long-lived Chorus process that serves requests on command, for the cross-process tests.

Run as ``python -m tests.caching.serving`` with ``DJANGO_SETTINGS_MODULE`` and
``DATABASE_URL`` set. It reads one request per line on stdin, as JSON, serves it through
Django's test client (so everything it caches stays in this process's memory unless the cache
is shared) and writes one line of JSON per request: the status, the labels of the site's
navigation (empty when the page has none) and whether the server's page cache answered
(``X-Chorus-Cache``)::

    {"path": "/events/", "host": "west-kent.localhost"}
    {"path": "/admin/plugins/3/", "host": "...", "post": {"plugin": "events"}, "user": "admin"}
"""

import json
import re
import sys

import django

NAVIGATION = re.compile(r'<nav class="site-nav"[^>]*>(.*?)</nav>', re.S)
LINK_TEXT = re.compile(r"<a [^>]*>([^<]+)</a>")


def navigation_labels(html):
    """Return the link texts of the site navigation in ``html``."""
    nav = NAVIGATION.search(html)
    return LINK_TEXT.findall(nav.group(1)) if nav else []


def serve(line, client):
    """Serve one request line and return the answer line."""
    from django.contrib.auth import get_user_model

    request = json.loads(line)
    if "user" in request:
        client.force_login(get_user_model().objects.get(username=request["user"]))
    headers = {"host": request["host"]}
    if "post" in request:
        response = client.post(request["path"], request["post"], headers=headers)
    else:
        response = client.get(request["path"], headers=headers)
    html = response.content.decode(errors="replace")
    return json.dumps(
        {
            "status": response.status_code,
            "navigation": navigation_labels(html),
            "cache": response.get("X-Chorus-Cache"),
        }
    )


def main():
    django.setup()
    from django.test import Client

    client = Client()
    print("ready", flush=True)
    for line in sys.stdin:
        print(serve(line, client), flush=True)


if __name__ == "__main__":
    main()
