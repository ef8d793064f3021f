"""Bulk import of insight records from a CSV or Excel (XLSX) file, in the task queue.

The file has a header row naming its columns, in any order (other columns are ignored):

- required: ``text``, ``source``, ``date``, ``consent``;
- optional: ``kind``, ``place``, ``themes``, ``tags``, ``group``, ``source_label``,
  ``source_url``, ``organisation``.

:func:`start_import` keeps the file with an :class:`~coproduction.models.InsightImport` and
queues :func:`import_insight`, which reads it row by row twice: first it checks every row
(counting them, so the admin shows progress), and if any is wrong the whole file is rejected
with each bad line named; otherwise it imports every row in one transaction, in batches, so
either all of the file is in or none of it. Rows are never all held in memory at once.
"""

import csv
import datetime
import io
import logging
from itertools import islice

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task
from taggit.models import Tag
from wagtail.search.backends import get_search_backend

from coproduction.models import (
    ConsentLevel,
    Insight,
    InsightImport,
    InsightSource,
    InsightTag,
    InsightTheme,
)
from coproduction.register.targets_csv import PlaceFinder
from partnerships.models import PartnerOrganisation, PartnershipHomePage

from ..models.insight import group_choices
from .freshness import refresh_insight_pages

logger = logging.getLogger(__name__)

REQUIRED = ("text", "source", "date", "consent")
OPTIONAL = (
    "kind",
    "place",
    "themes",
    "tags",
    "group",
    "source_label",
    "source_url",
    "organisation",
)
#: The largest file accepted.
MAX_BYTES = 20 * 1024 * 1024
#: Rows written per query, and how often progress is recorded.
BATCH = 500
#: Bad lines kept to show (the count is kept of all of them).
MAX_ERRORS_KEPT = 1000
MAX_TEXT = 10_000


def progress_key(job_id):
    return f"coproduction:insight-import:{job_id}:done"


class ImportFileError(ValueError):
    """The file as a whole cannot be read."""


def start_import(upload, *, partnership, user):
    """Keep ``upload`` (an uploaded file) and queue its import. Raises
    :class:`ImportFileError` for a file that is too large or of another kind."""
    name = upload.name or ""
    if not name.lower().endswith((".csv", ".xlsx")):
        raise ImportFileError(_("The file must be a CSV file or an Excel (.xlsx) workbook."))
    data = upload.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ImportFileError(_("The file is larger than 20 MB."))
    job = InsightImport.objects.create(
        filename=name[:255], data=data, partnership=partnership, uploaded_by=user
    )
    transaction.on_commit(lambda: import_insight.enqueue(job.pk), robust=True)
    return job


def _lines(filename, data):
    """Each row of the file as a list of values, starting with the header (line 1)."""
    if filename.lower().endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as error:
            raise ImportFileError(
                _("The file is not an Excel workbook that can be read.")
            ) from error
        try:
            for row in workbook.active.iter_rows(values_only=True):
                yield ["" if value is None else value for value in row]
        finally:
            workbook.close()
        return
    stream = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8-sig", newline="")
    try:
        yield from csv.reader(stream)
    except UnicodeDecodeError as error:
        raise ImportFileError(_("The file is not a CSV file saved as UTF-8 text.")) from error


class RowChecker:
    """Checks one row's values, with every lookup (places, themes...) loaded once."""

    def __init__(self):
        self.places = PlaceFinder(PartnershipHomePage.objects.all())
        self.themes = {}
        for pk, name, slug in InsightTheme.objects.values_list("pk", "name", "slug"):
            self.themes[name.casefold()] = pk
            self.themes[slug.casefold()] = pk
        self.organisations = {
            name.casefold(): pk
            for pk, name in PartnerOrganisation.objects.values_list("pk", "name")
        }
        self.sources = self._choices(InsightSource.choices)
        self.consents = self._choices(ConsentLevel.choices)
        self.kinds = self._choices(Insight.Kind.choices)
        self.groups = {value.casefold(): value for value, _label in group_choices()}
        self.url = URLValidator()

    @staticmethod
    def _choices(choices):
        found = {}
        for value, label in choices:
            found[value.casefold()] = value
            found[str(label).casefold()] = value
        return found

    def check(self, fields):
        """Return ``(values, None)`` for a good row, else ``(None, message)``."""
        text = str(fields["text"]).strip()
        if not text:
            return None, _("the text is missing.")
        if len(text) > MAX_TEXT:
            return None, _("the text is longer than 10,000 characters.")
        values = {"text": text}
        for name, known, label in (
            ("source", self.sources, _("source")),
            ("consent", self.consents, _("consent level")),
        ):
            value = known.get(str(fields[name]).strip().casefold())
            if value is None:
                return None, _("“%(value)s” is not a %(name)s this bank knows.") % {
                    "value": fields[name],
                    "name": label,
                }
            values[name] = value
        kind = str(fields.get("kind", "")).strip()
        values["kind"] = self.kinds.get(kind.casefold()) if kind else Insight.Kind.SUMMARY
        if values["kind"] is None:
            return None, _("the kind must be “quote” or “summary”.")
        date, message = self._date(fields["date"])
        if message:
            return None, message
        values["date"] = date
        place = str(fields.get("place", "")).strip()
        values["place_id"] = None
        if place:
            values["place_id"], message = self.places.find(place)
            if message:
                return None, message
        theme_ids = []
        for name in self._split(fields.get("themes", "")):
            if name.casefold() not in self.themes:
                return None, _("there is no theme “%(theme)s” (add it under Themes first).") % {
                    "theme": name
                }
            theme_ids.append(self.themes[name.casefold()])
        values["theme_ids"] = sorted(set(theme_ids))
        values["tag_names"] = [tag[:100] for tag in self._split(fields.get("tags", ""))]
        group = str(fields.get("group", "")).strip()
        values["group"] = self.groups.get(group.casefold(), group)[:100]
        values["source_label"] = str(fields.get("source_label", "")).strip()[:255]
        url = str(fields.get("source_url", "")).strip()
        if url:
            try:
                self.url(url)
            except ValidationError:
                return None, _("“%(url)s” is not a web address.") % {"url": url}
        values["source_url"] = url[:500]
        organisation = str(fields.get("organisation", "")).strip()
        values["organisation_id"] = None
        if organisation:
            values["organisation_id"] = self.organisations.get(organisation.casefold())
            if values["organisation_id"] is None:
                return None, _("there is no partner organisation “%(name)s”.") % {
                    "name": organisation
                }
        return values, None

    @staticmethod
    def _split(value):
        return [part.strip() for part in str(value or "").split(";") if part.strip()]

    @staticmethod
    def _date(value):
        if isinstance(value, datetime.datetime):
            return value.date(), None
        if isinstance(value, datetime.date):
            return value, None
        text = str(value).strip()
        for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
            try:
                return datetime.datetime.strptime(text, pattern).date(), None
            except ValueError:
                continue
        return None, _("the date “%(date)s” is not a date like 2026-03-31.") % {"date": text}


