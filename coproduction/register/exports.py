"""Contact lists: a CSV of the people contactable for a purpose, written by a task.

:func:`start_export` records a :class:`RegisterExport` and queues :func:`write_export`, which
counts the people, then writes them in batches, saving its progress after each, so the
export list shows how far it has got. The file goes to the private storage and is served
only by the permission-checked download view. Cells go through ``safe_cell`` so no cell runs
as a spreadsheet formula.
"""

import csv
import tempfile
from functools import partial

from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from chorus.common.csv_cells import safe_cell
from chorus.support.needs import Format
from coproduction.models import Person, RegisterExport
from coproduction.models.consent import Purpose

from .permissions import people_for
from .segments import Segment

#: People read and written per batch (and progress saved after each).
BATCH_SIZE = 500

#: The columns: (heading, how to read the cell from a person).
COLUMNS = [
    (_("Name"), lambda person: person.name),
    (_("Email"), lambda person: person.email),
    (_("Phone"), lambda person: person.phone),
    (_("Postal address"), lambda person: person.postal_address),
    (_("Postcode"), lambda person: person.postcode),
    (_("Contact by"), lambda person: ", ".join(str(label) for label in person.contact_methods)),
    (_("Language"), lambda person: person.get_language_display()),
    (_("Format"), lambda person: str(dict(Format.choices).get(person.format, person.format))),
    (_("Communication support"), lambda person: ", ".join(person.support_labels)),
    (_("Interpreter's language"), lambda person: person.interpreter_language),
    (_("Other access needs"), lambda person: person.other_access_needs),
]


def start_export(*, purpose, place, user):
    """Record an export for ``user`` and queue its task once the row is committed."""
    export = RegisterExport.objects.create(purpose=purpose, place=place, created_by=user)
    transaction.on_commit(partial(write_export.enqueue, export.pk))
    return export


def contactable(export):
    """The people the export lists: on the register, consenting to its purpose, in its place
    if one was chosen, and among those its maker may see (checked when the task runs)."""
    if export.purpose == Purpose.EQUALITY_MONITORING:
        return Person.objects.none()  # never a list of names from special-category data
    places = (export.place_id,) if export.place_id else ()
    people = Segment(purpose=export.purpose, places=places).people()
    return people.filter(pk__in=people_for(export.created_by).values("pk")).order_by("pk")


@task()
def write_export(export_id):
    """Write the CSV of export ``export_id`` in batches; return the number of people."""
    export = RegisterExport.objects.select_related("created_by").get(pk=export_id)
    if not export.in_progress:
        return export.done
    people = contactable(export)
    export.status = RegisterExport.Status.RUNNING
    export.total = people.count()
    export.done = 0
    export.save(update_fields=["status", "total", "done"])
    try:
        with tempfile.TemporaryFile("w+", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow([str(heading) for heading, _read in COLUMNS])
            batch = 0
            for person in people.iterator(chunk_size=BATCH_SIZE):
                writer.writerow([safe_cell(read(person)) for _heading, read in COLUMNS])
                batch += 1
                if batch == BATCH_SIZE:
                    _progress(export, batch)
                    batch = 0
            _progress(export, batch)
            handle.seek(0)
            export.file.save(f"register-{export.pk}-{export.purpose}.csv", File(handle), save=False)
    except Exception:
        export.status = RegisterExport.Status.FAILED
        export.finished_at = timezone.now()
        export.save(update_fields=["status", "finished_at"])
        raise
    export.status = RegisterExport.Status.DONE
    export.finished_at = timezone.now()
    export.save(update_fields=["status", "file", "finished_at"])
    return export.done


def _progress(export, written):
    export.done += written
    RegisterExport.objects.filter(pk=export.pk).update(done=export.done)
