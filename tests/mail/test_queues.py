"""The outbox on real queues: django-tasks-db's worker, and RQ on Redis when it is there."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from chorus.mail.models import OutgoingEmail
from tests.services import redis_is_running

#: The test Redis database of the task-queue tests (others use 1, 2 and 4).
REDIS_URL = "redis://127.0.0.1:6379/3"

Status = OutgoingEmail.Status

#: Committed rows, so the worker's transactions see them as another process's would;
#: serialized_rollback puts back the rows migrations made (as tests/concurrency does), and
#: keeps the content types' ids for the transactional tests that run after these.
COMMITTED = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def run_db_worker():
    """``manage.py db_worker`` in batch mode: every task that is due, then exit."""
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@COMMITTED
def test_the_database_worker_delivers_a_queued_email(database_queue, mailoutbox):
    mail.send_mail("Your booking", "See you on Tuesday.", None, ["amina@example.org"])
    assert mailoutbox == []
    [task] = DBTaskResult.objects.all()
    assert task.task_path == "chorus.mail.tasks.deliver_emails"
    assert OutgoingEmail.objects.get().status == Status.QUEUED

    run_db_worker()

    [message] = mailoutbox
    assert message.subject == "Your booking"
    assert OutgoingEmail.objects.get().status == Status.SENT
    run_db_worker()
    assert len(mailoutbox) == 1


@COMMITTED
def test_the_database_queue_retries_later_when_the_server_is_down(
    database_queue, mail_server, mailoutbox
):
    mail_server.down()
    mail.send_mail("Your booking", "See you on Tuesday.", None, ["amina@example.org"])
    run_db_worker()
    email = OutgoingEmail.objects.get()
    assert (email.status, email.attempts) == (Status.QUEUED, 1)
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.run_after == email.next_attempt_at
    mail_server.up()
    run_db_worker()  # the retry is not due yet
    assert mailoutbox == []
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    run_db_worker()
    assert len(mailoutbox) == 1


@COMMITTED
def test_an_email_rolled_back_with_its_transaction_leaves_no_task(database_queue, mailoutbox):
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        mail.send_mail("Never", "Rolled back", None, ["amina@example.org"])
        raise RuntimeError("the action failed")
    assert not OutgoingEmail.objects.exists()
    assert not DBTaskResult.objects.exists()


@pytest.fixture
def rq_queue(settings):
    """RQ on Redis database 3, emptied before and after."""
    import django_rq

    settings.RQ_QUEUES = {"default": {"URL": REDIS_URL}}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend"}}
    settings.RQ = {"JOB_CLASS": "django_tasks_rq.Job"}
    connection = django_rq.get_connection("default")
    connection.flushdb()
    yield django_rq.get_queue("default")
    connection.flushdb()


@pytest.mark.skipif(not redis_is_running(), reason="RQ needs Redis on 127.0.0.1:6379 (not running)")
@pytest.mark.django_db
def test_an_rq_worker_delivers_a_queued_email_once_committed(
    rq_queue, mailoutbox, django_capture_on_commit_callbacks
):
    import django_rq

    with django_capture_on_commit_callbacks(execute=True):
        mail.send_mail("Your booking", "See you on Tuesday.", None, ["amina@example.org"])
        assert rq_queue.count == 0  # not before the email is committed
    assert rq_queue.count == 1

    # In this process and connection, so the worker sees the test's uncommitted rows.
    django_rq.get_worker("default", worker_class="rq.SimpleWorker").work(burst=True)

    [message] = mailoutbox
    assert message.to == ["amina@example.org"]
    assert OutgoingEmail.objects.get().status == Status.SENT
