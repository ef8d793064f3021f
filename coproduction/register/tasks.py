"""Importing population targets in the task queue, with progress the admin can show.

:func:`start_import` records a :class:`~coproduction.models.TargetImport` with the checked
rows and enqueues :func:`import_targets`, which replaces each place's figures for the
questions the file covers, one place at a time, counting the rows done as it goes.
"""

import logging
from itertools import groupby
from operator import itemgetter

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from ..models import PopulationTarget, TargetImport

logger = logging.getLogger(__name__)


def start_import(rows, *, filename, source, illustrative, user):
    """Record an import of ``rows`` (checked :class:`~.targets_csv.TargetRow`) and queue it."""
    job = TargetImport.objects.create(
        filename=filename[:255],
        source=source,
        illustrative=illustrative,
        rows=[row.as_list() for row in rows],
        total=len(rows),
        uploaded_by=user,
    )
    transaction.on_commit(lambda: import_targets.enqueue(job.pk), robust=True)
    return job


@task()
def import_targets(job_id):
    """Import the rows of the :class:`TargetImport` ``job_id``, if no worker has started it.

    Each place is replaced in its own transaction: its figures for the questions in the
    file are deleted and the file's written. Returns the number of rows imported.
    """
    claimed = TargetImport.objects.filter(pk=job_id, status=TargetImport.Status.QUEUED).update(
        status=TargetImport.Status.RUNNING
    )
    if not claimed:
        return 0
    job = TargetImport.objects.get(pk=job_id)
    try:
        for place, rows in groupby(sorted(job.rows, key=itemgetter(0)), key=itemgetter(0)):
            _replace_place(job, place, list(rows))
    except Exception as error:
        logger.exception("Population target import %s failed", job_id)
        _finish(job_id, TargetImport.Status.FAILED, error=str(error))
        raise
    _finish(job_id, TargetImport.Status.DONE)
    return job.total


def _replace_place(job, place, rows):
    with transaction.atomic():
        dimensions = {dimension for _place, dimension, _category, _count in rows}
        PopulationTarget.objects.filter(place_id=place, dimension__in=dimensions).delete()
        PopulationTarget.objects.bulk_create(
            PopulationTarget(
                place_id=place,
                dimension=dimension,
                category=category,
                count=count,
                source=job.source,
                illustrative=job.illustrative,
            )
            for _place, dimension, category, count in rows
        )
        TargetImport.objects.filter(pk=job.pk).update(done=F("done") + len(rows))


def _finish(job_id, status, error=""):
    TargetImport.objects.filter(pk=job_id).update(
        status=status, error=error, finished_at=timezone.now()
    )
