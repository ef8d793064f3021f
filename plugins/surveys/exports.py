"""Every submitted response to a survey as a spreadsheet: CSV or XLSX, one row per response
and one column per question, written as it is read so memory stays flat however many
responses there are.

Responses are read in chunks of :data:`CHUNK` (``QuerySet.iterator(chunk_size=...)``) and
each chunk's answers are fetched with one query, as tuples; the CSV goes out as it is
written (``StreamingHttpResponse``); the XLSX is written row by row by openpyxl's write-only
workbook, in the task queue (``export_tasks``), which saves it to the private storage. Every
cell goes through :func:`chorus.common.csv_cells.safe_cell`, so text that a spreadsheet would
run as a formula stays text. Anonymous surveys never say who answered; identified ones give
the respondent's email address only to staff who may see respondents
(``results_access.sees_respondents``)."""

import csv
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from chorus.common.csv_cells import safe_cell

from .models import Answer, Response
from .questions import FREE_TEXT_KINDS
from .results import submitted, version_label

#: Responses read (and their answers prefetched) at a time.
CHUNK = 500


class _Echo:
    """A file-like object whose ``write`` returns the line, for ``csv.writer``."""

    def write(self, value):
        return value


def _columns(survey):
    """The questions in column order: the survey's own questions, then "about you"."""
    questions = survey.questions
    return [q for q in questions if not q.is_about_you] + [q for q in questions if q.is_about_you]


def header(survey, with_email):
    """The first row."""
    row = [
        _("Response"),
        _("Submitted at"),
        _("How it came in"),
        _("Version"),
        _("Easy Read"),
        _("Entered by"),
    ]
    if with_email:
        row.append(_("Email address"))
    row.extend(question.label for question in _columns(survey))
    return row


def _number(value):
    if value is None:
        return None
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else value.normalize()


def _answer(question, answers):
    """The cell for ``question`` from its ``answers``: ``(value, text, number, rank)``
    tuples, in the order they were stored."""
    if not answers:
        return ""
    value, text, number, _rank = answers[0]
    if question.kind in FREE_TEXT_KINDS:
        return text or value
    if question.kind == "number":
        return _number(number)
    if question.kind == "ranking":
        ordered = sorted(answers, key=lambda answer: (answer[3] is None, answer[3] or 0))
        return "; ".join(question.label_of(answer[0]) for answer in ordered)
    if question.options:
        return "; ".join(question.label_of(answer[0]) for answer in answers)
    return value


def _chunks(iterable, size):
    """Lists of up to ``size`` items of ``iterable``, read as they are needed."""
    chunk = []
    for item in iterable:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


RESPONSE_FIELDS = [
    "pk",
    "submitted_at",
    "channel",
    "language",
    "easy_read",
    "entered_by__first_name",
    "entered_by__last_name",
    "entered_by__email",
]
IDENTITY_FIELDS = ["user__email", "person__email"]


def _entered_by(response):
    name = f"{response['entered_by__first_name']} {response['entered_by__last_name']}".strip()
    return name or response["entered_by__email"] or ""


def rows(survey, with_email):
    """Yield each submitted response to ``survey`` as a list of values, in submission order.

    The responses are read :data:`CHUNK` at a time (a server-side cursor on PostgreSQL), and
    each chunk's answers with one query, as plain tuples: no model instances, and nothing
    kept from one chunk to the next."""
    columns = _columns(survey)
    channels = {value: str(label) for value, label in Response.Channel.choices}
    languages = {}
    yes, no = _("Yes"), _("No")
    fields = RESPONSE_FIELDS + (IDENTITY_FIELDS if with_email else [])
    responses = submitted(survey).order_by("submitted_at", "pk").values(*fields)
    for chunk in _chunks(responses.iterator(chunk_size=CHUNK), CHUNK):
        given = {}
        answers = (
            Answer.objects.filter(response_id__in=[response["pk"] for response in chunk])
            .order_by("pk")
            .values_list("response_id", "question", "value", "text", "number", "rank")
        )
        for response_id, question, *answer in answers:
            given.setdefault(response_id, {}).setdefault(question, []).append(answer)
        for response in chunk:
            mine = given.get(response["pk"], {})
            language = response["language"]
            submitted_at = response["submitted_at"]
            row = [
                response["pk"],
                timezone.localtime(submitted_at).strftime("%Y-%m-%d %H:%M") if submitted_at else "",
                channels.get(response["channel"], response["channel"]),
                languages.get(language)
                or languages.setdefault(language, version_label(language, False)),
                yes if response["easy_read"] else no,
                _entered_by(response),
            ]
            if with_email:
                row.append(response["user__email"] or response["person__email"] or "")
            row.extend(_answer(question, mine.get(question.reference)) for question in columns)
            yield row


def csv_lines(survey, with_email):
    """Yield the CSV text, a line at a time (a byte-order mark first, for Excel)."""
    writer = csv.writer(_Echo())
    yield "\ufeff"
    yield writer.writerow([safe_cell(value) for value in header(survey, with_email)])
    for row in rows(survey, with_email):
        yield writer.writerow([safe_cell(value) for value in row])


def _xlsx_cell(value):
    """A value for a spreadsheet cell: numbers as numbers, text made safe (no formulas, no
    characters the file format cannot hold)."""
    if value is None or value == "":
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    if isinstance(value, Decimal):
        return float(value)
    return ILLEGAL_CHARACTERS_RE.sub("", safe_cell(value))


def write_xlsx(handle, survey, with_email, progress=None):
    """Write the XLSX to the binary file ``handle``, row by row; call ``progress(written)``
    after every :data:`CHUNK` responses, and once at the end, with how many were written
    since the last call. Return the number of responses written."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=str(_("Responses")))
    sheet.append([_xlsx_cell(value) for value in header(survey, with_email)])
    written = since = 0
    for row in rows(survey, with_email):
        sheet.append([_xlsx_cell(value) for value in row])
        written += 1
        since += 1
        if progress is not None and since == CHUNK:
            progress(since)
            since = 0
    workbook.save(handle)
    if progress is not None:
        progress(since)
    return written
