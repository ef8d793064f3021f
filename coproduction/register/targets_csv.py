"""Reading a CSV file of population targets, every row checked before anything is saved.

The file has a header row with the columns ``place``, ``dimension``, ``category`` and
``count`` (in any order; other columns are ignored). ``place`` is a partnership's slug or
title, ``dimension`` a demographic question (``age_band``, ``sex``...), ``category`` one of
its codes, ``count`` a whole number of people (docs/register.md).

    rows, errors = read_targets(uploaded_file)
    if errors: show each error (they carry their line number)
"""

import csv
import io
from dataclasses import dataclass

from django.utils.translation import gettext as _

from partnerships.models import PartnershipHomePage

from ..models.targets import category_error

COLUMNS = ("place", "dimension", "category", "count")
#: The largest file accepted (a whole Census download for a few places is far smaller).
MAX_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True)
class TargetRow:
    """A checked row: the place's primary key, the question, the category and the count."""

    place: int
    dimension: str
    category: str
    count: int

    def as_list(self):
        return [self.place, self.dimension, self.category, self.count]


@dataclass(frozen=True)
class RowError:
    """Why a line of the file cannot be imported."""

    line: int
    message: str

    def __str__(self):
        return _("Line %(line)d: %(message)s") % {"line": self.line, "message": self.message}


class PlaceFinder:
    """Finds a partnership among ``places`` (a queryset) by its slug or title, ignoring case."""

    def __init__(self, places):
        self.by_name = {}
        self.ambiguous = set()
        for pk, slug, title in places.values_list("pk", "slug", "title"):
            for name in {slug.casefold(), title.strip().casefold()}:
                if self.by_name.get(name, pk) != pk:
                    self.ambiguous.add(name)
                self.by_name[name] = pk

    def find(self, name):
        """Return ``(pk, None)``, or ``(None, message)`` when ``name`` names no one place."""
        key = name.strip().casefold()
        if not key:
            return None, _("the place is missing.")
        if key in self.ambiguous:
            return None, _("“%(place)s” names more than one place: use its slug.") % {"place": name}
        if key not in self.by_name:
            return None, _("no place has the slug or title “%(place)s”.") % {"place": name}
        return self.by_name[key], None


def read_targets(file, places=None):
    """Check every row of ``file`` (an uploaded file, or bytes); return ``(rows, errors)``.

    ``places`` are the partnerships the file may name (a queryset; all of them by default).
    ``rows`` are :class:`TargetRow`; ``errors`` are :class:`RowError`, one per bad line (line
    1 is the header). Import only when there are no errors.
    """
    text, problem = _decode(file)
    if problem:
        return [], [RowError(1, problem)]
    reader = csv.reader(io.StringIO(text))
    header = [name.strip().casefold() for name in next(reader, [])]
    missing = [name for name in COLUMNS if name not in header]
    if missing:
        message = _("the header row must name the columns %(columns)s (missing: %(missing)s).")
        return [], [
            RowError(1, message % {"columns": ", ".join(COLUMNS), "missing": ", ".join(missing)})
        ]
    where = {name: header.index(name) for name in COLUMNS}
    places = PlaceFinder(PartnershipHomePage.objects.all() if places is None else places)
    rows, errors, seen = [], [], {}
    for line, values in enumerate(reader, start=2):
        if not any(value.strip() for value in values):
            continue
        fields = {name: values[i].strip() if i < len(values) else "" for name, i in where.items()}
        row, message = _check(fields, places)
        if message is None:
            key = (row.place, row.dimension, row.category)
            if key in seen:
                message = _("the same place and category as line %(line)d.") % {"line": seen[key]}
            seen.setdefault(key, line)
        if message is None:
            rows.append(row)
        else:
            errors.append(RowError(line, message))
    if not rows and not errors:
        errors.append(RowError(2, _("the file has no rows of figures.")))
    return rows, errors


def _decode(file):
    """The file's text, or a message saying why it cannot be read."""
    data = file if isinstance(file, bytes) else file.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        return "", _("the file is larger than 2 MB.")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        return "", _("the file is not a CSV file saved as UTF-8 text.")


def _check(fields, places):
    """Return ``(TargetRow, None)`` or ``(None, message)`` for one row's fields."""
    place, message = places.find(fields["place"])
    if message:
        return None, message
    dimension, category = fields["dimension"].casefold(), fields["category"].casefold()
    message = category_error(dimension, category)
    if message:
        return None, str(message)
    count = fields["count"].replace(",", "")
    if not (count.isascii() and count.isdigit()):
        return None, _("the count “%(count)s” is not a whole number of 0 or more.") % {
            "count": fields["count"]
        }
    return TargetRow(place, dimension, category, int(count)), None
