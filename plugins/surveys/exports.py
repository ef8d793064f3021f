"""Every submitted response to a survey as a spreadsheet: CSV or XLSX, one row per response
and one column per question, written as it is read so memory stays flat however many
responses there are.

Responses are read in chunks of :data:`CHUNK` with their answers prefetched per chunk
(``QuerySet.iterator(chunk_size=...)`` with ``prefetch_related``); the CSV goes out as it is
written (``StreamingHttpResponse``), the XLSX is written row by row by openpyxl's write-only
workbook to a temporary file that is then streamed. Every cell goes through
:func:`chorus.common.csv_cells.safe_cell`, so text that a spreadsheet would run as a formula
stays text. Anonymous surveys never say who answered; identified ones give the respondent's
email address only to staff who may see respondents (``results_access.sees_respondents``).
"""

import csv
import tempfile
from decimal import Decimal

from django.db.models import Prefetch
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
    """The cell for ``question`` from its ``answers`` (Answer rows)."""
    if not answers:
        return ""
    if question.kind in FREE_TEXT_KINDS:
        return answers[0].text or answers[0].value
    if question.kind == "number":
        return _number(answers[0].number)
    if question.kind == "ranking":
        ordered = sorted(answers, key=lambda answer: (answer.rank is None, answer.rank or 0))
        return "; ".join(question.label_of(answer.value) for answer in ordered)
    if question.options:
        return "; ".join(question.label_of(answer.value) for answer in answers)
    return answers[0].value


def _person(user):
    if user is None:
        return ""
    return user.get_full_name() or user.email


def _email(response):
    if response.user is not None and response.user.email:
        return response.user.email
    if response.person is not None:
        return response.person.email
    return ""


def rows(survey, with_email):
    """Yield each submitted response to ``survey`` as a list of values, in submission order.
    One query for the responses per chunk and one for their answers."""
    columns = _columns(survey)
    channels = dict(Response.Channel.choices)
    yes, no = _("Yes"), _("No")
    related = ["entered_by"] + (["user", "person"] if with_email else [])
    responses = (
        submitted(survey)
        .select_related(*related)
        .prefetch_related(
            Prefetch(
                "answers",
                queryset=Answer.objects.only(
                    "response_id", "question", "value", "text", "number", "rank"
                ).order_by("pk"),
            )
        )
        .order_by("submitted_at", "pk")
    )
    for response in responses.iterator(chunk_size=CHUNK):
        given = {}
        for answer in response.answers.all():
            given.setdefault(answer.question, []).append(answer)
        submitted_at = response.submitted_at
        row = [
            response.pk,
            timezone.localtime(submitted_at).strftime("%Y-%m-%d %H:%M") if submitted_at else "",
            channels.get(response.channel, response.channel),
            version_label(response.language, False),
            yes if response.easy_read else no,
            _person(response.entered_by),
        ]
        if with_email:
            row.append(_email(response))
        row.extend(_answer(question, given.get(question.reference)) for question in columns)
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


def xlsx_file(survey, with_email):
    """Write the XLSX to a temporary file (deleted when closed) and return it, rewound."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=str(_("Responses")))
    sheet.append([_xlsx_cell(value) for value in header(survey, with_email)])
    for row in rows(survey, with_email):
        sheet.append([_xlsx_cell(value) for value in row])
    output = tempfile.TemporaryFile(suffix=".xlsx")
    workbook.save(output)
    output.seek(0)
    return output
