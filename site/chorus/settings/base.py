"""Settings shared by every environment, driven by environment variables.

| variable        | default                        | meaning                                  |
|-----------------|--------------------------------|------------------------------------------|
| DATABASE_URL    | sqlite:///<project>/db.sqlite3 | any dj-database-url URL                  |
| REDIS_URL       | (none: the database cache)     | redis://host:port/db for the cache and   |
|                 |                                | the task queue (RQ)                      |
| TASKS_BACKEND   | rq with REDIS_URL, else database | database, rq or immediate (docs/tasks.md) |
| SECRET_KEY      | (required unless DEBUG)        | Django's signing key                     |
| DEBUG           | false (true in dev settings)   |                                          |
| ALLOWED_HOSTS   | localhost,.localhost,127.0.0.1 | comma-separated                          |
| EMAIL_URL-ish   | EMAIL_BACKEND (the one that delivers the outbox), DEFAULT_FROM_EMAIL,   |
|                 | EMAIL_HOST, EMAIL_PORT, ...                                             |
| CSP_MEDIA_ORIGINS | (none: media on this site)   | comma-separated origins images come from |
| CSP_FRAME_ORIGINS | YouTube and Vimeo            | comma-separated origins that may be framed |
| CHORUS_SERVER_PAGE_CACHE | on                      | off: no server-side copy of anonymous pages |
| CHORUS_STAFF_2FA  | optional                       | off, optional, required (docs/security.md) |
"""

import datetime
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from chorus.plugins.discovery import plugin_app_modules

from .env import env_bool, env_choice, env_list, env_str
from .storage import media_storage, private_storage

PROJECT_DIR = Path(__file__).resolve().parent.parent  # site/chorus
SITE_DIR = PROJECT_DIR.parent  # site/
BASE_DIR = SITE_DIR.parent  # the checkout

DEBUG = env_bool("DEBUG", default=False)
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "chorus-insecure-development-key-never-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", default=["localhost", ".localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

CORE_APPS = [
    "chorus.accounts",
    "chorus.network",
    "chorus.caching",
    "partnerships",
    "coproduction",
    "publications",
    "chorus.plugins",
    "chorus.common",
    "chorus.mail",
    # Ask for help or another format (issue 12): the form on every site and its admin inbox.
    "chorus.support",
    # Easy Read versions of any page (issue 12).
    "chorus.easyread",
    # Issue 12: who runs each site (footer, <head>), and the standard content page.
    "chorus.identity",
    "pages",
    # Pages in every language: what /pl/ serves and where its links lead.
    "chorus.languages",
]

INSTALLED_APPS = [
    *CORE_APPS,
    # Plugins are read by name only (no import) so their apps and migrations load.
    *plugin_app_modules(),
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]

MIDDLEWARE = [
    # First: answers anonymous visitors from the server's page cache before anything below
    # runs, and stores pages with every header the middleware below adds (security headers,
    # the Content-Security-Policy). Outside the session, CSRF and messages middleware, so it
    # sees the cookies they set on the way out (a page with a form sets a CSRF cookie and
    # must not be cached). On gunicorn most hits are answered before Django (chorus.wsgi).
    "chorus.caching.middleware.AnonymousPageCacheMiddleware",
    # Every cache lookup below reads the content generation once per request.
    "chorus.caching.per_request.RequestGenerationMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Before anything below reads the path, a cookie or the database: NUL bytes and broken UTF-8
    # get a plain 400 instead of a database error.
    "chorus.common.bad_input.BadInputMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "chorus.common.csp.SiteAndAdminCSPMiddleware",
    "chorus.caching.sites.CachedSiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Under /pl/, links to English pages keep the /pl/ prefix (chorus.languages).
    "chorus.languages.addresses.LinkLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After the user is known: whether this session has passed two-factor (django-otp).
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Staff who must use two-factor (CHORUS_STAFF_2FA) are sent to enter a code, or to set up
    # an app, before any other admin screen.
    "chorus.accounts.two_factor.middleware.StaffTwoFactorMiddleware",
    # Off means off in the admin: a plugin's admin screens answer 404 where it is off.
    "chorus.plugins.admin_guard.AdminGuardMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into the lockout page (429).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "chorus.urls"
WSGI_APPLICATION = "chorus.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "chorus.plugins.context_processors.navigation",
            ],
            "libraries": {"chorus_i18n": "chorus.templatetags.chorus_i18n"},
        },
    },
]