def checked_rows(job, checker):
    """``(line, values, message)`` for each row of ``job``'s file with anything in it."""
    lines = _lines(job.filename, bytes(job.data))
    header = [str(name).strip().casefold() for name in next(lines, [])]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        message = _("the header row must name the columns %(columns)s (missing: %(missing)s).")
        yield 1, None, message % {"columns": ", ".join(REQUIRED), "missing": ", ".join(missing)}
        return
    where = {name: header.index(name) for name in (*REQUIRED, *OPTIONAL) if name in header}
    for line, row in enumerate(lines, start=2):
        if not any(str(value).strip() for value in row):
            continue
        fields = {name: row[i] if i < len(row) else "" for name, i in where.items()}
        values, message = checker.check(fields)
        yield line, values, message


@task()
def import_insight(job_id):
    """Check, then import, the file of the :class:`InsightImport` ``job_id`` (once)."""
    claimed = InsightImport.objects.filter(pk=job_id, status=InsightImport.Status.QUEUED).update(
        status=InsightImport.Status.CHECKING
    )
    if not claimed:
        return 0
    job = InsightImport.objects.get(pk=job_id)
    try:
        total = _check(job)
        if total is None:
            return 0
        _import(job, total)
    except ImportFileError as error:
        _finish(job_id, InsightImport.Status.REJECTED, errors=[[1, str(error)]], error_count=1)
        return 0
    except Exception as error:
        logger.exception("Insight import %s failed", job_id)
        _finish(job_id, InsightImport.Status.FAILED, error=str(error))
        raise
    _finish(job_id, InsightImport.Status.DONE, done=total)
    # Written in bulk (no save signals): cached insight bank pages are refreshed once.
    refresh_insight_pages()
    return total


def _check(job):
    """Check every row; reject the file (returning ``None``) if any is wrong."""
    errors, error_count, count = [], 0, 0
    for line, _values, message in checked_rows(job, RowChecker()):
        count += 1
        if message is not None:
            error_count += 1
            if len(errors) < MAX_ERRORS_KEPT:
                errors.append([line, str(message)])
        if count % BATCH == 0:
            InsightImport.objects.filter(pk=job.pk).update(checked=count)
    if not count:
        errors, error_count = [[2, _("the file has no rows of records.")]], 1
    if error_count:
        _finish(
            job.pk,
            InsightImport.Status.REJECTED,
            checked=count,
            errors=errors,
            error_count=error_count,
        )
        return None
    InsightImport.objects.filter(pk=job.pk).update(
        checked=count, total=count, status=InsightImport.Status.IMPORTING
    )
    return count


def _import(job, total):
    """Write every row in one transaction, a batch at a time, indexing each batch."""
    checker = RowChecker()
    rows = (values for _line, values, _message in checked_rows(job, checker))
    backend = get_search_backend()
    tags = {}
    done = 0
    with transaction.atomic():
        while batch := list(islice(rows, BATCH)):
            records = Insight.objects.bulk_create(
                Insight(
                    partnership_id=job.partnership_id,
                    **{k: v for k, v in values.items() if k not in ("theme_ids", "tag_names")},
                )
                for values in batch
            )
            Insight.themes.through.objects.bulk_create(
                Insight.themes.through(insight_id=record.pk, insighttheme_id=theme)
                for record, values in zip(records, batch, strict=True)
                for theme in values["theme_ids"]
            )
            through = []
            for record, values in zip(records, batch, strict=True):
                for name in values["tag_names"]:
                    if name not in tags:
                        tags[name] = Tag.objects.get_or_create(name=name)[0].pk
                    through.append(InsightTag(content_object_id=record.pk, tag_id=tags[name]))
            InsightTag.objects.bulk_create(through, ignore_conflicts=True)
            backend.add_bulk(Insight, records)
            done += len(batch)
            cache.set(progress_key(job.pk), done, 3600)
    return done


def _finish(job_id, status, **fields):
    InsightImport.objects.filter(pk=job_id).update(
        status=status, finished_at=timezone.now(), data=b"", **fields
    )
    cache.delete(progress_key(job_id))


def progress(job):
    """Rows imported so far (while importing, the figure the task keeps in the cache)."""
    if job.status == InsightImport.Status.IMPORTING:
        return cache.get(progress_key(job.pk), 0)
    return job.done
