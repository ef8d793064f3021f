"""WSGI entry point: `gunicorn chorus.wsgi --chdir site`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chorus.settings.production")

application = get_wsgi_application()
