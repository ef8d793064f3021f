"""The register as a list: filtering, searching, and the CSV export of what is shown."""

import csv
import re

from django.db.models import F, Q
from django.utils.translation import gettext as _

from chorus.common.csv_cells import safe_cell

#: A membership number as typed: "SC-0007", "sc 7", "0007" or "7".
NUMBER = re.compile(r"^\s*(?:[A-Za-z]+[\s-]*)?0*(\d{1,9})\s*$")


def search(memberships, text):
    """Memberships whose holder's name or email contains ``text``, or whose number it is."""
    text = (text or "").strip()
    if not text:
        return memberships
    where = Q(user__email__icontains=text)
    for word in text.split():
        where |= Q(user__first_name__icontains=word) | Q(user__last_name__icontains=word)
    number = NUMBER.match(text)
    if number:
        where |= Q(number=int(number.group(1)))
    return memberships.filter(where)


def filtered(memberships, data):
    """Apply the cleaned filter form ``data`` (register, status, class, search)."""
    if data.get("register"):
        memberships = memberships.filter(register=data["register"])
    if data.get("status"):
        memberships = memberships.filter(status=data["status"])
    if data.get("member_class"):
        memberships = memberships.filter(member_class=data["member_class"])
    return search(memberships, data.get("q"))


def ordered(memberships):
    """Members by number, then applications by date (they have no number yet)."""
    # Nulls last on every database: SQLite and PostgreSQL disagree by default.
    return memberships.order_by(
        "register__site__site_name", F("number").asc(nulls_last=True), "applied_at", "pk"
    )


def header():
    """The CSV's column names."""
    return [
        _("Register"),
        _("Membership number"),
        _("First name"),
        _("Last name"),
        _("Email address"),
        _("Class"),
        _("Status"),
        _("Applied on"),
        _("Joined on"),
        _("Left on"),
        _("Listed in the directory"),
    ]


def row(membership):
    """One membership as CSV cells, each safe to open in a spreadsheet."""
    user = membership.user
    cells = [
        membership.register.site_name,
        membership.membership_number,
        user.first_name,
        user.last_name,
        user.email,
        membership.member_class.name,
        membership.get_status_display(),
        membership.applied_at.date().isoformat(),
        membership.joined_on.isoformat() if membership.joined_on else "",
        membership.left_on.isoformat() if membership.left_on else "",
        _("Yes") if membership.in_directory else _("No"),
    ]
    return [safe_cell(cell) for cell in cells]


def write_csv(memberships, out):
    """Write ``memberships`` to the file-like ``out`` as CSV, with a header row."""
    writer = csv.writer(out)
    writer.writerow(header())
    for membership in memberships:
        writer.writerow(row(membership))
