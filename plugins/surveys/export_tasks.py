"""Excel files of a survey's responses, written in the task queue.

:func:`start_export` records a :class:`~plugins.surveys.models.SurveyExport` (deciding then
whether it names respondents) and queues :func:`write_export` once the row is committed. The
task claims the export, counts the responses, writes them with openpyxl's write-only
workbook, saving its progress after every :data:`~plugins.surveys.exports.CHUNK` responses
so the export's page shows how far it has got, and saves the file to the private storage.
:func:`delete_old_exports` deletes finished exports and their files after some days.
"""

import logging
import tempfile
from datetime import timedelta
from functools import partial

from django.core.files import File
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from . import exports
from .models import SurveyExport
from .results import submitted
from .results_access import sees_respondents

logger = logging.getLogger(__name__)


def start_export(survey, user):
    """Record an XLSX export of ``survey`` asked for by ``user`` and queue its task once the
    row is committed. Email addresses go in only if ``user`` may see respondents now."""
    export = SurveyExport.objects.create(
        survey=survey,
        format=SurveyExport.Format.XLSX,
        with_email=sees_respondents(user, survey),
        created_by=user,
    )
    transaction.on_commit(partial(write_export.enqueue, export.pk), robust=True)
    return export


@task()
def write_export(export_id):
    """Write the XLSX of export ``export_id``, if no worker has started it; return the
    number of responses written."""
    claimed = SurveyExport.objects.filter(pk=export_id, status=SurveyExport.Status.QUEUED).update(
        status=SurveyExport.Status.RUNNING, done=0
    )
    if not claimed:
        return 0
    export = SurveyExport.objects.select_related("survey").get(pk=export_id)
    survey = export.survey
    try:
        total = submitted(survey).count()
        SurveyExport.objects.filter(pk=export_id).update(total=total)
        with tempfile.TemporaryFile(suffix=".xlsx") as handle:
            written = exports.write_xlsx(
                handle, survey, export.with_email, progress=partial(_progress, export_id)
            )
            handle.seek(0)
            export.file.save(f"survey-{survey.pk}-{export.pk}.xlsx", File(handle), save=False)
    except Exception:
        logger.exception("Survey export %s failed", export_id)
        _finish(export_id, SurveyExport.Status.FAILED)
        raise
    # Responses submitted while it ran are written too: the total is what was written.
    SurveyExport.objects.filter(pk=export_id).update(
        file=export.file.name, total=written, done=written
    )
    _finish(export_id, SurveyExport.Status.DONE)
    return written


def _progress(export_id, written):
    if written:
        SurveyExport.objects.filter(pk=export_id).update(done=F("done") + written)


def _finish(export_id, status):
    SurveyExport.objects.filter(pk=export_id).update(status=status, finished_at=timezone.now())


def delete_old_exports(days):
    """Delete the exports asked for more than ``days`` days ago, with their files; return
    how many were deleted. (One still queued or running after a day has lost its worker.)"""
    old = SurveyExport.objects.filter(created_at__lt=timezone.now() - timedelta(days=days))
    deleted = 0
    for export in old.iterator():
        if export.file:
            export.file.delete(save=False)
        export.delete()
        deleted += 1
    return deleted