# Database: SQLite by default; writers wait (IMMEDIATE + WAL) instead of failing
# with "database is locked" under concurrent requests. Each worker keeps its connection for
# a minute, SQLite too: opening one (with the pragmas below) costs about 1.5 ms, several times
# what a page served from the page cache costs, which reads the cache table through it.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=60,
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "chorus",
        }
    }
else:
    # The embedded default: a table in the database, which every process shares (web workers,
    # the CLI, the demo server), so a plugin switch or a publish made in one is seen by all
    # on their next request. Never per-process memory: that kept stale switches for an hour.
    # `manage.py migrate` makes the table (chorus.caching's first migration).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "chorus_cache",
            # Past MAX_ENTRIES Django deletes a third of the entries on the next write;
            # its default of 300 is too few for navigation and lookups per site and language.
            "OPTIONS": {"MAX_ENTRIES": 10_000},
        }
    }

# The task queue (django-tasks), for the outbox's deliveries and Wagtail's own background work
# (search and reference index updates, image focal points, file deletion, cache purges).
# "database" (django-tasks-db, the embedded default): tasks are rows in the database and
# `manage.py db_worker` runs them. "rq": RQ on the Redis at REDIS_URL, run by
# `manage.py rqworker --with-scheduler` on as many machines as needed. "immediate": run
# inside the process that enqueues them (development and tests only). See docs/tasks.md.
TASKS_BACKEND = env_str("TASKS_BACKEND", "rq" if REDIS_URL else "database")
_TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "rq": "django_tasks_rq.RQBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
if TASKS_BACKEND not in _TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"TASKS_BACKEND must be one of {', '.join(_TASK_BACKENDS)}, not {TASKS_BACKEND!r}."
    )
if TASKS_BACKEND == "rq" and not REDIS_URL:
    raise ImproperlyConfigured("TASKS_BACKEND=rq needs REDIS_URL.")
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[TASKS_BACKEND]}}
if TASKS_BACKEND == "rq":
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 600}}
    # RQ's workers must run jobs through django-tasks-rq's job class.
    RQ = {"JOB_CLASS": "django_tasks_rq.Job"}

