"""Open data: the insight bank's public records as CSV and JSON (docs/insight-bank.md).

Only public, reviewed records (what an anonymous visitor may see) are ever published here,
whoever asks. Both files are streamed, a chunk of records at a time.
"""

import csv
import json

from django.http import StreamingHttpResponse
from django.utils import timezone

from chorus.common.csv_cells import safe_cell

from .visibility import visible_to

LICENCE = "Open Government Licence v3.0"
LICENCE_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
FIELDS = (
    "id",
    "text",
    "kind",
    "source",
    "source_name",
    "source_url",
    "place",
    "date",
    "themes",
    "tags",
    "group",
    "partnership",
    "organisation",
    "organisation_org_id",
)
CHUNK = 1000


def public_records(site=None):
    return (
        visible_to(None, site)
        .select_related("place", "partnership", "organisation", "source_page")
        .prefetch_related("themes", "tagged_items__tag")
        .order_by("pk")
    )


def as_dict(record):
    return {
        "id": record.pk,
        "text": record.text,
        "kind": record.kind,
        "source": record.source,
        "source_name": record.source_name,
        "source_url": record.source_link,
        "place": record.place.title if record.place_id else "",
        "date": record.date.isoformat(),
        "themes": [theme.name for theme in record.themes.all()],
        "tags": sorted(item.tag.name for item in record.tagged_items.all()),
        "group": record.group_display,
        "partnership": record.partnership.title if record.partnership_id else "",
        "organisation": record.organisation.name if record.organisation_id else "",
        "organisation_org_id": record.organisation.org_id if record.organisation_id else "",
    }


class _Echo:
    def write(self, value):
        return value


def csv_response(site=None, filename="insight-bank.csv"):
    writer = csv.writer(_Echo())

    def rows():
        yield writer.writerow(FIELDS)
        for record in public_records(site).iterator(chunk_size=CHUNK):
            values = as_dict(record)
            values["themes"] = "; ".join(values["themes"])
            values["tags"] = "; ".join(values["tags"])
            yield writer.writerow([safe_cell(values[name]) for name in FIELDS])

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Link"] = f'<{LICENCE_URL}>; rel="license"'
    return response


def json_response(site=None):
    def chunks():
        head = {
            "licence": LICENCE,
            "licence_url": LICENCE_URL,
            "generated_at": timezone.now().isoformat(timespec="seconds"),
            "schema": "docs/insight-bank.md#open-data",
        }
        yield json.dumps(head)[:-1] + ', "records": ['
        first = True
        for record in public_records(site).iterator(chunk_size=CHUNK):
            yield ("" if first else ",") + json.dumps(as_dict(record), ensure_ascii=False)
            first = False
        yield "]}"

    response = StreamingHttpResponse(chunks(), content_type="application/json; charset=utf-8")
    response["Link"] = f'<{LICENCE_URL}>; rel="license"'
    return response
