"""The grants admin's screens, one module per thing staff look after.

* :mod:`.applications`: the applications listing (filters, search, bulk actions) and one
  application with its assessments and the panel's decision;
* :mod:`.awards`: one award (due diligence, payments, withdrawal, monitoring report) and
  the overdue monitoring reports;
* :mod:`.reporting`: the round reports and their CSV export.
"""
