"""360Giving grants as a CSV file, with the standard's own column titles.

360Giving's flat format names each column by the schema's titles, joined with ``:`` for a
field of a nested object: ``Recipient Org:Identifier`` is ``recipientOrganization[0].id``.
Each grant here has at most one recipient, funder, location, programme and planned date
range, so one row per grant holds everything.

Cells are text that a spreadsheet may open, so they are written through
:func:`chorus.common.csv_cells.safe_cell`: an organisation called ``=HYPERLINK(...)`` stays
text.
"""

from __future__ import annotations

import csv
import io

from chorus.common.csv_cells import safe_cell

#: (column title, path into a grant record), in the order 360Giving's templates use.
COLUMNS = [
    ("Identifier", ("id",)),
    ("Title", ("title",)),
    ("Description", ("description",)),
    ("Currency", ("currency",)),
    ("Amount Awarded", ("amountAwarded",)),
    ("Amount Disbursed", ("amountDisbursed",)),
    ("Award Date", ("awardDate",)),
    ("Planned Dates:Start Date", ("plannedDates", 0, "startDate")),
    ("Planned Dates:End Date", ("plannedDates", 0, "endDate")),
    ("Recipient Org:Identifier", ("recipientOrganization", 0, "id")),
    ("Recipient Org:Name", ("recipientOrganization", 0, "name")),
    ("Recipient Org:Charity Number", ("recipientOrganization", 0, "charityNumber")),
    ("Recipient Org:Company Number", ("recipientOrganization", 0, "companyNumber")),
    ("Funding Org:Identifier", ("fundingOrganization", 0, "id")),
    ("Funding Org:Name", ("fundingOrganization", 0, "name")),
    ("Beneficiary Location:Name", ("beneficiaryLocation", 0, "name")),
    ("Beneficiary Location:Country Code", ("beneficiaryLocation", 0, "countryCode")),
    ("Beneficiary Location:Geographic Code", ("beneficiaryLocation", 0, "geoCode")),
    ("Beneficiary Location:Geographic Code Type", ("beneficiaryLocation", 0, "geoCodeType")),
    ("Grant Programme:Code", ("grantProgramme", 0, "code")),
    ("Grant Programme:Title", ("grantProgramme", 0, "title")),
    ("Grant Programme:URL", ("grantProgramme", 0, "url")),
    ("From An Open Call?", ("fromOpenCall",)),
    ("Last Modified", ("dateModified",)),
]


def _lookup(record, path):
    value = record
    for key in path:
        try:
            value = value[key]
        except (KeyError, IndexError, TypeError):
            return None
    return value


def rows(grants):
    """Yield the header row, then one row per grant."""
    yield [title for title, _ in COLUMNS]
    for record in grants:
        yield [safe_cell(_lookup(record, path)) for _, path in COLUMNS]


def write_csv(grants, stream):
    """Write ``grants`` as 360Giving CSV to the text ``stream``."""
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerows(rows(grants))


def csv_text(grants) -> str:
    """Return ``grants`` as 360Giving CSV text."""
    buffer = io.StringIO()
    write_csv(grants, buffer)
    return buffer.getvalue()
