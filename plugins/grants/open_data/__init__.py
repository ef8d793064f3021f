"""Grants as open data in the 360Giving Data Standard (https://standard.threesixtygiving.org).

:mod:`.records` turns each award into a 360Giving grant, :mod:`.package` wraps grants in a
data package (the JSON file), :mod:`.flat` writes the same grants as a CSV with the
standard's column titles, and :mod:`.exports` ties them to a site or one programme, for the
views and for ``manage.py export_360giving``.

What is published: one grant per **active** award of a live programme. Withdrawn awards
are left out (the grant was not made); applications that were never approved are not
grants. Nothing personal is published: no contact names, emails or phone numbers and
nothing about the applicant's account; only the organisation, the project, the money, the
area and the dates.
"""

from .exports import GrantsExport

__all__ = ["GrantsExport"]