# People sign in with their email address (chorus.accounts); staff also use the Wagtail admin.
AUTHENTICATION_BACKENDS = [
    # First: refuses every sign-in of an account and address that is locked out (django-axes).
    "chorus.accounts.backends.SignInThrottleBackend",
    "chorus.accounts.backends.EmailBackend",
    # Usernames, for staff signing in to the Wagtail admin.
    "django.contrib.auth.backends.ModelBackend",
]
# Sign-in throttling (django-axes, records in the database so every process agrees): after
# CHORUS_SIGN_IN_FAILURE_LIMIT wrong passwords for one account from one address, that account
# is locked for that address for CHORUS_SIGN_IN_COOL_OFF_MINUTES. The pair, not the address
# alone, so people sharing a library's or a care home's connection do not lock each other
# out; not the account alone, so nobody can lock a member out by guessing at their address.
# Staff unlock early in the admin (Settings → Sign-in lockouts) or with `manage.py axes_reset`.
AXES_FAILURE_LIMIT = int(env_str("CHORUS_SIGN_IN_FAILURE_LIMIT", "5"))
# Help requests ("Ask for help or another format") one client address may send in an hour.
CHORUS_SUPPORT_REQUESTS_PER_HOUR = int(env_str("CHORUS_SUPPORT_REQUESTS_PER_HOUR", "5"))
# Sign-ups for events and assemblies one client address may send in an hour
# (coproduction.taking_part; a family booking several people from one connection needs a few).
CHORUS_SIGN_UPS_PER_HOUR = int(env_str("CHORUS_SIGN_UPS_PER_HOUR", "10"))
# How many days before an event or assembly `send_booking_reminders` reminds people booked.
CHORUS_BOOKING_REMINDER_DAYS = int(env_str("CHORUS_BOOKING_REMINDER_DAYS", "2"))
# Sign-ups to the involvement register (and fresh confirmation links) one client address may
# ask for in an hour, and how long a confirmation link works (coproduction.register).
CHORUS_REGISTER_SIGNUPS_PER_HOUR = int(env_str("CHORUS_REGISTER_SIGNUPS_PER_HOUR", "10"))
CHORUS_REGISTER_LINK_LIFETIME = datetime.timedelta(days=7)
# Confirmation links one email address may be sent in an hour, from any connection.
CHORUS_REGISTER_LINKS_PER_EMAIL_PER_HOUR = 3
# Forms on idea boards (suggest, support, comment, report) from one client address an hour.
CHORUS_IDEAS_POSTS_PER_HOUR = int(env_str("CHORUS_IDEAS_POSTS_PER_HOUR", "30"))
# "You said, we did": days between two reminders to the owner of one overdue commitment, and
# the licence its open data (JSON and CSV) is published under.
CHORUS_COMMITMENT_REMINDER_DAYS = int(env_str("CHORUS_COMMITMENT_REMINDER_DAYS", "7"))
CHORUS_TRACKER_OPEN_DATA_LICENSE = env_str(
    "CHORUS_TRACKER_OPEN_DATA_LICENSE", "https://creativecommons.org/licenses/by/4.0/"
)
AXES_COOLOFF_TIME = datetime.timedelta(
    minutes=int(env_str("CHORUS_SIGN_IN_COOL_OFF_MINUTES", "15"))
)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Attempts while locked out do not push the end of the lockout back: the time we tell holds.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
# Keep no log of successful sign-ins (addresses, browsers): failures only, for the cool-off.
AXES_DISABLE_ACCESS_LOG = True
AXES_USERNAME_CALLABLE = "chorus.accounts.throttling.typed_account"
AXES_CLIENT_IP_CALLABLE = "chorus.accounts.throttling.client_address"
AXES_LOCKOUT_CALLABLE = "chorus.accounts.throttling.locked_out_response"
# The Wagtail admin lists and unlocks lockouts; Django's admin is not mounted.
AXES_ENABLE_ADMIN = False
# Behind N reverse proxies that each append to X-Forwarded-For, the client's address is the
# N-th from the right of that header. 0 (the default) trusts only the connection's address,
# because a client can send any X-Forwarded-For it likes.
CHORUS_TRUSTED_PROXIES = int(env_str("CHORUS_TRUSTED_PROXIES", "0"))
# Password-reset emails asked for, per hour: for one address, and from one client address.
CHORUS_PASSWORD_RESETS_PER_ADDRESS = 3
CHORUS_PASSWORD_RESETS_PER_CLIENT = 10
# Two-factor sign-in to the admin (django-otp, TOTP apps; docs/security.md). "off": never
# asked; "optional": staff may set up an app from their account and are then asked for a code;
# "required": superusers and staff who can see personal data must set one up too.
CHORUS_STAFF_2FA = env_choice("CHORUS_STAFF_2FA", ("off", "optional", "required"), "optional")
# The name an authenticator app shows beside the code.
OTP_TOTP_ISSUER = "Chorus"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:dashboard"
LOGOUT_REDIRECT_URL = "/"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: British English first; Polish is the second content language
# (one of the most spoken languages in Kent and Medway after English).
LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("en-gb", _("English")),
    ("pl", _("Polish")),
]
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "static_collected")))
STATICFILES_DIRS = [SITE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
# Files people upload with applications and reports: never under MEDIA_URL, only served
# through views that check who is asking.
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "private_media")))
# Folders here, or S3-compatible buckets when MEDIA_S3_BUCKET / PRIVATE_MEDIA_S3_BUCKET are set.
STORAGES = {
    "default": media_storage(),
    "private": private_storage(PRIVATE_MEDIA_ROOT),
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Every email goes into the outbox (chorus.mail) in the sender's transaction, and a task
# delivers it with the backend named by the EMAIL_BACKEND variable, retrying when the mail
# server is down: no request waits for, or fails because of, a mail server.
EMAIL_BACKEND = "chorus.mail.backend.OutboxBackend"
CHORUS_EMAIL_DELIVERY_BACKEND = env_str(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env_str("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Chorus <noreply@localhost>")

WAGTAIL_SITE_NAME = "Chorus"
# No Gravatar avatars in the admin: they would send a hash of every editor's email address to
# a third party, and the admin's Content-Security-Policy does not allow its images.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024

# Anonymous pages may be cached by a CDN for this long (seconds); Wagtail's frontend
# cache invalidation purges a page and the listings that show it when it is published.
CHORUS_PAGE_CACHE_SECONDS = int(env_str("CHORUS_PAGE_CACHE_SECONDS", "300"))
# The server keeps its own copy of those pages in the cache above (chorus.caching.page_store)
# and answers later anonymous visitors from it, until the content generation moves on or
# CHORUS_PAGE_CACHE_SECONDS pass. CHORUS_SERVER_PAGE_CACHE=off renders every page afresh;
# the CDN headers stay.
CHORUS_SERVER_PAGE_CACHE = env_bool("CHORUS_SERVER_PAGE_CACHE", default=True)
# Pieces of public pages ({% fragment %} in templates: home-page listings and panels, the
# language switcher) are cached for the content generation, and for at most this long
# (seconds), which bounds how late a change that moves no generation shows (an event
# starting, a funding round closing).
CHORUS_FRAGMENT_CACHE_SECONDS = int(env_str("CHORUS_FRAGMENT_CACHE_SECONDS", "60"))
# FRONTEND_CACHE_PURGE_URL: an HTTP purge endpoint (Varnish, nginx) to invalidate pages.
# Chorus purges each page's address in every language itself (chorus.caching.purge): Wagtail's
# own per-language copies assume every language has a prefix (/en-gb/), which English has not.
WAGTAILFRONTENDCACHE_LANGUAGES = []
if env_str("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": env_str("FRONTEND_CACHE_PURGE_URL"),
        }
    }

# Content-Security-Policy on every response (django-csp; chorus.common.csp picks the policy).
# The public site loads everything from its own origin and runs nothing inline: templates
# keep JavaScript and CSS in static files. CSP_MEDIA_ORIGINS names where images and media are
# served from when MEDIA_URL is elsewhere (an S3 bucket, a CDN); CSP_FRAME_ORIGINS the video
# services that rich text may embed.
_CSP_MEDIA = [SELF, "data:", *env_list("CSP_MEDIA_ORIGINS")]
_CSP_FRAMES = [
    SELF,
    *env_list(
        "CSP_FRAME_ORIGINS",
        default=[
            "https://www.youtube.com",
            "https://www.youtube-nocookie.com",
            "https://player.vimeo.com",
        ],
    ),
]
_CSP_COMMON = {
    "default-src": [SELF],
    "img-src": _CSP_MEDIA,
    "media-src": _CSP_MEDIA,
    "frame-src": _CSP_FRAMES,
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    # Wagtail's preview shows pages in a frame of the admin, on the same origin.
    "frame-ancestors": [SELF],
}
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {**_CSP_COMMON, "script-src": [SELF], "style-src": [SELF]},
}
# Under /admin/ (but not in page previews, which keep the public policy: what visitors will
# get), Wagtail's editing screens still write a few inline scripts (date pickers, inline
# panels) and style attributes, and show images being uploaded as blob: URLs; the dashboard
# asks releases.wagtail.org for the latest version.
CHORUS_ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **_CSP_COMMON,
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [*_CSP_MEDIA, "blob:"],
        "connect-src": [SELF, "https://releases.wagtail.org"],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # Tasks (Wagtail's index updates, the outbox's deliveries) log every state change;
        # only problems are worth a line. `db_worker` turns its own lines back on.
        "django_tasks": {"level": "WARNING"},
        # django-axes announces itself at start-up; failed sign-ins and lockouts are warnings.
        "axes": {"level": "WARNING"},
    },
}
