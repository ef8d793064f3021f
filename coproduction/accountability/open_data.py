"""The tracker as open data: JSON (recommendations with their commitments and updates) and
CSV (one row per commitment), with the tracker's filters. The schema and licence are in
docs/you-said-we-did.md; CSV cells go through :func:`chorus.common.csv_cells.safe_cell`.

Only what the public tracker shows is published: nobody's name or email address (a
commitment's owner is named by their organisation only).
"""

import csv

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.utils import timezone

from chorus.common.csv_cells import safe_cell

from .tracker import filtered_recommendations, with_details

#: Bumped when a field's meaning changes.
SCHEMA_VERSION = 1
CSV_COLUMNS = [
    "recommendation_id",
    "recommendation",
    "what_people_said",
    "source",
    "source_name",
    "source_url",
    "site",
    "places",
    "made_on",
    "commitment_id",
    "commitment",
    "organisation",
    "organisation_id",
    "due_date",
    "status",
    "reason_not_doing",
    "overdue",
    "last_update",
    "last_update_on",
]


#: Creative Commons Attribution 4.0, unless ``CHORUS_TRACKER_OPEN_DATA_LICENSE`` says otherwise.
DEFAULT_LICENSE = "https://creativecommons.org/licenses/by/4.0/"


def licence():
    """The licence the data is published under (``CHORUS_TRACKER_OPEN_DATA_LICENSE``)."""
    return getattr(settings, "CHORUS_TRACKER_OPEN_DATA_LICENSE", DEFAULT_LICENSE)


def _recommendations(page, request):
    _form, recommendations = filtered_recommendations(page, request.GET)
    return with_details(recommendations)


def _source_url(recommendation):
    if recommendation.source_url:
        return recommendation.source_url
    if recommendation.source_page_id and recommendation.source_page.live:
        return recommendation.source_page.full_url or ""
    return ""


def _commitment(commitment):
    updates = list(commitment.updates.all())
    return {
        "id": commitment.pk,
        "commitment": commitment.action,
        "organisation": {"id": commitment.organisation_id, "name": commitment.organisation.name},
        "due_date": commitment.due_date.isoformat(),
        "status": commitment.status,
        "reason_not_doing": commitment.reason if commitment.status == "not_doing" else "",
        "overdue": commitment.is_overdue,
        "updates": [
            {
                "date": update.made_at.date().isoformat(),
                "old_status": update.old_status or None,
                "new_status": update.new_status or None,
                "text": update.text,
            }
            for update in updates
        ],
    }


def as_json(recommendation):
    """One recommendation as the JSON open data has it."""
    return {
        "id": recommendation.pk,
        "recommendation": recommendation.title,
        "what_people_said": recommendation.what_people_said,
        "source": {
            "kind": recommendation.source_kind,
            "name": recommendation.source_name,
            "url": _source_url(recommendation),
        },
        "site": recommendation.site.site_name or recommendation.site.hostname,
        "places": [place.title for place in recommendation.places.all()],
        "made_on": recommendation.made_on.isoformat(),
        "commitments": [_commitment(c) for c in recommendation.commitments.all()],
    }


def json_response(page, request):
    """The tracker's recommendations as JSON."""
    data = {
        "schema_version": SCHEMA_VERSION,
        "title": page.title,
        "url": page.full_url,
        "licence": licence(),
        "generated_at": timezone.now().isoformat(timespec="seconds"),
        "recommendations": [as_json(r) for r in _recommendations(page, request)],
    }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["Access-Control-Allow-Origin"] = "*"
    return response


def csv_rows(recommendations):
    """Yield the CSV's rows (lists of cells), one per commitment; a recommendation with no
    commitment yet has one row with its commitment's cells empty."""
    yield CSV_COLUMNS
    for recommendation in recommendations:
        data = as_json(recommendation)
        head = [
            data["id"],
            data["recommendation"],
            data["what_people_said"],
            data["source"]["kind"],
            data["source"]["name"],
            data["source"]["url"],
            data["site"],
            "; ".join(data["places"]),
            data["made_on"],
        ]
        if not data["commitments"]:
            yield [*head, *[""] * (len(CSV_COLUMNS) - len(head))]
        for commitment in data["commitments"]:
            last = commitment["updates"][-1] if commitment["updates"] else None
            yield [
                *head,
                commitment["id"],
                commitment["commitment"],
                commitment["organisation"]["name"],
                commitment["organisation"]["id"],
                commitment["due_date"],
                commitment["status"],
                commitment["reason_not_doing"],
                "yes" if commitment["overdue"] else "no",
                last["text"] if last else "",
                last["date"] if last else "",
            ]


def csv_response(page, request):
    """The tracker's commitments as CSV, safe to open in a spreadsheet."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="you-said-we-did.csv"'
    response["Access-Control-Allow-Origin"] = "*"
    writer = csv.writer(response)
    for row in csv_rows(_recommendations(page, request)):
        writer.writerow([safe_cell(cell) for cell in row])
    return response
