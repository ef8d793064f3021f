"""WSGI entry point: `gunicorn chorus.wsgi --chdir site`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chorus.settings.production")

django_application = get_wsgi_application()

from chorus.caching.wsgi import StoredPageApplication  # noqa: E402 - needs Django set up

# Stored pages for anonymous visitors are answered before Django handles the request.
application = StoredPageApplication(django_application)
