"""Due dates counted in working days (Monday to Friday; bank holidays are not known)."""

import datetime


def add_working_days(start: datetime.date, days: int) -> datetime.date:
    """The date ``days`` working days after ``start``.

    Example: a request received on Friday 4 December 2026 with 5 working days to answer is
    due on Friday 11 December; one received on Saturday is due the same Friday.
    """
    day = start
    remaining = days
    while remaining > 0:
        day += datetime.timedelta(days=1)
        if day.weekday() < 5:
            remaining -= 1
    return day
