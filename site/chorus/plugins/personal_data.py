"""Subject-access export and erasure, and who can see personal data, gathered from every
plugin and the core.

Unlike the other hooks these are called for **every** installed plugin, whatever sites it
is on: data kept while a plugin was on for a site is still personal data after it is
switched off.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from .manager import get_manager


def export_personal_data(email: str) -> dict[str, list[Any]]:
    """Return every section of personal data held about ``email``, merged across plugins.

    Each implementation of ``chorus_export_personal_data`` returns ``{section: records}``.
    Sections with the same name from different plugins are joined into one list; a section
    whose value is not a list is kept as a one-item list, so nothing is overwritten.
    """
    merged: dict[str, list[Any]] = {}
    for result in get_manager().hook.chorus_export_personal_data(email=email):
        for section, records in (result or {}).items():
            if not isinstance(records, list | tuple):
                records = [records]
            merged.setdefault(str(section), []).extend(records)
    return dict(sorted(merged.items()))


@transaction.atomic
def erase_personal_data(email: str) -> int:
    """Pseudonymise what every plugin holds about ``email``; return how many records changed.

    Runs in one transaction, so a plugin that fails leaves nothing half-erased.
    """
    return sum(count or 0 for count in get_manager().hook.chorus_erase_personal_data(email=email))


def sees_personal_data(user) -> bool:
    """Whether ``user`` can see other people's personal data: superusers, and staff whose
    role some plugin or core app says shows it (``chorus_sees_personal_data``)."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return any(get_manager().hook.chorus_sees_personal_data(user=user))
