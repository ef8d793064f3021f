"""Which task queue and mail backends the environment chooses, in a fresh interpreter."""

import pytest

from tests.test_settings import run_settings

PROBE = """
import django
django.setup()
from django.apps import apps
from django.conf import settings
print(settings.TASKS["default"]["BACKEND"])
print(apps.is_installed("django_rq"))
print(settings.EMAIL_BACKEND)
print(settings.CHORUS_EMAIL_DELIVERY_BACKEND)
"""

PRODUCTION = {"SECRET_KEY": "x" * 50}


def probe(settings_module, **env):
    result = run_settings(settings_module, PROBE, **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_production_queues_in_the_database_and_delivers_by_the_named_backend():
    smtp = "django.core.mail.backends.smtp.EmailBackend"
    assert probe("chorus.settings.production", EMAIL_BACKEND=smtp, **PRODUCTION) == [
        "django_tasks_db.DatabaseBackend",
        "False",
        "chorus.mail.backend.OutboxBackend",
        smtp,
    ]


def test_redis_url_queues_on_rq():
    tasks, rq_installed, *_ = probe(
        "chorus.settings.production", REDIS_URL="redis://127.0.0.1:6379/3", **PRODUCTION
    )
    assert (tasks, rq_installed) == ("django_tasks_rq.RQBackend", "True")


def test_development_runs_tasks_at_once_unless_told_otherwise():
    assert probe("chorus.settings.dev")[0] == "django_tasks.backends.immediate.ImmediateBackend"
    assert probe("chorus.settings.dev", TASKS_BACKEND="database")[0] == (
        "django_tasks_db.DatabaseBackend"
    )


@pytest.mark.parametrize(
    ("env", "error"),
    [
        ({"TASKS_BACKEND": "celery"}, "TASKS_BACKEND must be one of database, rq, immediate"),
        ({"TASKS_BACKEND": "rq"}, "TASKS_BACKEND=rq needs REDIS_URL."),
    ],
)
def test_an_unknown_or_unusable_task_backend_is_an_error(env, error):
    result = run_settings("chorus.settings.production", PROBE, **PRODUCTION, **env)
    assert result.returncode != 0
    assert error in result.stderr
