"""The mail-merge file for a send: the people it reaches by post, one row each.

Written on request from the send's delivery rows, never kept as a file: it holds postal
addresses, and a person erased from the register since the send drops out of it.
"""

import csv

from django.utils.translation import gettext as _

from chorus.common.csv_cells import safe_cell
from chorus.support.needs import Format
from coproduction.models import BulletinDelivery, Person

#: Rows read from the database at a time.
CHUNK = 500


def header():
    return [
        _("Name"),
        _("Postal address"),
        _("Postcode"),
        _("Language"),
        _("Format"),
        _("Communication support"),
        _("Interpreter's language"),
        _("Other access needs"),
        _("Version sent"),
    ]


def rows(send):
    """The header, then one row per person ``send`` reaches by post (a generator)."""
    yield header()
    languages = dict(Person._meta.get_field("language").choices)
    formats = dict(Format.choices)
    deliveries = (
        BulletinDelivery.objects.filter(send=send, channel=BulletinDelivery.Channel.POST)
        .exclude(person__status=Person.Status.ERASED)
        .select_related("person", "version")
        .order_by("person__postcode", "person__pk")
    )
    for delivery in deliveries.iterator(chunk_size=CHUNK):
        person = delivery.person
        yield [
            person.name,
            person.postal_address,
            person.postcode,
            languages.get(person.language, person.language),
            formats.get(person.format, _("Standard print")),
            "; ".join(person.support_labels),
            person.interpreter_language,
            person.other_access_needs,
            delivery.version.title if delivery.version else "",
        ]


class _Line:
    """A file-like object that hands back what the CSV writer writes."""

    def write(self, value):
        return value


def lines(send):
    """The CSV text, line by line, with every cell safe to open in a spreadsheet."""
    writer = csv.writer(_Line())
    for row in rows(send):
        yield writer.writerow([safe_cell(cell) for cell in row])
