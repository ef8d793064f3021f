"""Production: HTTPS only, secure cookies, SECRET_KEY required (see base.py).

Serve with: gunicorn chorus.wsgi --chdir site --workers 2 --bind 0.0.0.0:8000
"""

from .base import *  # noqa: F403
from .env import env_bool, env_str

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(env_str("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Wagtail's live preview shows the page in a same-origin iframe, so framing must stay
# SAMEORIGIN rather than DENY (security.W019 is silenced for that reason).
X_FRAME_OPTIONS = "SAMEORIGIN"

SILENCED_SYSTEM_CHECKS = ["security.W019"]
if not SECURE_HSTS_PRELOAD:
    # Joining browsers' HSTS preload list is hard to undo; it is an explicit operator choice
    # (SECURE_HSTS_PRELOAD=true), so its absence is not a warning by default.
    SILENCED_SYSTEM_CHECKS.append("security.W021")
